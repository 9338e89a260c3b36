import type { Reveal } from '#shared/protocol/views';
import { t } from '../i18n/index.ts';
import { el } from '../ui/format.ts';

const pct = (n: number, of: number) => String(Math.round((100 * n) / Math.max(1, of)));

/**
 * Predict rounds, in the reveal: the class's predictions against what its
 * moves did — the share with the right sign and the right decade, the mean
 * calibration, and a two-by-two of predicted against actual direction. A
 * self-contained block; nothing outside predict rounds.
 */
export function revealPredictions(r: Reveal): HTMLElement | null {
  const p = r.classMoves.predictions;
  const predicted = r.classMoves.moves.filter((m) => m.prediction);
  if (!p && !predicted.length) return null;
  const root = el('section', { class: 'reveal-predictions' });
  if (!p) {
    root.append(el('p', {}, t('predict.classNone')));
    return root;
  }
  root.dataset['signRight'] = String(p.signRight);
  root.append(
    el(
      'p',
      { class: 'reveal-predictions-head' },
      t('predict.class', {
        sign: pct(p.signRight, p.count),
        size: pct(p.sizeRight, p.count),
        score: Math.round(p.meanScore),
      }),
    ),
  );
  const count = (said: 'down' | 'up', went: 'down' | 'up') =>
    predicted.filter((m) => m.prediction!.sign === said && (m.deltaC < 0 ? 'down' : 'up') === went)
      .length;
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, t('predict.sign')),
    el('th', { scope: 'col', class: 'num' }, t('predict.col.down')),
    el('th', { scope: 'col', class: 'num' }, t('predict.col.up')),
  );
  const body = el('tbody', {});
  for (const said of ['down', 'up'] as const)
    body.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, t(said === 'down' ? 'predict.down' : 'predict.up')),
        el('td', { class: 'num' }, String(count(said, 'down'))),
        el('td', { class: 'num' }, String(count(said, 'up'))),
      ),
    );
  root.append(el('table', { class: 'report-table' }, el('thead', {}, head), body));
  return root;
}
