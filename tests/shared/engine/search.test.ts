import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActivationName,
  analyse,
  bestNudge,
  bestWeightNudge,
  type CostName,
  createNetwork,
  gradientDemon,
  type Network,
  type NeuronRef,
  nudge,
  Rng,
  searchTolerance,
  type Trace,
  weightNudge,
} from '#shared/engine/index';
import { caseArb, makeCase } from './random-nets.ts';

/** The least ΔC of f on [−ε, ε] by brute force: a grid of 2·points+1 values, then golden sections around its 3 lowest cells. */
function denseMin(f: (t: number) => number, eps: number, points: number): { t: number; v: number } {
  const vals: { t: number; v: number }[] = [];
  for (let i = -points; i <= points; i++) {
    const t = (i / points) * eps;
    vals.push({ t, v: f(t) });
  }
  let best = vals.reduce((a, b) => (b.v < a.v ? b : a));
  const h = eps / points;
  for (const c of [...vals].sort((a, b) => a.v - b.v).slice(0, 3)) {
    let a = Math.max(-eps, c.t - h);
    let b = Math.min(eps, c.t + h);
    const r = (Math.sqrt(5) - 1) / 2;
    for (let k = 0; k < 60; k++) {
      const x1 = b - r * (b - a);
      const x2 = a + r * (b - a);
      if (f(x1) <= f(x2)) b = x2;
      else a = x1;
    }
    const t = 0.5 * (a + b);
    const v = f(t);
    if (v < best.v) best = { t, v };
  }
  return best;
}

function allNeurons(net: Network): NeuronRef[] {
  const out: NeuronRef[] = [];
  for (let l = 1; l < net.sizes.length; l++)
    for (let j = 0; j < net.sizes[l]!; j++) out.push({ l, j });
  return out;
}

/** No neuron's dense minimum beats the certified best by more than the stated tolerance. */
function expectUnbeaten(
  t: Trace,
  eps: number,
  label: string,
  points = 2000,
  movable?: NeuronRef[],
) {
  const best = bestNudge(t, eps, movable);
  const tol = searchTolerance(best.deltaC);
  expect(Math.abs(best.dz)).toBeLessThanOrEqual(eps);
  // Its ΔC is a real move's exact ΔC, and its certificate closes within the tolerance.
  expect(nudge(t, best.l, best.j, best.dz).deltaC).toBe(best.deltaC);
  expect(best.lowerBound).toBeLessThanOrEqual(best.deltaC);
  expect(best.deltaC - best.lowerBound, `${label}: certificate gap`).toBeLessThanOrEqual(tol);
  for (const { l, j } of movable ?? allNeurons(t.net)) {
    const d = denseMin((dz) => nudge(t, l, j, dz).deltaC, eps, points);
    expect(d.v, `${label} ε=${eps}: (${l}, ${j}) at Δz ${d.t}`).toBeGreaterThanOrEqual(
      best.deltaC - tol,
    );
  }
  return best;
}

/** Every weight and bias multiplied by `f`: large weights make steep, narrow features in ΔC(Δz). */
function scaleNet(net: Network, f: number): void {
  for (let l = 1; l < net.sizes.length; l++) {
    net.w[l]!.forEach((v, i, w) => {
      w[i] = v * f;
    });
  }
}

describe('the certified best nudge', () => {
  it('no neuron of a random network, any σ and cost, large weights included, has a move that beats it (dense search of 4001 points per neuron plus refinement)', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom(1, 3, 8),
        fc.constantFrom(0.05, 0.5, 2, 10),
        ({ net, batch, label }, scale, eps) => {
          scaleNet(net, scale);
          expectUnbeaten(analyse(net, batch), eps, `${label} ×${scale}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('large-weight tanh and relu networks with a batch, at the largest budget the settings allow (ε = 10)', () => {
    const cases: [ActivationName[], CostName, number][] = [
      [['tanh', 'tanh', 'sigmoid'], 'crossEntropy', 11],
      [['relu', 'relu', 'linear'], 'quadratic', 12],
      [['relu', 'tanh', 'sigmoid'], 'quadratic', 13],
      [['tanh', 'relu', 'sigmoid'], 'crossEntropy', 14],
    ];
    for (const [acts, cost, seed] of cases) {
      const { net, batch, label } = makeCase([3, 5, 4, 2], acts, cost, 12, seed);
      scaleNet(net, 5);
      expectUnbeaten(analyse(net, batch), 10, label, 3000);
    }
  });

  it('finds a dip narrower than ε/400 that a grid search walks past', () => {
    // [1,1,1]: two samples whose outputs flip at Δz ≈ 0.004 apart (output weight 10⁵).
    // Sample A (y = 1) turns right first, sample B (y = 0) turns wrong just after: a narrow dip.
    for (const act of ['sigmoid', 'relu'] as const) {
      const net = createNetwork({ sizes: [1, 1, 1], activations: [act, 'sigmoid'] }, new Rng(1));
      net.w[1]![0] = 1;
      net.b[1]![0] = act === 'relu' ? 0.5 : 0;
      net.w[2]![0] = 1e5;
      net.b[2]![0] = -1e5 * (act === 'relu' ? 2.5 : 0.9);
      const batch = {
        n: 2,
        nIn: 1,
        nOut: 1,
        x: new Float64Array([0.002, -0.002]),
        y: new Float64Array([1, 0]),
      };
      const t = analyse(net, batch);
      const eps = 5;
      const best = expectUnbeaten(t, eps, `narrow dip ${act}`, 20_000);
      expect(best.deltaC).toBeLessThan(-0.2);
      // A 17-point grid (the old search's coarse pass) sees nothing below −0.01 on this neuron.
      let grid = 0;
      for (let i = -8; i <= 8; i++) grid = Math.min(grid, nudge(t, 1, 0, (i / 8) * eps).deltaC);
      expect(grid).toBeGreaterThan(best.deltaC + 0.1);
    }
  });

  it('searches only the neurons the player may move, and so does the gradient demon', () => {
    const { net, batch } = makeCase(
      [2, 4, 3, 1],
      ['sigmoid', 'tanh', 'sigmoid'],
      'quadratic',
      6,
      7,
    );
    const t = analyse(net, batch);
    const hidden: NeuronRef[] = [0, 1, 2, 3].map((j) => ({ l: 1, j }));
    const best = expectUnbeaten(t, 1, 'first hidden layer only', 2000, hidden);
    expect(best.l).toBe(1);
    const g = gradientDemon(t, 1, hidden);
    expect(g.l).toBe(1);
    const biggest = Math.max(...Array.from(t.deltaBar[1]!, Math.abs));
    expect(Math.abs(t.deltaBar[1]![g.j]!)).toBe(biggest);
  });

  it('where no move lowers the cost it answers Δz = 0, ΔC = 0', () => {
    // A linear output that already equals its target on every sample: ΔC(Δz) = ½Δz² ≥ 0.
    const net = createNetwork({ sizes: [1, 1], activations: ['linear'] }, new Rng(2));
    net.w[1]![0] = 1;
    net.b[1]![0] = 0;
    const t = analyse(net, {
      n: 2,
      nIn: 1,
      nOut: 1,
      x: new Float64Array([1, 2]),
      y: new Float64Array([1, 2]),
    });
    const best = bestNudge(t, 3);
    expect(best.dz).toBe(0);
    expect(best.deltaC).toBe(0);
    expect(best.lowerBound).toBeGreaterThanOrEqual(-1e-12);
  });

  it('at a large budget the best |Δz| is not always ε: curvature matters', () => {
    const { net, batch } = makeCase([2, 3, 1], ['sigmoid', 'sigmoid'], 'quadratic', 4, 5);
    const t = analyse(net, batch);
    const best = bestNudge(t, 50);
    expect(Math.abs(best.dz)).toBeLessThan(50);
    expect(best.deltaC).toBeLessThan(nudge(t, best.l, best.j, 50 * Math.sign(best.dz)).deltaC);
  });

  it('the gradient demon moves Δz = −ε·sign(δ̄) at the neuron with the largest |δ̄|, and never beats the best', () => {
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
        expect(bestNudge(t, eps).deltaC).toBeLessThanOrEqual(g.deltaC + 1e-15);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the certified best weight nudge (BP4)', () => {
  it('no weight of a random network has a Δw that beats it', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(0.5, 2, 6), ({ net, batch, label }, eps) => {
        const t = analyse(net, batch);
        const best = bestWeightNudge(t, eps);
        const tol = searchTolerance(best.deltaC);
        expect(weightNudge(t, best.l, best.j, best.k, best.dw).deltaC).toBe(best.deltaC);
        expect(best.deltaC - best.lowerBound).toBeLessThanOrEqual(tol);
        for (let l = 1; l < net.sizes.length; l++) {
          for (let j = 0; j < net.sizes[l]!; j++) {
            for (let k = 0; k < net.sizes[l - 1]!; k++) {
              const d = denseMin((dw) => weightNudge(t, l, j, k, dw).deltaC, eps, 400);
              expect(d.v, `${label} w^${l}_${j}${k}`).toBeGreaterThanOrEqual(best.deltaC - tol);
            }
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
