import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as engine from '#shared/engine/index';
import {
  ACTIVATIONS,
  type Batch,
  COSTS,
  DATASETS,
  EngineError,
  type Network,
  Rng,
  Trace,
  Trainer,
} from '#shared/engine/index';

/**
 * Random junk at every public function of the engine: each call either
 * answers something whose every number is finite, or throws an EngineError.
 * A TypeError, a RangeError, NaN or ±Infinity anywhere in an answer fails.
 */

/** Every number reachable from x is finite (typed arrays, records, arrays, a trace's loaded rows). */
function finiteEverywhere(x: unknown, seen = new Set<unknown>()): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (typeof x !== 'object' || x === null || seen.has(x)) return true;
  seen.add(x);
  if (x instanceof Trace) {
    if (!x.fresh()) return finiteEverywhere(Array.from(x.a[0]!.subarray(0, x.n)), seen);
    const L = x.net.sizes.length - 1;
    for (let l = 1; l <= L; l++) {
      const m = x.n * x.net.sizes[l]!;
      for (const arr of [x.z[l]!, x.a[l]!, x.sp[l]!, x.delta[l]!])
        if (!arr.subarray(0, m).every(Number.isFinite)) return false;
      if (!x.deltaBar[l]!.every(Number.isFinite)) return false;
    }
    return Number.isFinite(x.cost);
  }
  if (x instanceof Rng || x instanceof Trainer || x instanceof Error) return true;
  if (x instanceof Float64Array || x instanceof Float32Array) return x.every(Number.isFinite);
  if (ArrayBuffer.isView(x)) return true;
  return Object.values(x).every((v) => finiteEverywhere(v, seen));
}

/** Calls f: passes if it throws an EngineError or answers only finite numbers. */
function judge(name: string, f: () => unknown, ok: (r: unknown) => boolean = finiteEverywhere) {
  let r: unknown;
  try {
    r = f();
  } catch (e) {
    if (e instanceof EngineError) return;
    throw new Error(`${name} threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
  }
  if (!ok(r)) throw new Error(`${name} answered a number that is not finite`);
}

const special = fc.constantFrom(
  Number.NaN,
  Infinity,
  -Infinity,
  -0,
  1e308,
  -1e308,
  1e200,
  1e7,
  4096,
  4097,
  2 ** 32,
  2 ** 53,
  0.5,
  1e-300,
  Number.MIN_VALUE,
);
const junkNumber = fc.oneof(fc.double(), fc.integer({ min: -3, max: 12 }), special);
const anything = fc.anything({
  maxDepth: 2,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withBigInt: true,
  withBoxedValues: true,
});
const junk = fc.oneof(
  junkNumber,
  anything,
  fc.constantFrom(undefined, null, true, 'sigmoid', 'crossEntropy', 'xor', [], {}, Symbol('s')),
  fc.array(junkNumber, { maxLength: 6 }),
);

/** A small network, its batch and a trace in any stage, with junk poked into one number. */
interface World {
  net: Network;
  batch: Batch;
  trace: Trace;
  rng: Rng;
}

const worldArb = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 5 }),
  act: fc.constantFrom(...ACTIVATIONS),
  cost: fc.constantFrom(...COSTS),
  n: fc.integer({ min: 1, max: 5 }),
  seed: fc.nat(),
  values: fc.array(fc.oneof({ weight: 4, arbitrary: fc.double({ min: -3, max: 3 }) }, junkNumber), {
    minLength: 1,
    maxLength: 8,
  }),
  poke: fc.option(fc.tuple(fc.nat(), fc.boolean(), junkNumber), { freq: 3 }),
  stage: fc.constantFrom('empty', 'loaded', 'forward', 'run', 'stepped'),
});

type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function buildWorld(w: WorldSpec | undefined): World | null {
  if (!w) return null;
  const rng = new Rng(w.seed);
  const L = w.sizes.length - 1;
  const act = Array.from({ length: L }, (_, l) =>
    w.cost === 'crossEntropy' && l === L - 1 ? 'sigmoid' : w.act,
  );
  const net = engine.createNetwork({ sizes: w.sizes, activations: act, cost: w.cost }, rng);
  const nIn = w.sizes[0]!;
  const nOut = w.sizes[L]!;
  const pick = (i: number) => w.values[i % w.values.length]!;
  const x = Float64Array.from({ length: w.n * nIn }, (_, i) => pick(i));
  const y = Float64Array.from({ length: w.n * nOut }, (_, i) =>
    w.cost === 'crossEntropy' ? Math.abs(pick(i + 1)) % 1 : pick(i + 1),
  );
  if (w.poke) {
    const [at, bias, v] = w.poke;
    const l = 1 + (at % L);
    const arr = bias ? net.b[l]! : net.w[l]!;
    arr[at % arr.length] = v;
  }
  const batch = { n: w.n, nIn, nOut, x, y };
  const trace = new Trace(net, w.n);
  try {
    if (w.stage !== 'empty') trace.load(batch);
    if (w.stage === 'forward') trace.forward();
    if (w.stage === 'run' || w.stage === 'stepped') trace.run();
    if (w.stage === 'stepped') engine.sgdStep(trace, 0.5);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
  }
  return { net, batch, trace, rng };
}

const maybeWorld = fc.option(worldArb, { freq: 4 });
/** The world when junk arguments would have none: methods need an object to be called on. */
const DEFAULT_WORLD = {
  sizes: [2, 3, 1],
  act: 'sigmoid' as const,
  cost: 'quadratic' as const,
  n: 2,
  seed: 1,
  values: [0.5, -1],
  poke: null,
  stage: 'run' as const,
};
/** An argument: junk, or the world's network, batch, trace or rng. */
const slot = (kind: keyof World) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(kind) }, { weight: 1, arbitrary: junk });
/** The object a method is called on: always the world's own (a method of junk is not the engine's). */
const self = (kind: keyof World) => fc.constant(kind);
const resolve = (v: unknown, world: World | null): unknown =>
  typeof v === 'string' && world && Object.hasOwn(world, v) ? world[v as keyof World] : v;

type Case = [string, fc.Arbitrary<unknown[]>, (world: World | null, ...args: unknown[]) => unknown];
const call =
  (f: (...args: never[]) => unknown) =>
  (_w: World | null, ...args: unknown[]) =>
    f(...(args as never[]));

const cases: Case[] = [
  ['isActivation', fc.tuple(junk), call(engine.isActivation)],
  ['isCost', fc.tuple(junk), call(engine.isCost)],
  ['isDataset', fc.tuple(junk), call(engine.isDataset)],
  ['check', fc.tuple(junk, junk, junk), call(engine.check)],
  ['new EngineError', fc.tuple(junk, junk), (_w, c, m) => new EngineError(c as never, m as never)],
  [
    'createNetwork',
    fc.tuple(
      fc.oneof(
        junk,
        fc.record({
          sizes: fc.oneof(junk, fc.array(junkNumber, { maxLength: 5 })),
          activations: fc.oneof(junk, fc.constantFrom(...ACTIVATIONS)),
          cost: fc.oneof(junk, fc.constantFrom(...COSTS)),
        }),
      ),
      slot('rng'),
    ),
    call(engine.createNetwork),
  ],
  ['cloneNetwork', fc.tuple(slot('net')), call(engine.cloneNetwork)],
  ['networkToJSON', fc.tuple(slot('net')), call(engine.networkToJSON)],
  [
    'networkFromJSON',
    fc.tuple(fc.oneof(junk, fc.constant('json')), fc.nat(), junk),
    (w, json, at, v) => {
      if (json !== 'json' || !w) return engine.networkFromJSON(json as never);
      const j = JSON.parse(JSON.stringify(engine.networkToJSON(w.net))) as engine.NetworkJSON;
      const key = (at as number) % 4;
      if (key === 0) j.weights[0]![0] = v as number;
      if (key === 1) j.biases[0] = v as number[];
      if (key === 2) j.sizes[0] = v as number;
      if (key === 3) (j as unknown as Record<string, unknown>)['activations'] = v;
      return engine.networkFromJSON(j);
    },
  ],
  ['depth', fc.tuple(slot('net')), call(engine.depth)],
  ['parameterCount', fc.tuple(slot('net')), call(engine.parameterCount)],
  ['checkNeuron', fc.tuple(slot('net'), junkNumber, junkNumber), call(engine.checkNeuron)],
  [
    'makeBatch',
    fc.tuple(
      fc.oneof(junk, fc.array(fc.array(junkNumber, { maxLength: 3 }), { maxLength: 3 })),
      fc.oneof(junk, fc.array(fc.array(junkNumber, { maxLength: 3 }), { maxLength: 3 })),
      junkNumber,
      junkNumber,
    ),
    call(engine.makeBatch),
  ],
  [
    'batchFromJSON',
    fc.tuple(fc.oneof(junk, fc.record({ inputs: junk, targets: junk })), junkNumber, junkNumber),
    call(engine.batchFromJSON),
  ],
  ['batchToJSON', fc.tuple(slot('batch')), call(engine.batchToJSON)],
  [
    'subBatch',
    fc.tuple(slot('batch'), fc.oneof(junk, fc.array(junkNumber))),
    call(engine.subBatch),
  ],
  [
    'makeDataset',
    fc.tuple(
      fc.oneof(fc.constantFrom(...Object.keys(DATASETS)), junk),
      slot('rng'),
      fc.oneof(fc.constant(undefined), junk, fc.record({ n: junkNumber, noise: junkNumber })),
    ),
    call(engine.makeDataset),
  ],
  ['new Rng', fc.tuple(fc.oneof(junk, fc.array(junkNumber))), (_w, s) => new Rng(s as never)],
  [
    'Rng methods',
    fc.tuple(
      self('rng'),
      fc.constantFrom('next', 'uniform', 'int', 'normal', 'state'),
      junkNumber,
      junkNumber,
    ),
    (_w, rng, m, a, b) => (rng as Rng)[m as 'uniform'](a as number, b as number),
  ],
  [
    'Rng.shuffle',
    fc.tuple(self('rng'), fc.oneof(junk, fc.array(junkNumber))),
    // In place: the answer is the very array given, whatever numbers it holds.
    (_w, rng, xs) => ((rng as Rng).shuffle(xs as never) === xs ? 'the same array' : Number.NaN),
  ],
  [
    'new Trace',
    fc.tuple(slot('net'), junkNumber),
    (_w, net, c) => new Trace(net as never, c as never),
  ],
  [
    'Trace.load',
    fc.tuple(
      self('trace'),
      slot('batch'),
      fc.oneof(fc.constant(undefined), junk, fc.array(junkNumber)),
      fc.oneof(fc.constant(undefined), junkNumber),
      fc.oneof(fc.constant(undefined), junkNumber),
    ),
    (_w, t, b, i, f, c) => (t as Trace).load(b as never, i as never, f as never, c as never),
  ],
  [
    'Trace methods',
    fc.tuple(
      self('trace'),
      fc.constantFrom('forward', 'backward', 'gradients', 'run', 'fresh', 'cost'),
    ),
    (_w, t, m) => (m === 'cost' ? (t as Trace).cost : (t as Trace)[m as 'run']()),
  ],
  [
    'Trace.checkFresh',
    fc.tuple(self('trace'), junk),
    (_w, t, what) => (t as Trace).checkFresh(what as string),
  ],
  ['analyse', fc.tuple(slot('net'), slot('batch')), call(engine.analyse)],
  ['batchCost', fc.tuple(slot('net'), slot('batch')), call(engine.batchCost)],
  ['accuracy', fc.tuple(slot('net'), slot('batch')), call(engine.accuracy)],
  ['nudge', fc.tuple(slot('trace'), junkNumber, junkNumber, junkNumber), call(engine.nudge)],
  [
    'weightNudge',
    fc.tuple(slot('trace'), junkNumber, junkNumber, junkNumber, junkNumber),
    call(engine.weightNudge),
  ],
  [
    'applyBiasNudge',
    fc.tuple(slot('net'), junkNumber, junkNumber, junkNumber),
    call(engine.applyBiasNudge),
  ],
  ['sgdStep', fc.tuple(slot('trace'), junkNumber), call(engine.sgdStep)],
  [
    'Trainer',
    fc.tuple(
      slot('net'),
      slot('batch'),
      fc.oneof(junk, fc.record({ eta: junkNumber, batchSize: junkNumber })),
      slot('rng'),
      // run(k) takes up to 10⁷ steps; more than a few dozen only makes the test slow.
      fc.oneof(
        fc.integer({ min: -2, max: 30 }),
        special.filter((k) => !(k >= 1e3)),
      ),
    ),
    (_w, net, data, opts, rng, k) => {
      const t = new Trainer(net as never, data as never, opts as never, rng as never);
      return [t.step(), t.run(k as number)];
    },
  ],
  // The certified searches: a trace of any stage, any number for ε, any neurons as movable.
  ...(
    [
      ['bestNudge', engine.bestNudge],
      ['bestWeightNudge', engine.bestWeightNudge],
      ['gradientDemon', engine.gradientDemon],
    ] as const
  ).map(
    ([name, search]): Case => [
      name,
      fc.tuple(
        self('trace'),
        junkNumber,
        fc.option(fc.array(fc.record({ l: junkNumber, j: junkNumber }), { maxLength: 3 })),
      ),
      (_w, t, eps, movable) => search(t as Trace, eps as number, (movable ?? undefined) as never),
    ],
  ),
];

describe('junk at every public function: a finite answer or an EngineError', () => {
  for (const [name, args, f] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(maybeWorld, args, (w, raw) => {
          const world = buildWorld(w ?? DEFAULT_WORLD);
          const resolved = raw.map((v) => resolve(v, world));
          judge(name, () => f(world, ...resolved));
        }),
        { numRuns: 300 },
      );
    });
  }
});
