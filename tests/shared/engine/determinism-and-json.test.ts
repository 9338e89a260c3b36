import { describe, expect, it } from 'vitest';
import {
  analyse,
  batchToJSON,
  createNetwork,
  DATASETS,
  type DatasetName,
  makeDataset,
  networkFromJSON,
  networkToJSON,
  Rng,
  Trainer,
} from '#shared/engine/index';
import {
  buildPuzzle,
  type PuzzleSettings,
  puzzleFromJSON,
  puzzleToJSON,
} from '#shared/game/puzzle';

const bits = (xs: Float64Array) =>
  Array.from(new Uint32Array(xs.buffer, xs.byteOffset, xs.length * 2));
const netBits = (net: ReturnType<typeof createNetwork>) => [...net.w, ...net.b].flatMap(bits);

describe('one seed, one outcome, bit for bit', () => {
  it('the PRNG repeats its stream from a seed and resumes from a saved state', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(new Rng(43).next()).not.toBe(xs[0]);
    const state = a.state();
    const next = [a.next(), a.uniform(-1, 1), a.int(10), a.normal()];
    const c = new Rng(state);
    expect([c.next(), c.uniform(-1, 1), c.int(10), c.normal()]).toEqual(next);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('the same seed gives the same network and every data set', () => {
    for (const name of Object.keys(DATASETS) as DatasetName[]) {
      const d1 = makeDataset(name, new Rng(7));
      const d2 = makeDataset(name, new Rng(7));
      expect(bits(d2.x), name).toEqual(bits(d1.x));
      expect(bits(d2.y), name).toEqual(bits(d1.y));
      expect(d1.n, name).toBe(DATASETS[name].defaultN);
      if (!['and', 'or', 'xor'].includes(name)) {
        expect(bits(makeDataset(name, new Rng(8)).x), name).not.toEqual(bits(d1.x));
      }
    }
    const spec = { sizes: [25, 16, 10], activations: ['tanh', 'sigmoid'] } as const;
    expect(netBits(createNetwork(spec, new Rng(5)))).toEqual(
      netBits(createNetwork(spec, new Rng(5))),
    );
  });

  it('the same seed gives the same trained network after a Trainer run', () => {
    const run = () => {
      const rng = new Rng(99);
      const data = makeDataset('spirals', rng, { n: 100 });
      const net = createNetwork(
        { sizes: [2, 8, 8, 1], activations: ['tanh', 'tanh', 'sigmoid'] },
        rng,
      );
      const r = new Trainer(net, data, { eta: 0.3, batchSize: 10 }, rng).run(500);
      return { net: netBits(net), cost: r.cost };
    };
    const a = run();
    expect(run()).toEqual(a);
  });

  it('the truth tables and the glyph digits hold what they say', () => {
    const xor = makeDataset('xor', new Rng(1));
    expect(Array.from(xor.x)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(xor.y)).toEqual([0, 1, 1, 0]);
    const clean = makeDataset('digits', new Rng(1), { n: 10, noise: 0 });
    // Row s is glyph s, one-hot target s; the 8 has 3 + 2 + 3 + 2 + 3 = 13 pixels on.
    for (let s = 0; s < 10; s++) expect(clean.y[s * 10 + s]).toBe(1);
    expect(clean.x.subarray(8 * 25, 9 * 25).reduce((p, q) => p + q, 0)).toBe(13);
  });
});

describe('JSON round trips are exact', () => {
  it('a network survives JSON.stringify/parse with every bit and computes the same δ', () => {
    const rng = new Rng(3);
    const net = createNetwork(
      { sizes: [25, 7, 10], activations: ['relu', 'sigmoid'], cost: 'crossEntropy' },
      rng,
    );
    const back = networkFromJSON(JSON.parse(JSON.stringify(networkToJSON(net))));
    expect(netBits(back)).toEqual(netBits(net));
    expect(back.act).toEqual(net.act);
    expect(back.cost).toBe('crossEntropy');
    const data = makeDataset('digits', rng, { n: 20 });
    expect(bits(analyse(back, data).delta[1]!)).toEqual(bits(analyse(net, data).delta[1]!));
  });

  it('a puzzle survives JSON.stringify/parse: network, batch, ε and what is shown', () => {
    const settings = {
      dataset: 'circle',
      sizes: [2, 5, 1],
      activations: ['tanh', 'sigmoid'],
      cost: 'quadratic',
      batchSize: 8,
      eps: 0.7,
      show: 'nextLayer',
      seed: 17,
    } satisfies PuzzleSettings;
    const { puzzle } = buildPuzzle(settings);
    const wire = JSON.stringify(puzzleToJSON(puzzle));
    const back = puzzleFromJSON(JSON.parse(wire));
    expect(netBits(back.network)).toEqual(netBits(puzzle.network));
    expect(bits(back.batch.x)).toEqual(bits(puzzle.batch.x));
    expect(bits(back.batch.y)).toEqual(bits(puzzle.batch.y));
    expect(back.eps).toBe(0.7);
    expect(back.show).toBe('nextLayer');
    expect(JSON.stringify(puzzleToJSON(back))).toBe(wire);
    // The same settings rebuild the same puzzle.
    expect(JSON.stringify(puzzleToJSON(buildPuzzle(settings).puzzle))).toBe(wire);
    expect(batchToJSON(back.batch).inputs).toHaveLength(8);
  });
});
