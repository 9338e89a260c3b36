import type { LeaderboardEntry } from '#shared/protocol/views';
import { t } from '../i18n/index.ts';
import { el } from '../ui/format.ts';

/** A competitor's name as shown: the gradient demon in the page's language, players as typed. */
export function displayName(e: LeaderboardEntry): string {
  return e.bot ? t('cls.board.bot') : e.nickname;
}

/** ▲2, ▼1 or – beside a rank, with the words for screen readers. */
export function rankChange(change: number | null): HTMLElement {
  if (change === null) return el('span', { class: 'rank-change' });
  const [sym, cls, label] =
    change > 0
      ? [`▲${change}`, 'up', t('cls.board.up', { n: change })]
      : change < 0
        ? [`▼${-change}`, 'down', t('cls.board.down', { n: -change })]
        : ['–', 'same', t('cls.board.same')];
  return el('span', { class: `rank-change ${cls}`, title: label, 'aria-label': label }, sym);
}

/** The leaderboard as a table; `me` marks the reader's own row. Names are text, never markup. */
export function leaderboardTable(
  entries: LeaderboardEntry[],
  limit = 10,
  me?: string,
): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, t('cls.board.rank')),
    el('th', { scope: 'col' }, ''),
    el('th', { scope: 'col', class: 'name' }, t('cls.board.name')),
    el('th', { scope: 'col', class: 'num' }, t('cls.board.points')),
    el('th', { scope: 'col', class: 'num' }, t('cls.board.score')),
  );
  const body = el('tbody', {});
  const shown = entries.slice(0, limit);
  const mine = me ? entries.find((e) => e.id === me) : undefined;
  if (mine && !shown.includes(mine)) shown.push(mine);
  for (const e of shown) {
    const row = el(
      'tr',
      { 'data-id': e.id, class: `${e.bot ? 'bot' : ''} ${e.id === me ? 'me' : ''}`.trim() },
      el('td', { class: 'rank' }, e.rank === null ? '–' : String(e.rank)),
      el('td', {}, rankChange(e.rankChange)),
      el('td', { class: 'name' }, displayName(e)),
      el('td', { class: 'num points' }, `+${e.lastPoints}`),
      el('td', { class: 'num score' }, String(e.score)),
    );
    body.append(row);
  }
  return el(
    'table',
    { class: 'leaderboard' },
    el('caption', {}, t('cls.board.title')),
    el('thead', {}, head),
    body,
  );
}

/** The top three on steps: second, first, third from left to right. */
export function podium(standings: LeaderboardEntry[]): HTMLElement {
  const top = standings.filter((e) => e.rank !== null && e.rank <= 3).slice(0, 3);
  const order = [top[1], top[0], top[2]];
  const root = el('ol', { class: 'podium', 'aria-label': t('cls.end.podium') });
  order.forEach((e, i) => {
    if (!e) {
      root.append(el('li', { class: 'step empty', 'aria-hidden': 'true' }));
      return;
    }
    const place = [2, 1, 3][i]!;
    root.append(
      el(
        'li',
        { class: `step place-${place} ${e.bot ? 'bot' : ''}`, 'data-rank': String(e.rank) },
        el('span', { class: 'podium-name' }, displayName(e)),
        el('span', { class: 'podium-score' }, String(e.score)),
        el('span', { class: 'podium-block' }, String(e.rank)),
      ),
    );
  });
  return root;
}
