import type { Bilingual } from '#shared/game/concepts/index';
import { type ConceptsKey, conceptsEn } from '../i18n/concepts.en.ts';
import { conceptsZhCN } from '../i18n/concepts.zhCN.ts';
import { lang } from '../i18n/index.ts';

/** A concept check string in the page's language, with {name} placeholders filled. */
export function ct(key: ConceptsKey, params: Record<string, string | number> = {}): string {
  const text = lang() === 'zh-CN' ? conceptsZhCN[key] : conceptsEn[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** The item bank's text in the page's language. */
export function pick(text: Bilingual): string {
  return lang() === 'zh-CN' ? text.zh : text.en;
}
