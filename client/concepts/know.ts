import {
  CONCEPT_INFO,
  CONCEPTS,
  MISCONCEPTION_LABEL,
  MISCONCEPTIONS,
  normalisedGain,
} from '#shared/game/concepts/index';
import { type MessageKey, t } from '../i18n/index.ts';
import { loadProgress } from '../solo/progress.ts';
import { el } from '../ui/format.ts';
import { renderRich } from '../ui/math.ts';
import { type Attempt, type KeyValueStore, scoreOf } from './store.ts';
import { ct, pick } from './text.ts';

/** Below this share of a concept's items right, the concept counts as weak and its level is offered. */
export const WEAK_PERCENT = 70;

const pct = (x: number) => String(Math.round(x));

/**
 * "What I know": per concept, the last finished check's score, the level to
 * replay for a weak one (with the stars the player has there), the gain
 * since the first check, and what the wrong answers point to.
 */
export function knowView(
  attempts: readonly Attempt[],
  storage: KeyValueStore | undefined,
): HTMLElement {
  const root = el('section', { class: 'cc-know' }, el('h2', {}, ct('concepts.know')));
  const done = attempts.filter((a) => a.finished !== undefined);
  if (!done.length) {
    root.append(el('p', { class: 'note' }, ct('concepts.knowEmpty')), fromLevels(storage));
    return root;
  }
  const last = scoreOf(done[done.length - 1]!);
  const first = done.length > 1 ? scoreOf(done[0]!) : undefined;
  root.append(
    el(
      'p',
      { class: 'cc-score' },
      ct('concepts.score', { right: last.right, total: last.total, pct: pct(last.overall) }),
    ),
  );
  if (first) {
    const g = normalisedGain(first.overall, last.overall);
    root.append(
      el(
        'p',
        { class: 'cc-gain' },
        g === null ? ct('concepts.gainCeiling') : ct('concepts.gain', { g: g.toFixed(2) }),
      ),
    );
  }
  const stars = loadProgress(storage);
  const list = el('ul', { class: 'cc-concepts' });
  for (const c of CONCEPTS) {
    const s = last.perConcept[c];
    if (!s) continue;
    const info = CONCEPT_INFO[c];
    const weak = s.percent < WEAK_PERCENT;
    const title = el('span', { class: 'cc-concept-title' });
    renderRich(title, pick(info.title));
    const bar = el('span', { class: 'cc-bar', role: 'img', 'aria-label': `${pct(s.percent)} %` });
    bar.append(el('span', { class: 'cc-fill', style: `width:${s.percent}%` }));
    const row = el(
      'li',
      { class: weak ? 'cc-concept weak' : 'cc-concept', 'data-concept': c },
      title,
      bar,
      el('span', { class: 'cc-pct' }, ct('concepts.conceptRow', { pct: pct(s.percent) })),
    );
    // The level's stars are the solo moves' side of the picture, beside the check's.
    const starsText = el(
      'span',
      { class: 'cc-stars' },
      ct('concepts.stars', { n: stars[info.level] ?? 0 }),
    );
    if (weak) {
      const level = t(`level.${info.level}.title` as MessageKey);
      const link = el(
        'a',
        { class: 'button cc-replay', href: `/play.html?level=${info.level}` },
        ct('concepts.replay', { level }),
      );
      row.append(link, starsText);
    } else {
      row.append(el('span', { class: 'cc-strong' }, ct('concepts.strong')), starsText);
    }
    list.append(row);
  }
  root.append(list, el('h3', {}, ct('concepts.misconceptions')));
  const tags = MISCONCEPTIONS.filter((m) => (last.misconceptions[m] ?? 0) > 0);
  if (!tags.length) root.append(el('p', { class: 'note' }, ct('concepts.noMisconceptions')));
  else {
    const ul = el('ul', { class: 'cc-tags' });
    for (const m of tags) {
      ul.append(
        el('li', { 'data-tag': m }, `${pick(MISCONCEPTION_LABEL[m])} × ${last.misconceptions[m]}`),
      );
    }
    root.append(ul);
  }
  return root;
}

/** Stars below this on a concept's level mark it weak while no check has been taken. */
export const WEAK_STARS = 2;

/**
 * Before any check: what the player's own solo moves say, concept by
 * concept — the stars of the level that practises it, and a replay link
 * where they are under WEAK_STARS.
 */
function fromLevels(storage: KeyValueStore | undefined): HTMLElement {
  const stars = loadProgress(storage);
  const box = el('div', { class: 'cc-from-levels' }, el('p', {}, ct('concepts.fromLevels')));
  const list = el('ul', { class: 'cc-concepts' });
  for (const c of CONCEPTS) {
    const info = CONCEPT_INFO[c];
    const n = stars[info.level] ?? 0;
    const weak = n < WEAK_STARS;
    const title = el('span', { class: 'cc-concept-title' });
    renderRich(title, pick(info.title));
    const row = el(
      'li',
      { class: weak ? 'cc-concept weak' : 'cc-concept', 'data-concept': c },
      title,
      el('span', { class: 'cc-stars' }, ct('concepts.stars', { n })),
    );
    const level = t(`level.${info.level}.title` as MessageKey);
    row.append(
      weak
        ? el(
            'a',
            { class: 'button cc-replay', href: `/play.html?level=${info.level}` },
            ct('concepts.replay', { level }),
          )
        : el('span', { class: 'cc-strong' }, ct('concepts.strong')),
    );
    list.append(row);
  }
  box.append(list);
  return box;
}
