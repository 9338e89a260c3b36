import { describe, expect, it } from 'vitest';
import { type Competitor, leaderboard } from '../../server/rooms/leaderboard.ts';

const c = (id: string, points: [number, number][], bot = false): Competitor => ({
  id,
  nickname: id,
  bot,
  online: true,
  points: new Map(points),
});

describe('leaderboard', () => {
  it('ranks by score, ties share a rank, and reports places gained', () => {
    const all = [
      c('ann', [
        [1, 900],
        [2, 0],
      ]),
      c('bob', [
        [1, 100],
        [2, 900],
      ]),
      c('cy', [
        [1, 500],
        [2, 500],
      ]),
      c(
        'bot',
        [
          [1, 800],
          [2, 200],
        ],
        true,
      ),
    ];
    const r1 = leaderboard(all, 1);
    expect(r1.map((e) => [e.id, e.rank, e.rankChange])).toEqual([
      ['ann', 1, null],
      ['bot', 2, null],
      ['cy', 3, null],
      ['bob', 4, null],
    ]);
    const r2 = leaderboard(all, 2);
    expect(r2.map((e) => [e.id, e.score, e.rank, e.rankChange, e.lastPoints])).toEqual([
      ['bob', 1000, 1, 3, 900],
      ['cy', 1000, 1, 2, 500],
      ['bot', 1000, 1, 1, 200],
      ['ann', 900, 4, -3, 0],
    ]);
  });
});
