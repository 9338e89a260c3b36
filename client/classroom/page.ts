import { t } from '../i18n/index.ts';
import { LinkState } from '../net/socket.ts';
import { el } from '../ui/format.ts';
import { header } from '../ui/shell.ts';

/** The classroom pages' top bar (home link, language) and a line that says when the link is down. */
export function classroomShell(app: HTMLElement): { main: HTMLElement; link: HTMLElement } {
  const link = el('p', { class: 'link-state', role: 'status', 'aria-live': 'polite', hidden: '' });
  const main = el('main', { class: 'classroom' });
  app.append(header([{ href: '/', key: 'nav.home' }]), link, main);
  return { main, link };
}

export function showLinkState(line: HTMLElement, s: LinkState): void {
  line.dataset['state'] = s;
  line.textContent =
    s === LinkState.Online ? '' : s === LinkState.Offline ? t('cls.offline') : t('cls.connecting');
  line.hidden = s === LinkState.Online;
}

/** A game code as it is read aloud and shown large: 123 456. */
export function spacedCode(code: string): string {
  return code.replace(/(\d{3})(\d{3})/, '$1 $2');
}
