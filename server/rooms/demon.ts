import { GRADIENT_DEMON_ID } from '#shared/protocol/codes';
import type { DemonStanding } from '#shared/protocol/views';
import { type Competitor, GRADIENT_DEMON_NAME, totalUpTo } from './leaderboard.ts';

/**
 * The gradient demon as a benchmark: its points after `round`, and the rounds
 * in which the class beat it — the mean points of the players who moved in
 * the round exceeded the demon's points (a round nobody moved in is not won).
 */
export function demonStanding(
  people: readonly Competitor[],
  bot: ReadonlyMap<number, number>,
  round: number,
  ranked: boolean,
): DemonStanding {
  let rounds = 0;
  let roundsBeaten = 0;
  for (const [r, demonPoints] of bot) {
    if (r > round) continue;
    rounds++;
    let sum = 0;
    let movers = 0;
    for (const p of people) {
      const pts = p.points.get(r);
      if (pts === undefined) continue;
      sum += pts;
      movers++;
    }
    if (movers && sum / movers > demonPoints) roundsBeaten++;
  }
  return {
    id: GRADIENT_DEMON_ID,
    nickname: GRADIENT_DEMON_NAME,
    score: totalUpTo({ points: bot }, round),
    lastPoints: bot.get(round) ?? 0,
    roundsBeaten,
    rounds,
    ranked,
  };
}

/** The demon as a competitor of the leaderboard, for sessions that rank it. */
export function demonCompetitor(bot: ReadonlyMap<number, number>, online: boolean): Competitor {
  return { id: GRADIENT_DEMON_ID, nickname: GRADIENT_DEMON_NAME, bot: true, online, points: bot };
}
