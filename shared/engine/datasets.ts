import type { Batch } from './batch.ts';
import { check, checkInteger, describeValue, EngineErrorCode, isRecord } from './errors.ts';
import { Rng } from './rng.ts';

/** Data sets made in code from a seed. 2-D inputs lie in [−1, 1]²; targets are 0/1 or one-hot. */
export const DATASETS = {
  and: { inputs: 2, outputs: 1, defaultN: 4, defaultNoise: 0.1 },
  or: { inputs: 2, outputs: 1, defaultN: 4, defaultNoise: 0.1 },
  xor: { inputs: 2, outputs: 1, defaultN: 4, defaultNoise: 0.1 },
  circle: { inputs: 2, outputs: 1, defaultN: 200, defaultNoise: 0.1 },
  spirals: { inputs: 2, outputs: 1, defaultN: 200, defaultNoise: 0.1 },
  clusters: { inputs: 2, outputs: 1, defaultN: 200, defaultNoise: 0.1 },
  digits: { inputs: 25, outputs: 10, defaultN: 500, defaultNoise: 0.05 },
} as const;
export type DatasetName = keyof typeof DATASETS;

export function isDataset(x: unknown): x is DatasetName {
  return typeof x === 'string' && Object.hasOwn(DATASETS, x);
}

export interface DatasetOptions {
  /** Number of samples (the truth tables always have their 4). */
  n?: number;
  /** 2-D sets: std-like spread of the points; digits: chance that a pixel flips. */
  noise?: number;
}

/** 5×5 pixel glyphs of the digits 0–9, '#' on. */
export const GLYPHS: readonly string[][] = [
  ['.###.', '#...#', '#...#', '#...#', '.###.'],
  ['..#..', '.##..', '..#..', '..#..', '.###.'],
  ['.###.', '#...#', '..##.', '.#...', '#####'],
  ['####.', '....#', '.###.', '....#', '####.'],
  ['#..#.', '#..#.', '#####', '...#.', '...#.'],
  ['#####', '#....', '####.', '....#', '####.'],
  ['.###.', '#....', '####.', '#...#', '.###.'],
  ['#####', '...#.', '..#..', '.#...', '.#...'],
  ['.###.', '#...#', '.###.', '#...#', '.###.'],
  ['.###.', '#...#', '.####', '....#', '.###.'],
];

function build(
  n: number,
  nIn: number,
  nOut: number,
  fill: (s: number, x: Float64Array, y: Float64Array) => void,
): Batch {
  const x = new Float64Array(n * nIn);
  const y = new Float64Array(n * nOut);
  for (let s = 0; s < n; s++)
    fill(s, x.subarray(s * nIn, (s + 1) * nIn), y.subarray(s * nOut, (s + 1) * nOut));
  return { n, nIn, nOut, x, y };
}

function truthTable(op: (p: boolean, q: boolean) => boolean): Batch {
  return build(4, 2, 1, (s, x, y) => {
    const p = s >> 1;
    const q = s & 1;
    x[0] = p;
    x[1] = q;
    y[0] = op(p === 1, q === 1) ? 1 : 0;
  });
}

/** The data set `name`, drawn from the PRNG. */
export function makeDataset(name: DatasetName, rng: Rng, options: DatasetOptions = {}): Batch {
  check(isDataset(name), EngineErrorCode.BadArgument, `unknown data set ${describeValue(name)}`);
  check(rng instanceof Rng, EngineErrorCode.BadArgument, 'rng must be an Rng');
  check(
    isRecord(options),
    EngineErrorCode.BadArgument,
    `options must be { n?, noise? }, got ${describeValue(options)}`,
  );
  const n = options.n ?? DATASETS[name].defaultN;
  checkInteger(n, 1, 100_000, EngineErrorCode.BadArgument, 'number of samples');
  const noise = options.noise ?? DATASETS[name].defaultNoise;
  check(
    typeof noise === 'number' && Number.isFinite(noise) && noise >= 0 && noise <= 1,
    EngineErrorCode.BadArgument,
    `noise must be in [0, 1], got ${describeValue(noise)}`,
  );
  switch (name) {
    case 'and':
      return truthTable((p, q) => p && q);
    case 'or':
      return truthTable((p, q) => p || q);
    case 'xor':
      return truthTable((p, q) => p !== q);
    case 'circle':
      // Half the points inside radius 0.5 (class 1), half in the ring 0.7…1 (class 0).
      return build(n, 2, 1, (s, x, y) => {
        const inside = s % 2 === 0;
        const r = inside ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1);
        const t = rng.uniform(0, 2 * Math.PI);
        x[0] = r * Math.sin(t) + noise * 0.3 * rng.normal();
        x[1] = r * Math.cos(t) + noise * 0.3 * rng.normal();
        y[0] = inside ? 1 : 0;
      });
    case 'spirals':
      // Two interleaved spirals, one and three-quarter turns each.
      return build(n, 2, 1, (s, x, y) => {
        const cls = s % 2;
        const u = Math.floor(s / 2) / Math.max(1, Math.ceil(n / 2));
        const r = 0.05 + 0.95 * u;
        const t = 1.75 * u * 2 * Math.PI + cls * Math.PI;
        x[0] = r * Math.sin(t) + noise * 0.3 * rng.normal();
        x[1] = r * Math.cos(t) + noise * 0.3 * rng.normal();
        y[0] = cls === 0 ? 1 : 0;
      });
    case 'clusters':
      // Two gaussian clouds around (0.5, 0.5) (class 1) and (−0.5, −0.5) (class 0).
      return build(n, 2, 1, (s, x, y) => {
        const cls = s % 2 === 0 ? 1 : 0;
        const c = cls ? 0.5 : -0.5;
        const spread = 0.15 + noise * 1.5;
        x[0] = c + spread * rng.normal();
        x[1] = c + spread * rng.normal();
        y[0] = cls;
      });
    case 'digits':
      // Each sample a glyph with pixels flipped at rate `noise`, and a one-hot target.
      return build(n, 25, 10, (s, x, y) => {
        const d = s % 10;
        const g = GLYPHS[d]!;
        for (let r = 0; r < 5; r++) {
          for (let c = 0; c < 5; c++) {
            const on = g[r]![c] === '#';
            x[r * 5 + c] = on !== rng.next() < noise ? 1 : 0;
          }
        }
        y[d] = 1;
      });
  }
}
