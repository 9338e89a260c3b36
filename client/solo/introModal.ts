import type { LevelDef } from '#shared/game/levels';
import { onLangChange, t } from '../i18n/index.ts';
import { el } from '../ui/format.ts';
import { renderRich } from '../ui/math.ts';

/**
 * The level's explanation before it starts, in the page's language; Start (or
 * Enter) closes it, and "Watch backprop" closes it onto a worked example.
 */
export function introModal(
  level: LevelDef,
  index: number,
  close: () => void,
  watch?: () => void,
): HTMLElement {
  const body = el('div', { class: 'intro-text' });
  const h = el('h2', { id: 'intro-title' });
  const go = el('button', { type: 'button', class: 'primary start' });
  go.addEventListener('click', close);
  const walk = el('button', { type: 'button', class: 'walk-open' });
  walk.addEventListener('click', () => watch?.());
  walk.hidden = !watch;
  const render = () => {
    h.textContent = `${t('campaign.level', { n: index + 1 })} · ${t(`level.${level.id}.title`)}`;
    renderRich(body, t(`level.${level.id}.intro`));
    go.textContent = t('campaign.start');
    walk.textContent = t('walk.openExample');
  };
  render();
  onLangChange(render);
  const card = el(
    'div',
    { class: 'card', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'intro-title' },
    h,
    body,
    el('div', { class: 'intro-actions' }, go, walk),
  );
  queueMicrotask(() => go.focus());
  return el('div', { class: 'modal' }, card);
}
