import { meanCalibration } from '#shared/game/prediction';
import { t } from '../i18n/index.ts';
import { el, num, signed } from '../ui/format.ts';
import { renderRich } from '../ui/math.ts';
import { starString } from './campaignList.ts';
import type { LevelRun } from './levelRun.ts';

/** The end of a level: stars, mean quality, the recap, and Try again / Next level / All levels. */
export function levelDone(run: LevelRun, retry: () => void): HTMLElement[] {
  const stars = run.stars;
  const recap = el('p', { class: 'recap' });
  renderRich(recap, t(`level.${run.level.id}.recap`));
  const again = el('button', { type: 'button', class: 'retry' }, t('campaign.retry'));
  again.addEventListener('click', retry);
  const buttons = el('div', { class: 'actions' }, again);
  const next = run.nextLevel;
  if (next && stars > 0) {
    buttons.append(
      el('a', { class: 'button primary', href: `play.html?level=${next.id}` }, t('campaign.next')),
    );
  }
  buttons.append(el('a', { class: 'button', href: 'play.html' }, t('campaign.back')));
  return [
    el('h2', {}, t('campaign.finished')),
    el(
      'p',
      {
        class: 'stars',
        role: 'img',
        'data-stars': String(stars),
        'aria-label': t('campaign.stars', { n: stars }),
      },
      starString(stars),
    ),
    el(
      'p',
      { class: 'mean-q' },
      run.flags.race
        ? t('campaign.raceMargin', { m: signed(100 * run.raceMargin, 2) })
        : t('campaign.meanQ', { q: num(run.meanQuality, 2) }),
    ),
    ...calibrationLine(run),
    el(
      'p',
      { class: 'unlock-note' },
      next ? t(stars > 0 ? 'campaign.unlocked' : 'campaign.needStar') : '',
    ),
    el('h3', {}, t('campaign.recap')),
    recap,
    buttons,
  ];
}

/** Predict levels: the predictions' own score, apart from the stars. */
function calibrationLine(run: LevelRun): HTMLElement[] {
  const c = meanCalibration(run.predictions);
  if (c === null) return [];
  return [
    el(
      'p',
      { class: 'calibration', 'data-score': String(c) },
      t('predict.mean', { score: Math.round(c) }),
    ),
  ];
}
