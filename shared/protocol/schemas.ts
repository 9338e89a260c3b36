import { z } from 'zod';
import { NICKNAME_MAX } from './codes.ts';
import { CODE_LENGTH, CODE_PATTERN } from './joinCode.ts';
import { SETTINGS_BOUNDS } from './settings.ts';

/**
 * Every payload a client sends, as a zod schema: the server parses each one
 * before it reaches a room, and the TypeScript types come from the same schemas.
 */

export {
  MAX_CLASS_LAYER,
  MAX_CLASS_LAYERS,
  SETTINGS_BOUNDS,
  SETTINGS_DEFAULTS,
  SessionSettings,
  SessionSettingsInput,
} from './settings.ts';

export const Code = z.string().regex(CODE_PATTERN, { error: `code must be ${CODE_LENGTH} digits` });
export const Token = z.string().min(16).max(128);

export const JoinPayload = z.strictObject({
  code: Code,
  /** Checked by checkNickname, so that a bad one gets NICKNAME_INVALID. */
  nickname: z.string().max(200),
});
export type JoinPayload = z.infer<typeof JoinPayload>;

export const ResumePayload = z.strictObject({ code: Code, token: Token });
export type ResumePayload = z.infer<typeof ResumePayload>;

export const HostJoinPayload = z.strictObject({ code: Code, token: Token });
export type HostJoinPayload = z.infer<typeof HostJoinPayload>;

/** A demon's move: add Δz to z^l_j in round `round`. */
export const MovePayload = z.strictObject({
  round: z.int().min(1).max(1000),
  l: z.int(),
  j: z.int(),
  dz: z.number(),
});
export type MovePayload = z.infer<typeof MovePayload>;

/** Host commands without arguments take `{}` (or nothing, or null). */
export const EmptyPayload = z.strictObject({}).nullish();
export type EmptyPayload = z.infer<typeof EmptyPayload>;

export const ExtendPayload = z.strictObject({
  seconds: z.int().min(SETTINGS_BOUNDS.extendSeconds.min).max(SETTINGS_BOUNDS.extendSeconds.max),
});
export type ExtendPayload = z.infer<typeof ExtendPayload>;

export const KickPayload = z.strictObject({ playerId: z.string().min(1).max(64) });
export type KickPayload = z.infer<typeof KickPayload>;

// Control and format characters (bidi overrides, zero-width) except the emoji joiner U+200D.
const HIDDEN_CHARS =
  /[\p{Cc}\u2028\u2029\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/u;

export type NicknameCheck =
  | { ok: true; nickname: string; key: string }
  | { ok: false; message: string };

/**
 * A nickname is 1–NICKNAME_MAX (32) characters after trimming, with no control characters;
 * `key` is what "unique ignoring case" compares.
 */
export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.normalize('NFC').trim();
  const length = [...nickname].length;
  if (length < 1 || length > NICKNAME_MAX)
    return { ok: false, message: `nickname must be 1 to ${NICKNAME_MAX} characters` };
  if (HIDDEN_CHARS.test(nickname))
    return { ok: false, message: 'nickname must not hold control characters' };
  return { ok: true, nickname, key: nickname.normalize('NFKC').toLowerCase() };
}
