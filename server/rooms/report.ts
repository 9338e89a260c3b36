import type { Misconception } from '#shared/game/concepts/tags';
import { GRADIENT_DEMON_ID } from '#shared/protocol/codes';
import type { Report, ReportRow } from '#shared/protocol/rest';

import type { LoadedSession } from '../persistence/store.ts';
import { demonCompetitor, demonStanding } from './demon.ts';
import { type Competitor, GRADIENT_DEMON_NAME, leaderboard } from './leaderboard.ts';

export type { Report, ReportRow };

const EMPTY = {
  l: null,
  j: null,
  dz: null,
  deltaC: null,
  predicted: null,
  deltaBar: null,
  quality: null,
  rightSign: null,
  saturated: null,
  sigmaPrime: null,
  seconds: null,
};

/**
 * The report of a session, from the store: per player per round, the gradient
 * demon included. `online` tells who is connected now (a running session's
 * room knows; an ended one has nobody).
 */
export function buildReport(
  s: LoadedSession,
  online: (playerId: string) => boolean = () => false,
): Omit<Report, 'check'> {
  const played = s.rounds.map((r) => r.round);
  const moveOf = new Map(s.moves.map((m) => [`${m.round}:${m.playerId}`, m.result]));
  const rows: ReportRow[] = [];
  const competitors: Competitor[] = [];
  const players = s.players.map((p) => {
    const points = new Map<number, number>();
    const misconceptions: Partial<Record<Misconception, number>> = {};
    for (const r of played) {
      const m = moveOf.get(`${r}:${p.id}`);
      if (m) points.set(r, m.points);
      for (const tag of m?.tags ?? []) misconceptions[tag] = (misconceptions[tag] ?? 0) + 1;
      rows.push({
        round: r,
        playerId: p.id,
        nickname: p.nickname,
        bot: false,
        moved: !!m,
        ...(m
          ? {
              l: m.l,
              j: m.j,
              dz: m.dz,
              deltaC: m.deltaC,
              predicted: m.predicted,
              deltaBar: m.deltaBar,
              quality: m.quality,
              rightSign: m.rightSign,
              saturated: m.saturated,
              sigmaPrime: m.sigmaPrime,
              seconds: m.seconds,
            }
          : EMPTY),
        points: m?.points ?? 0,
        misconceptions: [...(m?.tags ?? [])],
      });
    }
    const score = [...points.values()].reduce((a, b) => a + b, 0);
    if (!p.kicked)
      competitors.push({
        id: p.id,
        nickname: p.nickname,
        bot: false,
        online: online(p.id),
        points,
      });
    return { id: p.id, nickname: p.nickname, kicked: p.kicked, score, misconceptions };
  });
  const bot = new Map<number, number>();
  for (const r of s.rounds) {
    const g = r.reveal?.gradient;
    if (!g) continue;
    bot.set(r.round, g.points);
    rows.push({
      round: r.round,
      playerId: GRADIENT_DEMON_ID,
      nickname: GRADIENT_DEMON_NAME,
      bot: true,
      moved: true,
      l: g.l,
      j: g.j,
      dz: g.dz,
      deltaC: g.deltaC,
      predicted: g.predicted,
      deltaBar: r.reveal!.deltaBar[g.l - 1]![g.j]!,
      quality: g.quality,
      points: g.points,
      rightSign: g.dz !== 0,
      saturated: g.saturated ?? null,
      sigmaPrime: g.sigmaPrime ?? null,
      seconds: 0,
      misconceptions: [],
    });
  }
  const people = [...competitors];
  competitors.push(demonCompetitor(bot, false));
  // A benchmark, not a contestant: ranked among the players only if the host asked for it.
  const rankDemon = !!s.session.settings.demonRanked;
  rows.sort(
    (a, b) =>
      a.round - b.round || Number(a.bot) - Number(b.bot) || a.nickname.localeCompare(b.nickname),
  );
  const endedRounds = s.rounds.filter((r) => r.reveal).map((r) => r.round);
  const upTo = Math.max(0, ...endedRounds, s.session.state.round);
  return {
    sessionId: s.session.id,
    code: s.session.code,
    createdAt: s.session.createdAt,
    endedAt: s.session.endedAt,
    settings: s.session.settings,
    rounds: s.rounds.map((r) => ({
      round: r.round,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      cost: r.reveal?.cost ?? null,
      best: r.reveal?.best ?? null,
      answered: s.moves.filter((m) => m.round === r.round).length,
    })),
    lossCurve: s.session.state.lossCurve,
    standings: leaderboard(competitors, upTo, rankDemon),
    demon: demonStanding(people, bot, upTo, rankDemon),
    players,
    rows,
  };
}

/**
 * The CSV's columns: the header a teacher reads, and its value in a report row.
 * Layers and neurons are in the book's numbering (input layer 1, neurons from
 * 1): the CSV's `layer` is the wire's l + 1 and `neuron` is j + 1.
 */
const CSV_COLUMNS: [string, (r: ReportRow) => unknown][] = [
  ['round', (r) => r.round],
  ['playerId', (r) => r.playerId],
  ['nickname', (r) => r.nickname],
  ['bot', (r) => r.bot],
  ['moved', (r) => r.moved],
  ['layer', (r) => (r.l === null ? null : r.l + 1)],
  ['neuron', (r) => (r.j === null ? null : r.j + 1)],
  ['dz', (r) => r.dz],
  ['deltaC', (r) => r.deltaC],
  ['predicted', (r) => r.predicted],
  ['deltaBar', (r) => r.deltaBar],
  ['quality', (r) => r.quality],
  ['points', (r) => r.points],
  ['rightSign', (r) => r.rightSign],
  ['saturated', (r) => r.saturated],
  ['sigmaPrime', (r) => r.sigmaPrime],
  ['seconds', (r) => r.seconds],
  // Tag codes (docs/concepts.md), separated by spaces.
  ['misconceptions', (r) => (r.misconceptions?.length ? r.misconceptions.join(' ') : null)],
];

/** Characters a spreadsheet may read as the start of a formula (ASCII and full-width). */
const FORMULA = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/** Where a cell may start, in any locale: the text's start, or after a comma, semicolon, tab or bar. */
const CELL_START = new RegExp(`(^|[,;\\t|])(["\\s]*)(?=[${FORMULA}])`, 'g');

/**
 * A CSV cell. Every text cell is quoted. A spreadsheet in a locale that splits
 * on semicolons (de, fr, nl) or tabs ignores those quotes, so wherever a cell
 * could start in *any* separator's reading — the text's start, or just after a
 * `,` `;` tab or `|` — a formula character gets an apostrophe before it, which
 * makes the spreadsheet read text. A leading tab or CR counts as a formula
 * start too. Numbers and booleans are written bare (a negative number is a
 * number, not a formula).
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  const s = /^[\t\r]/.test(v) ? `'${v}` : v.replace(CELL_START, "$1$2'");
  return `"${s.replace(/"/g, '""')}"`;
}

/** The report's rows as CSV (RFC 4180, CRLF, with a header). */
export function reportCsv(r: Pick<Report, 'rows'>): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const row of r.rows) lines.push(CSV_COLUMNS.map(([, get]) => csvCell(get(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
