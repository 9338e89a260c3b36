import { describe, it } from 'vitest';
import {
  analyse,
  bestNudge,
  createNetwork,
  gradientDemon,
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
import { puzzleFromJSON } from '#shared/game/puzzle';
import { fails } from './engine-error.ts';

const rng = new Rng(1);
const net = createNetwork({ sizes: [2, 3, 1] }, rng);
const data = makeDataset('xor', rng);
const t = analyse(net, data);

describe('bad arguments get a clear EngineError, never a quiet NaN', () => {
  it('network shapes, activation and cost names', () => {
    fails(() => createNetwork({ sizes: [2] }, rng), 'BAD_SIZES', /2 to 33 layers.*got 1/);
    fails(() => createNetwork({ sizes: [2, 0, 1] }, rng), 'BAD_SIZES', /sizes\[1\].*got 0/);
    fails(() => createNetwork({ sizes: [2, 1.5] }, rng), 'BAD_SIZES', /sizes\[1\].*integer/);
    fails(
      () => createNetwork({ sizes: [2, 3, 1], activations: ['sigmoid'] }, rng),
      'BAD_ACTIVATION',
      /one function per layer.*got 1/,
    );
    fails(
      () => createNetwork({ sizes: [2, 1], activations: 'softmax' as never }, rng),
      'BAD_ACTIVATION',
      /sigmoid, tanh, relu or linear, got softmax/,
    );
    fails(
      () => createNetwork({ sizes: [2, 1], cost: 'hinge' as never }, rng),
      'BAD_COST',
      /got hinge/,
    );
    fails(
      () => createNetwork({ sizes: [2, 1], activations: 'tanh', cost: 'crossEntropy' }, rng),
      'BAD_COST',
      /cross-entropy cost needs a sigmoid output layer/,
    );
  });

  it('batches: mismatched sizes, empty, non-finite inputs or targets', () => {
    fails(() => makeBatch([], [], 2, 1), 'EMPTY_BATCH', /at least one sample/);
    fails(
      () => makeBatch([[1, 2, 3]], [[1]], 2, 1),
      'SIZE_MISMATCH',
      /inputs\[0\] must have 2 numbers/,
    );
    fails(
      () => makeBatch([[1, 2]], [[1], [0]], 2, 1),
      'SIZE_MISMATCH',
      /targets must have 1 rows, got 2/,
    );
    fails(
      () => makeBatch([[1, Number.NaN]], [[1]], 2, 1),
      'NOT_FINITE',
      /inputs\[0\]\[1\] must be a finite/,
    );
    fails(
      () => makeBatch([[1, 2]], [[Infinity]], 2, 1),
      'NOT_FINITE',
      /targets\[0\]\[0\] must be a finite/,
    );
    const wide = makeBatch([[1, 2, 3]], [[1]], 3, 1);
    fails(() => analyse(net, wide), 'SIZE_MISMATCH', /3 inputs but the network's layer 0 has 2/);
    const twoOut = makeBatch([[1, 2]], [[1, 0]], 2, 2);
    fails(() => analyse(net, twoOut), 'SIZE_MISMATCH', /2 targets but the output layer has 1/);
    fails(() => new Trace(net, 2).load(data), 'BAD_ARGUMENT', /4 samples do not fit a trace for 2/);
  });

  it('nudges: layer 0, a neuron that does not exist, non-finite Δz or Δw', () => {
    fails(
      () => nudge(t, 0, 0, 0.1),
      'BAD_LAYER',
      /layer l \(the input layer 0 has no z to nudge\).*got 0/,
    );
    fails(() => nudge(t, 3, 0, 0.1), 'BAD_LAYER', /\[1, 2\], got 3/);
    fails(() => nudge(t, 1, 3, 0.1), 'BAD_NEURON', /neuron j of layer 1.*\[0, 2\], got 3/);
    fails(() => nudge(t, 1, -1, 0.1), 'BAD_NEURON', /got -1/);
    fails(() => nudge(t, 1, 0, Number.NaN), 'NOT_FINITE', /Δz must be a finite number, got NaN/);
    fails(() => nudge(t, 1, 0, Infinity), 'NOT_FINITE', /Δz .*Infinity/);
    fails(() => weightNudge(t, 1, 0, 2, 0.1), 'BAD_NEURON', /neuron k of layer 0.*got 2/);
    fails(() => weightNudge(t, 2, 0, 0, Number.NaN), 'NOT_FINITE', /Δw must be a finite/);
    fails(
      () => nudge(new Trace(net, 4), 1, 0, 0.1),
      'STALE_TRACE',
      /run the trace before you nudge: nothing is loaded/,
    );
  });

  it('budgets: negative, zero or non-finite ε', () => {
    for (const eps of [-1, 0, Number.NaN, Infinity]) {
      fails(() => bestNudge(t, eps), 'BAD_BUDGET', /budget ε must be a finite number above 0/);
      fails(() => gradientDemon(t, eps), 'BAD_BUDGET', /budget ε/);
    }
  });

  it('learning: η and mini-batch size', () => {
    fails(
      () => sgdStep(t, 0),
      'BAD_ARGUMENT',
      /learning rate η must be a finite number above 0, got 0/,
    );
    fails(() => sgdStep(t, Number.NaN), 'BAD_ARGUMENT', /learning rate η/);
    fails(() => sgdStep(new Trace(net, 4), 0.1), 'EMPTY_BATCH', /load a batch before a step/);
    fails(() => new Trace(net, 4).run(), 'EMPTY_BATCH', /load a batch before running the trace/);
    fails(
      () => new Trainer(net, data, { eta: 0.1, batchSize: 5 }, rng),
      'BAD_ARGUMENT',
      /mini-batch size.*got 5/,
    );
  });

  it('JSON: wrong shapes or non-numbers in a network or puzzle', () => {
    const good = networkToJSON(net);
    const bad = (patch: Partial<NetworkJSON>) => ({ ...structuredClone(good), ...patch });
    fails(
      () => networkFromJSON(bad({ weights: [[1, 2]] })),
      'SIZE_MISMATCH',
      /one matrix per layer 1…2/,
    );
    fails(
      () => networkFromJSON(bad({ weights: [good.weights[0]!, [1, 2]] })),
      'SIZE_MISMATCH',
      /weights of layer 2 must have 3 numbers, got 2/,
    );
    fails(
      () => networkFromJSON(bad({ biases: [[0, 0, null as never], [0]] })),
      'NOT_FINITE',
      /biases of layer 1\[2\] must be a finite number/,
    );
    fails(() => networkFromJSON(null as never), 'BAD_ARGUMENT', /network must be an object/);
    const puzzle = {
      network: good,
      batch: { inputs: [[0, 1]], targets: [[1]] },
      eps: 1,
      show: 'delta' as const,
    };
    fails(() => puzzleFromJSON({ ...puzzle, eps: -1 }), 'BAD_BUDGET', /budget ε/);
    fails(
      () => puzzleFromJSON({ ...puzzle, show: 'all' as never }),
      'BAD_ARGUMENT',
      /show must be one of/,
    );
    fails(
      () => puzzleFromJSON({ ...puzzle, batch: { inputs: [[0, 1, 2]], targets: [[1]] } }),
      'SIZE_MISMATCH',
      /inputs\[0\] must have 2 numbers/,
    );
  });

  it('datasets: unknown names, bad sizes and noise', () => {
    fails(() => makeDataset('mnist' as never, rng), 'BAD_ARGUMENT', /unknown data set mnist/);
    fails(() => makeDataset('circle', rng, { n: 0 }), 'BAD_ARGUMENT', /number of samples/);
    fails(
      () => makeDataset('circle', rng, { noise: 2 }),
      'BAD_ARGUMENT',
      /noise must be in \[0, 1\], got 2/,
    );
  });
});
