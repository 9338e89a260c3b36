import { describe, expect, it } from 'vitest';
import { analyse, nudge, weightNudge } from '#shared/engine/index';
import { levelById, levelPuzzle } from '#shared/game/levels';
import { costCurve } from '../../client/ui/costPlot.ts';

describe('the C(Δz) curve drawn after a move', () => {
  it('is C plus the engine’s exact ΔC on a grid over [−ε, ε], with slope δ̄ at 0', () => {
    const { puzzle } = levelPuzzle(levelById('lineLies')!);
    const t = analyse(puzzle.network, puzzle.batch);
    const c = costCurve(t, { l: 2, j: 0 }, puzzle.eps);
    expect(c.xs[0]).toBe(-puzzle.eps);
    expect(c.xs[c.xs.length - 1]).toBeCloseTo(puzzle.eps, 12);
    expect(c.c0).toBe(t.cost);
    expect(c.slope).toBe(t.deltaBar[2]![0]);
    for (const i of [0, 17, 40, 63, 80]) {
      expect(c.cs[i]).toBeCloseTo(t.cost + nudge(t, 2, 0, c.xs[i]!).deltaC, 14);
    }
    // At ε = 4 the line lies: the curve turns back up where the tangent keeps falling.
    const end = c.slope < 0 ? c.cs.length - 1 : 0;
    expect(c.cs[end]!).toBeGreaterThan(Math.min(...c.cs) + 1e-3);
  });

  it('for a weight it is C against Δw, with slope ∂C/∂w (BP4)', () => {
    const { puzzle } = levelPuzzle(levelById('weightsToo')!);
    const t = analyse(puzzle.network, puzzle.batch);
    const c = costCurve(t, { l: 2, j: 0, k: 1 }, puzzle.eps);
    expect(c.slope).toBe(weightNudge(t, 2, 0, 1, 0).gradient);
    expect(c.cs[10]).toBeCloseTo(t.cost + weightNudge(t, 2, 0, 1, c.xs[10]!).deltaC, 14);
  });
});
