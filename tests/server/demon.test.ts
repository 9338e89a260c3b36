import { describe, expect, it } from 'vitest';
import { demonStanding } from '../../server/rooms/demon.ts';
import type { Competitor } from '../../server/rooms/leaderboard.ts';

const player = (id: string, points: [number, number][]): Competitor => ({
  id,
  nickname: id,
  bot: false,
  online: true,
  points: new Map(points),
});

describe('the gradient demon as a benchmark', () => {
  it('counts the rounds the class beat it: the mean points of those who moved above its own', () => {
    const people = [
      player('a', [
        [1, 900],
        [2, 100],
        [3, 600],
      ]),
      player('b', [
        [1, 700],
        [3, 600],
      ]),
      player('c', []),
    ];
    const bot = new Map([
      [1, 750],
      [2, 500],
      [3, 600],
      [4, 10],
    ]);
    // Round 1: mean 800 > 750, won; round 2: 100 < 500; round 3: 600 = 600 is not a win; round 4: nobody moved.
    expect(demonStanding(people, bot, 4, false)).toMatchObject({
      score: 1860,
      lastPoints: 10,
      rounds: 4,
      roundsBeaten: 1,
      ranked: false,
    });
    expect(demonStanding(people, bot, 2, true)).toMatchObject({
      score: 1250,
      rounds: 2,
      roundsBeaten: 1,
      ranked: true,
    });
  });
});
