import { lang, onLangChange } from '../i18n/index.ts';
import { type MnistKey, mnistEn } from '../i18n/mnist.en.ts';
import { mnistZhCN } from '../i18n/mnist.zhCN.ts';

// The lab's strings live beside the shared dictionaries, not in them, so the
// first page's bundle does not carry them.
const DICTS = { en: mnistEn, 'zh-CN': mnistZhCN } as const;

/** The lab's message `key` in the current language, {name} placeholders filled. */
export function mt(key: MnistKey, params: Record<string, string | number> = {}): string {
  const text: string = DICTS[lang()][key] ?? mnistEn[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** Fills every [data-mi18n] element under root, now and on each language change. */
export function keepMnistTranslated(root: ParentNode): void {
  const apply = () => {
    for (const e of root.querySelectorAll<HTMLElement>('[data-mi18n]')) {
      e.textContent = mt(e.dataset['mi18n'] as MnistKey);
    }
  };
  apply();
  onLangChange(apply);
}
