import { LEVELS } from '#shared/game/levels';
import { onLangChange, t } from '../i18n/index.ts';
import { el } from '../ui/format.ts';
import { isUnlocked, loadProgress } from './progress.ts';

/** The campaign's levels as cards: number, title, stars earned; locked ones say why. */
export function campaignList(storage: Storage | undefined): HTMLElement {
  const root = el('main', { class: 'campaign' });
  const render = () => {
    const progress = loadProgress(storage);
    const list = el('ol', { class: 'levels' });
    LEVELS.forEach((level, i) => {
      const stars = progress[level.id] ?? 0;
      const open = isUnlocked(progress, level.id);
      const card = el(
        open ? 'a' : 'div',
        {
          class: `level-card${open ? '' : ' locked'}`,
          'data-level': level.id,
          'data-stars': String(stars),
        },
        el('span', { class: 'num' }, t('campaign.level', { n: i + 1 })),
        el('span', { class: 'name' }, t(`level.${level.id}.title`)),
        el(
          'span',
          { class: 'stars', 'aria-label': t('campaign.stars', { n: stars }) },
          starString(stars),
        ),
      );
      if (open) card.setAttribute('href', `play.html?level=${level.id}`);
      else card.title = t('campaign.locked');
      list.append(el('li', {}, card));
    });
    root.replaceChildren(
      el('h1', {}, t('campaign.title')),
      el('p', { class: 'unlock-rule' }, t('campaign.unlockRule')),
      list,
    );
  };
  render();
  onLangChange(render);
  return root;
}

export function starString(n: number): string {
  return '★'.repeat(n) + '☆'.repeat(3 - n);
}
