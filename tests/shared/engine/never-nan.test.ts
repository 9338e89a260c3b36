import { describe, expect, it } from 'vitest';
import {
  analyse,
  applyBiasNudge,
  bestNudge,
  createNetwork,
  MAX_PARAMETER,
  makeBatch,
  makeDataset,
  type NetworkJSON,
  networkFromJSON,
  networkToJSON,
  nudge,
  Rng,
  sgdStep,
  Trace,
  Trainer,
  weightNudge,
} from '#shared/engine/index';
import { fails } from './engine-error.ts';

const rng = new Rng(7);
const net = createNetwork({ sizes: [2, 3, 1] }, rng);
const xor = makeDataset('xor', rng);
const ceNet = createNetwork({ sizes: [2, 3, 1], cost: 'crossEntropy' }, rng);
const json = networkToJSON(net);
const withWeight = (v: number): NetworkJSON => {
  const j = structuredClone(json);
  j.weights[0]![0] = v;
  return j;
};

/** The 25 inputs of the hardening issue that used to give a TypeError, a RangeError, NaN or a wrong answer. */
describe('the 25 bad inputs each get a named EngineError', () => {
  it('1–3. activations that are not a name or an array: 5, {}, true', () => {
    for (const bad of [5, {}, true]) {
      fails(
        () => createNetwork({ sizes: [2, 1], activations: bad as never }, rng),
        'BAD_ACTIVATION',
        /one name or an array of names/,
      );
    }
  });

  it('4. createNetwork(null)', () => {
    fails(
      () => createNetwork(null as never, rng),
      'BAD_ARGUMENT',
      /spec must be an object, got null/,
    );
  });

  it('5. a Trainer without data', () => {
    fails(
      () => new Trainer(net, undefined as never, { eta: 1, batchSize: 1 }, rng),
      'BAD_ARGUMENT',
      /batch must be an object, got undefined/,
    );
  });

  it('6. makeBatch with −1 inputs per sample', () => {
    fails(() => makeBatch([[1]], [[1]], -1, 1), 'SIZE_MISMATCH', /inputs per sample.*got -1/);
  });

  it('7. makeBatch with −1 targets per sample', () => {
    fails(() => makeBatch([[1]], [[1]], 1, -1), 'SIZE_MISMATCH', /targets per sample.*got -1/);
  });

  it('8. a Trace capacity past MAX_BATCH', () => {
    fails(() => new Trace(net, 1_000_000), 'BAD_ARGUMENT', /trace capacity.*got 1000000/);
  });

  it('9. a Trace that would need tens of gigabytes', () => {
    const wide = createNetwork({ sizes: [2, 4096, 1] }, rng);
    fails(() => new Trace(wide, 100_000), 'TOO_LARGE', /at most 67108864 numbers/);
  });

  it('10. weights of 1e308 from JSON', () => {
    fails(() => networkFromJSON(withWeight(1e308)), 'OUT_OF_RANGE', /within ±1000000, got 1e\+308/);
  });

  it('11. biases of 1e308 from JSON', () => {
    const j = structuredClone(json);
    j.biases[1]![0] = -1e308;
    fails(() => networkFromJSON(j), 'OUT_OF_RANGE', /biases of layer 2\[0\]/);
  });

  it('12. a nudge of 1e308', () => {
    const t = analyse(net, xor);
    fails(() => nudge(t, 1, 0, 1e308), 'OUT_OF_RANGE', /Δz must lie within ±1000000/);
  });

  it('13. a weight nudge of 1e308', () => {
    const t = analyse(net, xor);
    fails(() => weightNudge(t, 1, 0, 0, -1e308), 'OUT_OF_RANGE', /Δw must lie within/);
  });

  it('14. a kept nudge of 1e308, and one that pushes the bias past MAX_PARAMETER', () => {
    const own = createNetwork({ sizes: [2, 1] }, new Rng(1));
    fails(() => applyBiasNudge(own, 1, 0, 1e308), 'OUT_OF_RANGE', /Δz must lie within/);
    own.b[1]![0] = MAX_PARAMETER - 1;
    fails(() => applyBiasNudge(own, 1, 0, 2), 'OUT_OF_RANGE', /bias would leave/);
    expect(own.b[1]![0]).toBe(MAX_PARAMETER - 1);
  });

  it('15. quadratic targets of 1e200 in makeBatch', () => {
    fails(() => makeBatch([[0, 0]], [[1e200]], 2, 1), 'OUT_OF_RANGE', /targets\[0\]\[0\]/);
  });

  it('16. quadratic targets of 1e200 in a batch built by hand', () => {
    const batch = { n: 1, nIn: 2, nOut: 1, x: new Float64Array(2), y: new Float64Array([1e200]) };
    fails(() => analyse(net, batch), 'OUT_OF_RANGE', /target 0 must lie within/);
  });

  it('17. a cross-entropy target above 1', () => {
    fails(
      () => analyse(ceNet, makeBatch([[0, 0]], [[2]], 2, 1)),
      'OUT_OF_RANGE',
      /cross-entropy target must lie in \[0, 1\], got 2/,
    );
  });

  it('18. a cross-entropy target below 0', () => {
    fails(() => analyse(ceNet, makeBatch([[0, 0]], [[-0.5]], 2, 1)), 'OUT_OF_RANGE', /got -0.5/);
  });

  it('19. Trainer.run(0) answers no cost, not NaN', () => {
    const r = new Trainer(net, xor, { eta: 1, batchSize: 2 }, new Rng(1)).run(0);
    expect(r).toEqual({ cost: null, diverged: false });
  });

  it('20. Trace.load with an index past the batch', () => {
    fails(() => new Trace(net, 2).load(xor, [0, 4]), 'BAD_ARGUMENT', /indices\[1\].*got 4/);
  });

  it('21. Trace.load with a fractional index', () => {
    fails(() => new Trace(net, 2).load(xor, [0.5, 1]), 'BAD_ARGUMENT', /indices\[0\].*got 0.5/);
  });

  it('22. Trace.load with a negative start or a count past the indices', () => {
    fails(() => new Trace(net, 4).load(xor, [0, 1, 2], -1, 2), 'BAD_ARGUMENT', /from must be/);
    fails(() => new Trace(net, 4).load(xor, [0, 1, 2], 2, 2), 'BAD_ARGUMENT', /from \+ count/);
  });

  it('23. a trace forwarded but not run', () => {
    const t = new Trace(net, 4).load(xor);
    t.forward();
    fails(() => nudge(t, 1, 0, 0.1), 'STALE_TRACE', /forwarded but not run backward/);
    fails(() => t.cost, 'STALE_TRACE', /read its cost/);
  });

  it('24. a trace loaded again after its run', () => {
    const t = analyse(net, xor);
    t.load(xor, [0, 1]);
    fails(() => nudge(t, 1, 0, 0.1), 'STALE_TRACE', /loaded but not run/);
    fails(() => bestNudge(t, 1), 'STALE_TRACE', /loaded but not run/);
  });

  it('25. a trace after sgdStep (and after a kept nudge)', () => {
    const own = createNetwork({ sizes: [2, 3, 1] }, new Rng(3));
    const t = analyse(own, xor);
    const other = analyse(own, xor);
    sgdStep(t, 0.5);
    fails(() => nudge(t, 1, 0, 0.1), 'STALE_TRACE', /network changed since it ran/);
    fails(() => weightNudge(other, 1, 0, 0, 0.1), 'STALE_TRACE', /network changed/);
    const again = analyse(own, xor);
    applyBiasNudge(own, 1, 0, 0.1);
    fails(() => nudge(again, 1, 0, 0.1), 'STALE_TRACE', /network changed/);
    // Run again, the trace is fresh and answers.
    expect(Number.isFinite(again.run().cost)).toBe(true);
    expect(Number.isFinite(nudge(again, 1, 0, 0.1).deltaC)).toBe(true);
  });
});

describe('bounds where double arithmetic stops meaning anything', () => {
  it('an overflowing network answers OVERFLOW, and an SGD step on it is diverged with no cost', () => {
    // 32 linear layers with weights at MAX_PARAMETER: z grows 10⁶-fold a layer, to 10¹⁹², and ½z² overflows.
    const deep = createNetwork({ sizes: [1, ...Array(31).fill(1), 1], activations: 'linear' }, rng);
    for (let l = 1; l <= 32; l++) deep.w[l]![0] = MAX_PARAMETER;
    const one = makeBatch([[1]], [[0]], 1, 1);
    fails(() => analyse(deep, one), 'OVERFLOW', /overflows on this batch/);
    const t = new Trace(deep, 1).load(one);
    const before = networkToJSON(deep);
    expect(sgdStep(t, 0.1)).toEqual({ cost: null, diverged: true });
    expect(networkToJSON(deep)).toEqual(before);
  });

  it('RNG seeds are integers in [0, 2³² − 1]; 0 and 0x9e3779b9 share a stream', () => {
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) {
      fails(() => new Rng(bad), 'BAD_ARGUMENT', /seed must be an integer in \[0, 4294967295\]/);
    }
    fails(() => new Rng([1, 2, 3]), 'BAD_ARGUMENT', /four words, got 3/);
    fails(() => new Rng([1, 2, 3, -4]), 'BAD_ARGUMENT', /state\[3\]/);
    expect(new Rng(0).next()).toBe(new Rng(0x9e3779b9).next());
    expect(new Rng(2 ** 32 - 1).next()).not.toBe(new Rng(0).next());
    fails(() => new Rng(1).int(0), 'BAD_ARGUMENT', /n must be an integer/);
    fails(() => new Rng(1).uniform(0, Infinity), 'NOT_FINITE', /hi must be a finite/);
  });

  it('−0 in JSON: read as +0, and every number of the run is the same', () => {
    const j = structuredClone(json);
    j.weights[0]![1] = -0;
    j.biases[0]![2] = -0;
    const minus = networkFromJSON(j);
    expect(Object.is(minus.w[1]![1], 0)).toBe(true);
    const wire = networkFromJSON(JSON.parse(JSON.stringify(j)));
    const a = analyse(minus, xor);
    const b = analyse(wire, xor);
    expect(Array.from(a.deltaBar[1]!)).toEqual(Array.from(b.deltaBar[1]!));
    expect(a.cost).toBe(b.cost);
  });
});
