import { onLangChange } from '../i18n/index.ts';
import { mt } from './i18n.ts';

/** The home page's one link to the lab: a few bytes, none of the digits. */
export function mnistLink(className = 'button'): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = className;
  a.href = 'mnist/';
  const label = () => {
    a.textContent = mt('mnist.link');
  };
  label();
  onLangChange(label);
  return a;
}
