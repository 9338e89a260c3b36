import { applyI18n, languageSwitch, onLangChange, t } from '../i18n/index.ts';
import { onMotionChange, reducedMotion, setReducedMotion } from '../state/motion.ts';
import { muted, onMuteChange, setMuted } from '../state/mute.ts';
import { applyTheme, onThemeChange, setTheme, ThemeName, theme } from '../state/theme.ts';
import { el } from './format.ts';

/** A labelled checkbox of the top bar, kept in step with the setting it switches. */
function toggle(
  id: string,
  key: 'motion.reduce' | 'sound.mute',
  get: () => boolean,
  set: (on: boolean) => void,
  onChange: (f: () => void) => unknown,
): HTMLLabelElement {
  const box = el('input', { type: 'checkbox', id });
  box.checked = get();
  box.addEventListener('change', () => set(box.checked));
  onChange(() => {
    box.checked = get();
  });
  return el('label', { class: 'motion-toggle' }, box, el('span', { 'data-i18n': key }));
}

/** The colour theme: standard (Okabe–Ito on light grey) or high contrast, remembered per device. */
function themeSwitch(): HTMLSelectElement {
  const sel = el('select', {
    class: 'theme-switch',
    id: 'theme-switch',
    'data-i18n-label': 'theme.label',
  });
  for (const name of Object.values(ThemeName)) {
    sel.append(el('option', { value: name, 'data-i18n': `theme.${name}` }));
  }
  sel.value = theme();
  sel.addEventListener('change', () => {
    setTheme(sel.value === ThemeName.Contrast ? ThemeName.Contrast : ThemeName.Standard);
  });
  onThemeChange(() => {
    sel.value = theme();
  });
  return sel;
}

/** The bar on top of every page: title, links, and the language, colour, motion and sound switches. */
export function header(
  links: { href: string; key: 'nav.home' | 'nav.levels' | 'nav.sandbox' }[],
): HTMLElement {
  applyTheme();
  const nav = el('nav', { class: 'links' });
  for (const l of links) nav.append(el('a', { href: l.href, 'data-i18n': l.key }));
  const bar = el(
    'header',
    { class: 'topbar' },
    el('a', { class: 'brand', href: '/', 'data-i18n': 'app.title' }),
    nav,
    el(
      'div',
      { class: 'switches' },
      toggle('reduce-motion', 'motion.reduce', reducedMotion, setReducedMotion, onMotionChange),
      toggle('mute', 'sound.mute', muted, setMuted, onMuteChange),
      themeSwitch(),
      languageSwitch(),
    ),
  );
  return bar;
}

/** Keeps [data-i18n] text and the page title in the current language. */
export function keepTranslated(root: ParentNode, titleKey: Parameters<typeof t>[0]): void {
  const apply = () => {
    applyI18n(root);
    document.title = t(titleKey);
  };
  apply();
  onLangChange(apply);
}
