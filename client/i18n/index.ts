import { type ClassroomKey, classroomEn } from './classroom.en.ts';
import { classroomZhCN } from './classroom.zhCN.ts';
import { type MessageKey as BaseKey, en } from './en.ts';
import { type WalkKey, walkEn } from './walk.en.ts';
import { walkZhCN } from './walk.zhCN.ts';
import { zhCN } from './zhCN.ts';

export type MessageKey = BaseKey | ClassroomKey | WalkKey;
export const LANGS = { en: 'English', 'zh-CN': '简体中文' } as const;
export type Lang = keyof typeof LANGS;

const DICTS: Record<Lang, Record<MessageKey, string>> = {
  en: { ...en, ...classroomEn, ...walkEn },
  'zh-CN': { ...zhCN, ...classroomZhCN, ...walkZhCN },
};
const STORAGE_KEY = 'bd.lang';
const listeners = new Set<() => void>();

function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && Object.hasOwn(LANGS, x);
}

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage may be blocked (private mode): fall back to the browser's language
  }
  const nav = globalThis.navigator?.language ?? 'en';
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // the choice then lasts for this page only
  }
  if (globalThis.document) document.documentElement.lang = next;
  for (const f of listeners) f();
}

/** Calls f whenever the language changes; returns the unsubscribe. */
export function onLangChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The message `key` in the current language, with {name} placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = DICTS[current][key] ?? DICTS.en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** Fills every [data-i18n] element under root with its message (text only, never HTML). */
export function applyI18n(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(el.dataset['i18n'] as MessageKey);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset['i18nLabel'] as MessageKey));
  }
}

/** A <select> that switches the language and remembers the choice. */
export function languageSwitch(): HTMLSelectElement {
  const sel = document.createElement('select');
  sel.className = 'lang-switch';
  sel.setAttribute('aria-label', 'Language / 语言');
  for (const [code, name] of Object.entries(LANGS)) {
    const o = document.createElement('option');
    o.value = code;
    o.textContent = name;
    o.lang = code;
    sel.append(o);
  }
  sel.value = current;
  sel.addEventListener('change', () => {
    if (isLang(sel.value)) setLang(sel.value);
  });
  onLangChange(() => {
    sel.value = current;
  });
  return sel;
}
