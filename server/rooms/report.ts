import { GRADIENT_DEMON_ID } from '#shared/protocol/codes';
import type { Report, ReportRow } from '#shared/protocol/rest';

import type { LoadedSession } from '../persistence/store.ts';
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

/** The report of a session, from the store: per player per round, the gradient demon included. */
export function buildReport(s: LoadedSession): Report {
  const played = s.rounds.map((r) => r.round);
  const moveOf = new Map(s.moves.map((m) => [`${m.round}:${m.playerId}`, m.result]));
  const rows: ReportRow[] = [];
  const competitors: Competitor[] = [];
  const players = s.players.map((p) => {
    const points = new Map<number, number>();
    for (const r of played) {
      const m = moveOf.get(`${r}:${p.id}`);
      if (m) points.set(r, m.points);
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
      });
    }
    const score = [...points.values()].reduce((a, b) => a + b, 0);
    if (!p.kicked)
      competitors.push({ id: p.id, nickname: p.nickname, bot: false, online: false, points });
    return { id: p.id, nickname: p.nickname, kicked: p.kicked, score };
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
      saturated: null,
      sigmaPrime: null,
      seconds: 0,
    });
  }
  competitors.push({
    id: GRADIENT_DEMON_ID,
    nickname: GRADIENT_DEMON_NAME,
    bot: true,
    online: false,
    points: bot,
  });
  rows.sort(
    (a, b) =>
      a.round - b.round || Number(a.bot) - Number(b.bot) || a.nickname.localeCompare(b.nickname),
  );
  const endedRounds = s.rounds.filter((r) => r.reveal).map((r) => r.round);
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
    standings: leaderboard(competitors, Math.max(0, ...endedRounds, s.session.state.round)),
    players,
    rows,
  };
}

const CSV_COLUMNS: (keyof ReportRow)[] = [
  'round',
  'playerId',
  'nickname',
  'bot',
  'moved',
  'l',
  'j',
  'dz',
  'deltaC',
  'predicted',
  'deltaBar',
  'quality',
  'points',
  'rightSign',
  'saturated',
  'sigmaPrime',
  'seconds',
];

/** A CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets do not run it. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report's rows as CSV (RFC 4180, CRLF, with a header). */
export function reportCsv(r: Report): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of r.rows) lines.push(CSV_COLUMNS.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
