import type { DemonStanding, LeaderboardEntry } from '#shared/protocol/views';
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

/**
 * Who competes for places: every entry the server gave a rank. The gradient
 * demon as a benchmark comes with rank null (the host's demonRanked setting
 * gives it one); a reveal stored by an older server may still rank it, and it
 * is left out there too unless the host ranked it.
 */
export function ranked(
  entries: LeaderboardEntry[],
  demon?: DemonStanding | null,
): LeaderboardEntry[] {
  return entries.filter((e) => e.rank !== null && (!e.bot || demon?.ranked === true));
}

/** The gradient demon's row beside the standings: its points, no place. */
function benchmarkRow(d: { id: string; score: number; lastPoints: number }): HTMLTableRowElement {
  return el(
    'tr',
    { 'data-id': d.id, class: 'bot benchmark' },
    el('td', { class: 'rank', title: t('cls.board.benchmark') }, '–'),
    el('td', {}, ''),
    el('td', { class: 'name' }, t('cls.board.bot')),
    el('td', { class: 'num points' }, `+${d.lastPoints}`),
    el('td', { class: 'num score' }, String(d.score)),
  );
}

/**
 * The leaderboard as a table: the first `limit` competitors, the reader's own
 * row (`me`) if it is further down, and the gradient demon as a benchmark
 * where its points would put it, without a place (unless the host ranked it:
 * then it is one of the entries). Names are text, never markup.
 */
export function leaderboardTable(
  entries: LeaderboardEntry[],
  limit = 10,
  me?: string,
  demon?: DemonStanding | null,
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
  const competitors = ranked(entries, demon);
  const top = new Set(competitors.slice(0, limit));
  const mine = me ? entries.find((e) => e.id === me) : undefined;
  // The first `limit` who compete, the benchmark where the server listed it, and the reader.
  const shown = entries.filter((e) => top.has(e) || !competitors.includes(e) || e === mine);
  const rows = shown.map((e) => ({
    score: e.score,
    row: competitors.includes(e)
      ? el(
          'tr',
          { 'data-id': e.id, class: `${e.bot ? 'bot' : ''} ${e.id === me ? 'me' : ''}`.trim() },
          el('td', { class: 'rank' }, String(e.rank)),
          el('td', {}, rankChange(e.rankChange)),
          el('td', { class: 'name' }, displayName(e)),
          el('td', { class: 'num points' }, `+${e.lastPoints}`),
          el('td', { class: 'num score' }, String(e.score)),
        )
      : benchmarkRow(e),
  }));
  // A message that lists the demon only beside the standings (Final): its row goes where its points put it.
  if (demon && !demon.ranked && !entries.some((e) => e.bot)) {
    const at = rows.findIndex((r) => r.score < demon.score);
    rows.splice(at < 0 ? rows.length : at, 0, { score: demon.score, row: benchmarkRow(demon) });
  }
  return el(
    'table',
    { class: 'leaderboard' },
    el('caption', {}, t('cls.board.title')),
    el('thead', {}, head),
    el('tbody', {}, ...rows.map((r) => r.row)),
  );
}

/** How the class did against the benchmark, for the end screens. */
export function demonLine(demon: DemonStanding | null | undefined): HTMLElement | string {
  return demon
    ? el(
        'p',
        { class: 'beat-demon big-note' },
        t('cls.end.beatDemon', { n: demon.roundsBeaten, total: demon.rounds }),
      )
    : '';
}

/** The top three on steps: second, first, third from left to right; the gradient demon only if the host ranked it. */
export function podium(standings: LeaderboardEntry[], demon?: DemonStanding | null): HTMLElement {
  const top = ranked(standings, demon)
    .filter((e) => (e.rank ?? Infinity) <= 3)
    .slice(0, 3);
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
