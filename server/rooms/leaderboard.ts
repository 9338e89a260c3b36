import type { LeaderboardEntry } from '#shared/protocol/views';

/** A competitor as the leaderboard sees it: points per round. */
export interface Competitor {
  id: string;
  nickname: string;
  bot: boolean;
  online: boolean;
  /** points[r] for each round r played. */
  points: ReadonlyMap<number, number>;
}

export const GRADIENT_DEMON_NAME = 'Gradient demon · 梯度小恶魔';

export function totalUpTo(c: Pick<Competitor, 'points'>, round: number): number {
  let s = 0;
  for (const [r, p] of c.points) if (r <= round) s += p;
  return s;
}

/** Competition ranking (1, 2, 2, 4): equal scores share a rank. */
function ranks(scores: readonly number[]): number[] {
  return scores.map((s) => 1 + scores.filter((t) => t > s).length);
}

/**
 * The standings after `round`: score, rank, places gained since round − 1 and
 * the last round's points. Ties are listed by nickname, the bot after people.
 */
export function leaderboard(all: readonly Competitor[], round: number): LeaderboardEntry[] {
  const now = all.map((c) => totalUpTo(c, round));
  const before = all.map((c) => totalUpTo(c, round - 1));
  const rankNow = ranks(now);
  const rankBefore = ranks(before);
  const rows = all.map((c, i) => ({
    id: c.id,
    nickname: c.nickname,
    bot: c.bot,
    score: now[i]!,
    rank: rankNow[i]!,
    rankChange: round > 1 ? rankBefore[i]! - rankNow[i]! : null,
    lastPoints: c.points.get(round) ?? 0,
    online: c.online,
  }));
  return rows.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(a.bot) - Number(b.bot) ||
      a.nickname.localeCompare(b.nickname) ||
      (a.id < b.id ? -1 : 1),
  );
}
