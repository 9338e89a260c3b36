import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyse, batchCost, nudge, subBatch, weightNudge } from '#shared/engine/index';
import { caseArb, close, nearReluKink } from './random-nets.ts';

// Central differences of the exact cost: f'(0) ≈ (f(h) − f(−h)) / 2h, error ~h²f'''/6 + ε_mach·C/h.
const H = 1e-6;
const ABS = 2e-7;
const REL = 2e-6;
const RUNS = 150;

describe('backprop against central finite differences (random shapes, every σ, both costs)', () => {
  it('δ̄^l_j = ∂C/∂z^l_j for every neuron: the exact nudge ±h', () => {
    fc.assert(
      fc.property(caseArb, ({ net, batch, label }) => {
        const t = analyse(net, batch);
        fc.pre(!nearReluKink(t.z, net.act, 1e-3));
        for (let l = 1; l < net.sizes.length; l++) {
          for (let j = 0; j < net.sizes[l]!; j++) {
            const fd = (nudge(t, l, j, H).deltaC - nudge(t, l, j, -H).deltaC) / (2 * H);
            close(t.deltaBar[l]![j]!, fd, ABS, REL, `${label}: δ̄^${l}_${j}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('δ^l_j(x) = ∂C_x/∂z^l_j for every sample x (BP1, BP2), by a one-sample batch', () => {
    fc.assert(
      fc.property(caseArb, ({ net, batch, label }) => {
        const t = analyse(net, batch);
        fc.pre(!nearReluKink(t.z, net.act, 1e-3));
        for (let s = 0; s < batch.n; s++) {
          const one = analyse(net, subBatch(batch, [s]));
          for (let l = 1; l < net.sizes.length; l++) {
            const nl = net.sizes[l]!;
            for (let j = 0; j < nl; j++) {
              const fd = (nudge(one, l, j, H).deltaC - nudge(one, l, j, -H).deltaC) / (2 * H);
              close(t.delta[l]![s * nl + j]!, fd, ABS, REL, `${label}: δ^${l}_${j}(x_${s})`);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('∂C/∂b^l_j = δ̄^l_j (BP3) and ∂C/∂w^l_jk = nablaW (BP4): parameters moved ±h, cost recomputed from scratch', () => {
    fc.assert(
      fc.property(caseArb, ({ net, batch, label }) => {
        const t = analyse(net, batch);
        fc.pre(!nearReluKink(t.z, net.act, 1e-3));
        t.gradients();
        const fdOf = (xs: Float64Array, i: number): number => {
          const keep = xs[i]!;
          xs[i] = keep + H;
          const up = batchCost(net, batch);
          xs[i] = keep - H;
          const down = batchCost(net, batch);
          xs[i] = keep;
          return (up - down) / (2 * H);
        };
        for (let l = 1; l < net.sizes.length; l++) {
          const nIn = net.sizes[l - 1]!;
          for (let j = 0; j < net.sizes[l]!; j++) {
            close(t.deltaBar[l]![j]!, fdOf(net.b[l]!, j), ABS, REL, `${label}: ∂C/∂b^${l}_${j}`);
            for (let k = 0; k < nIn; k++) {
              const i = j * nIn + k;
              const g = t.nablaW[l]![i]!;
              close(g, fdOf(net.w[l]!, i), ABS, REL, `${label}: ∂C/∂w^${l}_${j}${k}`);
              close(
                weightNudge(t, l, j, k, H).gradient,
                g,
                1e-15,
                1e-12,
                `${label}: weightNudge gradient`,
              );
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
