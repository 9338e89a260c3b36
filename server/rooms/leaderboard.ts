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

/** Competition ranking (1, 2, 2, 4) among the `ranked` entries: equal scores share a rank. */
function ranks(scores: readonly number[], ranked: readonly boolean[]): number[] {
  return scores.map((s) => 1 + scores.filter((t, i) => ranked[i] && t > s).length);
}

/**
 * The standings after `round`: score, rank, places gained since round − 1 and
 * the last round's points. The gradient demon is listed (`bot: true`) but
 * ranked among the players only with `rankBots` (the host's demonRanked);
 * otherwise it is a benchmark: rank and rankChange null, listed where its
 * points put it, taking no player's place. Rows go by score; ties by
 * nickname, the bot after people.
 */
export function leaderboard(
  all: readonly Competitor[],
  round: number,
  rankBots = true,
): LeaderboardEntry[] {
  const now = all.map((c) => totalUpTo(c, round));
  const before = all.map((c) => totalUpTo(c, round - 1));
  const ranked = all.map((c) => rankBots || !c.bot);
  const rankNow = ranks(now, ranked);
  const rankBefore = ranks(before, ranked);
  const rows = all.map((c, i) => ({
    id: c.id,
    nickname: c.nickname,
    bot: c.bot,
    score: now[i]!,
    rank: ranked[i] ? rankNow[i]! : null,
    rankChange: round > 1 && ranked[i] ? rankBefore[i]! - rankNow[i]! : null,
    lastPoints: c.points.get(round) ?? 0,
    online: c.online,
  }));
  // By score: ranks follow it, and the unranked demon sits where its points put it.
  return rows.sort(
    (a, b) =>
      b.score - a.score ||
      Number(a.bot) - Number(b.bot) ||
      a.nickname.localeCompare(b.nickname) ||
      (a.id < b.id ? -1 : 1),
  );
}
