import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  applyBiasNudge,
  BEST_NUDGE_GRID,
  batchCost,
  bestNudge,
  cloneNetwork,
  gradientDemon,
  nudge,
  weightNudge,
} from '#shared/engine/index';
import { caseArb, close, makeCase, smoothCaseArb } from './random-nets.ts';

describe('the exact nudge and its first-order prediction', () => {
  it('ΔC − δ̄Δz shrinks about 4× each time Δz halves (they agree to second order)', () => {
    for (const [seed, acts] of [
      [1, ['sigmoid', 'sigmoid', 'sigmoid']],
      [2, ['tanh', 'tanh', 'sigmoid']],
      [3, ['sigmoid', 'tanh', 'linear']],
    ] as const) {
      const { net, batch } = makeCase([3, 4, 4, 2], acts, 'quadratic', 6, seed);
      const t = analyse(net, batch);
      for (const [l, j] of [
        [1, 0],
        [2, 3],
        [3, 1],
      ] as const) {
        const gap = (dz: number) => {
          const r = nudge(t, l, j, dz);
          return Math.abs(r.deltaC - r.predicted);
        };
        let prev = gap(0.016);
        for (let dz = 0.008; dz > 2e-4; dz /= 2) {
          const g = gap(dz);
          const ratio = prev / g;
          expect(ratio, `seed ${seed} (${l}, ${j}) Δz ${dz}`).toBeGreaterThan(3.5);
          expect(ratio, `seed ${seed} (${l}, ${j}) Δz ${dz}`).toBeLessThan(4.5);
          prev = g;
        }
      }
    }
  });

  it('a nudge of every sample is the bias change b^l_j += Δz (BP3): same ΔC as recomputing the cost', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: -2, max: 2, noNaN: true }), ({ net, batch }, dz) => {
        const t = analyse(net, batch);
        const l = net.sizes.length - 2 || 1;
        const moved = cloneNetwork(net);
        applyBiasNudge(moved, l, 0, dz);
        close(nudge(t, l, 0, dz).deltaC, batchCost(moved, batch) - t.cost, 1e-12, 1e-9, 'ΔC');
      }),
    );
  });

  it('weightNudge: exact ΔC equals recomputing the cost with w^l_jk + Δw; predicted = ∂C/∂w·Δw', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: -1, max: 1, noNaN: true }), ({ net, batch }, dw) => {
        const t = analyse(net, batch);
        t.gradients();
        const L = net.sizes.length - 1;
        const k = net.sizes[L - 1]! - 1;
        const r = weightNudge(t, L, 0, k, dw);
        const moved = cloneNetwork(net);
        moved.w[L]![k]! += dw;
        close(r.deltaC, batchCost(moved, batch) - t.cost, 1e-12, 1e-9, 'ΔC');
        close(r.gradient, t.nablaW[L]![k]!, 1e-16, 1e-12, '∂C/∂w');
        expect(r.predicted).toBe(r.gradient * dw);
      }),
    );
  });
  it('weightNudge: exact ΔC and ∂C/∂w·Δw agree to second order as Δw → 0', () => {
    const { net, batch } = makeCase([3, 4, 2], ['tanh', 'sigmoid'], 'crossEntropy', 5, 21);
    const t = analyse(net, batch);
    for (const [l, j, k] of [
      [1, 2, 0],
      [2, 1, 3],
    ] as const) {
      const gap = (dw: number) => {
        const r = weightNudge(t, l, j, k, dw);
        return Math.abs(r.deltaC - r.predicted);
      };
      for (let dw = 0.01; dw > 5e-4; dw /= 2) {
        const ratio = gap(dw) / gap(dw / 2);
        expect(ratio, `w^${l}_${j}${k} Δw ${dw}`).toBeGreaterThan(3.5);
        expect(ratio, `w^${l}_${j}${k} Δw ${dw}`).toBeLessThan(4.5);
      }
    }
  });
});

const RUNS_DENSE = 100;

describe('the best nudge and the gradient demon', () => {
  it('with any σ, relu included, it is a real move no worse than any point of its coarse grid (Δz = iε/4) or the gradient demon', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0.05, max: 5, noNaN: true }), ({ net, batch }, eps) => {
        const t = analyse(net, batch);
        const best = bestNudge(t, eps);
        expect(nudge(t, best.l, best.j, best.dz).deltaC).toBe(best.deltaC);
        expect(best.deltaC).toBeLessThanOrEqual(gradientDemon(t, eps).deltaC);
        for (let l = 1; l < net.sizes.length; l++) {
          for (let j = 0; j < net.sizes[l]!; j++) {
            for (let i = -BEST_NUDGE_GRID; i <= BEST_NUDGE_GRID; i += 2) {
              const dz = (i * eps) / BEST_NUDGE_GRID;
              expect(nudge(t, l, j, dz).deltaC).toBeGreaterThanOrEqual(best.deltaC);
            }
          }
        }
      }),
    );
  });

  it('no sampled move (l, j, |Δz| ≤ ε) beats the best nudge, and the gradient demon never does', () => {
    fc.assert(
      fc.property(
        smoothCaseArb,
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: -1, max: 1, noNaN: true })), {
          minLength: 20,
          maxLength: 20,
        }),
        ({ net, batch, label }, eps, moves) => {
          const t = analyse(net, batch);
          const best = bestNudge(t, eps);
          expect(Math.abs(best.dz)).toBeLessThanOrEqual(eps);
          expect(best.deltaC).toBeLessThanOrEqual(0);
          // Its ΔC is a real move's exact ΔC, not an estimate.
          expect(nudge(t, best.l, best.j, best.dz).deltaC).toBe(best.deltaC);
          expect(best.deltaC).toBeLessThanOrEqual(gradientDemon(t, eps).deltaC);
          const L = net.sizes.length - 1;
          for (const [li, ji, u] of moves) {
            const l = 1 + (li % L);
            const j = ji % net.sizes[l]!;
            const move = nudge(t, l, j, u * eps);
            expect(
              move.deltaC,
              `${label} ε=${eps} move (${l}, ${j}, ${u * eps})`,
            ).toBeGreaterThanOrEqual(best.deltaC - 1e-12);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('no move on a 101-point grid of every neuron beats it, on random smooth networks and budgets', () => {
    // The documented tolerance: with relu's kink a dip narrower than a grid cell can hide.
    fc.assert(
      fc.property(
        smoothCaseArb,
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        ({ net, batch, label }, eps) => {
          const t = analyse(net, batch);
          const best = bestNudge(t, eps);
          for (let l = 1; l < net.sizes.length; l++) {
            for (let j = 0; j < net.sizes[l]!; j++) {
              for (let i = -50; i <= 50; i++) {
                const dz = (i / 50) * eps;
                expect(
                  nudge(t, l, j, dz).deltaC,
                  `${label} ε=${eps} (${l}, ${j}, ${dz})`,
                ).toBeGreaterThanOrEqual(best.deltaC - 1e-12);
              }
            }
          }
        },
      ),
      { numRuns: RUNS_DENSE },
    );
  });

  it('no move on a fine grid of every neuron beats it by more than the documented tolerance', () => {
    for (const seed of [11, 12, 13]) {
      const { net, batch } = makeCase(
        [3, 5, 4, 2],
        ['tanh', 'sigmoid', 'sigmoid'],
        'crossEntropy',
        8,
        seed,
      );
      const t = analyse(net, batch);
      const eps = 3;
      const best = bestNudge(t, eps);
      for (let l = 1; l <= 3; l++) {
        for (let j = 0; j < net.sizes[l]!; j++) {
          for (let i = -200; i <= 200; i++) {
            expect(nudge(t, l, j, (i / 200) * eps).deltaC).toBeGreaterThanOrEqual(
              best.deltaC - 1e-12,
            );
          }
        }
      }
    }
  });

  it('the gradient demon moves Δz = −ε·sign(δ̄) at the neuron with the largest |δ̄|', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0.01, max: 3, noNaN: true }), ({ net, batch }, eps) => {
        const t = analyse(net, batch);
        let big = -1;
        for (let l = 1; l < net.sizes.length; l++) {
          for (const d of t.deltaBar[l]!) big = Math.max(big, Math.abs(d));
        }
        const g = gradientDemon(t, eps);
        const d = t.deltaBar[g.l]![g.j]!;
        expect(Math.abs(d)).toBe(big);
        expect(g.dz).toBe(d > 0 ? -eps : d < 0 ? eps : 0);
        expect(g.predicted).toBe(d * g.dz);
        expect(g.deltaC).toBe(nudge(t, g.l, g.j, g.dz).deltaC);
      }),
    );
  });

  it('at a large budget the best |Δz| is not always ε: curvature matters', () => {
    const { net, batch } = makeCase([2, 3, 1], ['sigmoid', 'sigmoid'], 'quadratic', 4, 5);
    const t = analyse(net, batch);
    const best = bestNudge(t, 50);
    expect(Math.abs(best.dz)).toBeLessThan(50);
    expect(best.deltaC).toBeLessThan(nudge(t, best.l, best.j, 50 * Math.sign(best.dz)).deltaC);
  });
});
