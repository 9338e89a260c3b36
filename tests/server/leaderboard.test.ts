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

describe('the gradient demon on the leaderboard', () => {
  const c = (id: string, bot: boolean, pts: number[]): Competitor => ({
    id,
    nickname: id,
    bot,
    online: true,
    points: new Map(pts.map((p, i) => [i + 1, p])),
  });
  const all = [
    c('ada', false, [900, 900]),
    c('bob', false, [100, 200]),
    c('demon', true, [800, 800]),
  ];

  it('is listed where its points put it but takes no place, unless the host ranks it', () => {
    const board = leaderboard(all, 2, false);
    expect(board.map((e) => [e.id, e.rank])).toEqual([
      ['ada', 1],
      ['demon', null],
      ['bob', 2],
    ]);
    expect(board.find((e) => e.bot)?.rankChange).toBeNull();
    const rankedBoard = leaderboard(all, 2, true);
    expect(rankedBoard.map((e) => [e.id, e.rank])).toEqual([
      ['ada', 1],
      ['demon', 2],
      ['bob', 3],
    ]);
  });
});
