import { classroomEn } from '../i18n/classroom.en.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import { ApiError } from '../net/api.ts';
import { AckError } from '../net/socket.ts';

/** A refusal as a sentence in the page's language (the server's English message is for logs). */
export function errorText(e: unknown): string {
  if (e instanceof AckError || e instanceof ApiError) {
    const key = `cls.err.${e.code}` as MessageKey;
    return Object.hasOwn(classroomEn, key) ? t(key, { detail: e.message }) : e.message;
  }
  return t('cls.err.INTERNAL');
}

/** The error's code, when it has one. */
export function errorCode(e: unknown): string | null {
  return e instanceof AckError || e instanceof ApiError ? e.code : null;
}
