import { applyI18n, languageSwitch, onLangChange, t } from '../i18n/index.ts';
import { onMotionChange, reducedMotion, setReducedMotion } from '../state/motion.ts';
import { el } from './format.ts';

/** The bar on top of every page: title, links, language and reduced-motion switches. */
export function header(
  links: { href: string; key: 'nav.home' | 'nav.levels' | 'nav.sandbox' }[],
): HTMLElement {
  const nav = el('nav', { class: 'links' });
  for (const l of links) nav.append(el('a', { href: l.href, 'data-i18n': l.key }));
  const motion = el('input', { type: 'checkbox', id: 'reduce-motion' });
  motion.checked = reducedMotion();
  motion.addEventListener('change', () => setReducedMotion(motion.checked));
  onMotionChange(() => {
    motion.checked = reducedMotion();
  });
  const motionLabel = el(
    'label',
    { class: 'motion-toggle' },
    motion,
    el('span', { 'data-i18n': 'motion.reduce' }),
  );
  const bar = el(
    'header',
    { class: 'topbar' },
    el('a', { class: 'brand', href: '/', 'data-i18n': 'app.title' }),
    nav,
    el('div', { class: 'switches' }, motionLabel, languageSwitch()),
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
