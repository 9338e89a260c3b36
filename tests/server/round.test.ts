import { describe, expect, it } from 'vitest';
import { batchCost, cloneNetwork } from '#shared/engine/index';
import { buildPuzzle } from '#shared/game/puzzle';
import { scoreMove } from '#shared/game/scoring';
import type { SessionSettings } from '#shared/protocol/schemas';
import {
  checkMove,
  classMoves,
  gradientScore,
  nextPuzzle,
  openRoundMath,
  scoreRoundMove,
  trainAfterRound,
} from '../../server/rooms/roundMath.ts';
import { DEFAULT_SETTINGS, puzzleSettings } from '../../server/rooms/settings.ts';

const settings: SessionSettings = {
  ...DEFAULT_SETTINGS,
  dataset: 'circle',
  sizes: [2, 4, 1],
  activations: ['sigmoid', 'sigmoid'],
  batchSize: 8,
  sgdSteps: 50,
  eta: 1,
  seed: 3,
};
const built = buildPuzzle(puzzleSettings(settings));

describe('round math', () => {
  const m = openRoundMath(1, built.puzzle);

  it('checks the move: layer, neuron, finiteness, budget', () => {
    expect(checkMove(m, { round: 1, l: 0, j: 0, dz: 0 })).toMatchObject({
      ok: false,
      code: 'BAD_LAYER',
    });
    expect(checkMove(m, { round: 1, l: 3, j: 0, dz: 0 })).toMatchObject({
      ok: false,
      code: 'BAD_LAYER',
    });
    expect(checkMove(m, { round: 1, l: 1, j: 4, dz: 0 })).toMatchObject({
      ok: false,
      code: 'BAD_NEURON',
    });
    expect(checkMove(m, { round: 1, l: 2, j: 0, dz: Number.NaN })).toMatchObject({
      ok: false,
      code: 'NOT_FINITE',
    });
    expect(checkMove(m, { round: 1, l: 2, j: 0, dz: 1.5 })).toMatchObject({
      ok: false,
      code: 'OUT_OF_BUDGET',
    });
    expect(checkMove(m, { round: 1, l: 2, j: 0, dz: -1 })).toEqual({ ok: true });
  });

  it('scores with the shared scoring and halves the points at the buzzer with speed scoring', () => {
    const fast = scoreRoundMove(
      m,
      { round: 1, l: m.key.best.l, j: m.key.best.j, dz: m.key.best.dz },
      { seconds: 0, limit: 30, speedScoring: true },
      100,
    );
    expect(fast.quality).toBeCloseTo(1, 12);
    expect(fast.points).toBe(1000);
    expect(fast.score).toBe(1100);
    const slow = scoreRoundMove(
      m,
      { round: 1, l: m.key.best.l, j: m.key.best.j, dz: m.key.best.dz },
      { seconds: 30, limit: 30, speedScoring: true },
      0,
    );
    expect(slow.points).toBe(500);
    const unhurried = scoreRoundMove(
      m,
      { round: 1, l: m.key.best.l, j: m.key.best.j, dz: m.key.best.dz },
      { seconds: 30, limit: 30, speedScoring: false },
      0,
    );
    // Speed scoring off: the buzzer costs nothing.
    expect(unhurried).toMatchObject({ points: 1000, speed: 1 });
    const wrong = scoreRoundMove(
      m,
      { round: 1, l: 1, j: 0, dz: -m.key.best.dz },
      { seconds: 1, limit: 30, speedScoring: false },
      0,
    );
    expect(wrong.deltaC).toBe(scoreMove(m.trace, m.key, 1, 0, -m.key.best.dz).deltaC);
  });

  it('the gradient demon moves −ε·sign(δ̄) at the largest |δ̄|', () => {
    const g = gradientScore(m);
    expect(Math.abs(g.dz)).toBe(settings.eps);
    expect(Math.sign(g.dz)).toBe(-Math.sign(m.trace.deltaBar[g.l]![g.j]!));
    expect(g.quality).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('counts the class moves per neuron and the right-sign share', () => {
    const a = scoreRoundMove(
      m,
      { round: 1, l: 1, j: 2, dz: 0.5 },
      { seconds: 1, limit: 30, speedScoring: false },
      0,
    );
    const b = scoreRoundMove(
      m,
      { round: 1, l: 1, j: 2, dz: -0.5 },
      { seconds: 1, limit: 30, speedScoring: false },
      0,
    );
    const c = classMoves(m, [a, b], 5);
    expect(c.counts).toEqual([[0, 0, 2, 0], [0]]);
    expect(c.answered).toBe(2);
    expect(c.players).toBe(5);
    expect(c.rightSignShare).toBe(0.5);
    expect(classMoves(m, [], 5)).toMatchObject({ rightSignShare: 0, meanQuality: null });
  });

  it('training lowers the loss on the data set, and the next puzzle draws a new batch', () => {
    const net = cloneNetwork(built.puzzle.network);
    const before = batchCost(net, built.data);
    expect(trainAfterRound(settings, net, built.data, 1)).toBe(50);
    expect(batchCost(net, built.data)).toBeLessThan(before);
    const p2 = nextPuzzle(settings, net, built.data, 2);
    expect(p2.batch.n).toBe(8);
    expect(Array.from(p2.batch.x)).not.toEqual(Array.from(built.puzzle.batch.x));
    expect(nextPuzzle(settings, net, built.data, 2).batch.x).toEqual(p2.batch.x);
  });
});
