import { describe, expect, it } from 'vitest';
import {
  accuracy,
  analyse,
  batchCost,
  createNetwork,
  MAX_PARAMETER,
  makeDataset,
  networkToJSON,
  Rng,
  sgdStep,
  Trainer,
} from '#shared/engine/index';

describe('stochastic gradient descent', () => {
  it('learns xor to 100% from a fixed seed, for three seeds', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      const data = makeDataset('xor', rng);
      const net = createNetwork(
        { sizes: [2, 4, 1], activations: ['tanh', 'sigmoid'], cost: 'crossEntropy' },
        rng,
      );
      const before = batchCost(net, data);
      const trainer = new Trainer(net, data, { eta: 2, batchSize: 4 }, rng);
      const r = trainer.run(2000);
      expect(r.diverged).toBe(false);
      expect(trainer.steps).toBe(2000);
      expect(accuracy(net, data)).toBe(1);
      expect(batchCost(net, data)).toBeLessThan(before / 100);
    }
  });

  it('learns the 5×5 glyph digits: above 95% on 500 held-out noisy glyphs (seed 1 reaches 98.0%)', () => {
    const rng = new Rng(1);
    const train = makeDataset('digits', rng, { n: 500 });
    const heldOut = makeDataset('digits', rng, { n: 500 });
    const net = createNetwork({ sizes: [25, 16, 10], cost: 'crossEntropy' }, rng);
    expect(accuracy(net, heldOut)).toBeLessThan(0.3);
    new Trainer(net, train, { eta: 1, batchSize: 10 }, rng).run(3000);
    expect(accuracy(net, train)).toBeGreaterThan(0.98);
    expect(accuracy(net, heldOut)).toBeGreaterThanOrEqual(0.95);
  });

  it('one step moves every parameter by −η·gradient', () => {
    const rng = new Rng(4);
    const data = makeDataset('circle', rng, { n: 16 });
    const net = createNetwork({ sizes: [2, 3, 1] }, rng);
    const t = analyse(net, data);
    t.gradients();
    const w = net.w.map((x) => x.slice());
    const g = t.nablaW.map((x) => x.slice());
    const b = net.b.map((x) => x.slice());
    const d = t.deltaBar.map((x) => x.slice());
    const before = batchCost(net, data);
    const r = sgdStep(t, 0.5);
    expect(r).toEqual({ cost: before, diverged: false });
    expect(batchCost(net, data)).toBeLessThan(before);
    for (let l = 1; l <= 2; l++) {
      for (let i = 0; i < w[l]!.length; i++)
        expect(net.w[l]![i], `w^${l}[${i}]`).toBe(w[l]![i]! - 0.5 * g[l]![i]!);
      for (let j = 0; j < b[l]!.length; j++)
        expect(net.b[l]![j], `b^${l}[${j}]`).toBe(b[l]![j]! - 0.5 * d[l]![j]!);
    }
  });

  it('a huge η reports divergence, leaves the network as it was, and never yields NaN', () => {
    for (const activations of ['linear', 'relu'] as const) {
      const rng = new Rng(9);
      const data = makeDataset('clusters', rng, { n: 64 });
      const net = createNetwork({ sizes: [2, 8, 8, 1], activations }, rng);
      const trainer = new Trainer(net, data, { eta: 1e200, batchSize: 16 }, rng);
      let last = networkToJSON(net);
      let diverged = false;
      for (let i = 0; i < 10 && !diverged; i++) {
        const r = trainer.step();
        diverged = r.diverged;
        if (!diverged) last = networkToJSON(net);
        expect(Number.isFinite(r.cost), `${activations}: cost before step ${i}`).toBe(true);
      }
      expect(diverged, activations).toBe(true);
      expect(trainer.diverged).toBe(true);
      expect(networkToJSON(net)).toEqual(last);
      const cost = batchCost(net, data);
      expect(Number.isFinite(cost)).toBe(true);
      for (const ws of net.w)
        for (const x of ws) expect(Math.abs(x)).toBeLessThanOrEqual(MAX_PARAMETER);
      // run() stops at the diverging step.
      const steps = trainer.steps;
      expect(trainer.run(100).diverged).toBe(true);
      expect(trainer.steps).toBe(steps);
    }
  });
});
