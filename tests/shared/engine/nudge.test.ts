import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  applyBiasNudge,
  applyWeightNudge,
  batchCost,
  cloneNetwork,
  nudge,
  weightAt,
  weightNudge,
} from '#shared/engine/index';
import { caseArb, close, makeCase } from './random-nets.ts';

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

describe('keeping a weight nudge (BP4)', () => {
  it('applyWeightNudge changes w^l_jk alone, and the network then costs C + the exact ΔC weightNudge reported', () => {
    const { net, batch } = makeCase([3, 4, 2], ['tanh', 'sigmoid'], 'quadratic', 5, 9);
    const before = analyse(net, batch);
    const r = weightNudge(before, 2, 1, 3, 0.25);
    const copy = cloneNetwork(net);
    applyWeightNudge(copy, 2, 1, 3, 0.25);
    expect(weightAt(copy, 2, 1, 3)).toBe(weightAt(net, 2, 1, 3) + 0.25);
    let changed = 0;
    for (let i = 0; i < net.w[2]!.length; i++) if (copy.w[2]![i] !== net.w[2]![i]) changed++;
    expect(changed).toBe(1);
    expect(analyse(copy, batch).cost).toBeCloseTo(before.cost + r.deltaC, 14);
    expect(() => weightAt(net, 2, 1, 4)).toThrow(/neuron k of layer 1/);
    expect(() => applyWeightNudge(copy, 2, 1, 0, Number.NaN)).toThrow();
  });
});
