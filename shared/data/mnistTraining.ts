import type { Batch } from '../engine/batch.ts';
import type { CostName } from '../engine/costs.ts';
import { createNetwork, depth, type Network } from '../engine/network.ts';
import { Rng } from '../engine/rng.ts';
import { Trainer } from '../engine/sgd.ts';
import { Trace } from '../engine/trace.ts';
import { fnv1a } from './mnist.ts';

/**
 * The book's MNIST runs: sigmoid neurons, mini-batches of 10, 30 epochs on
 * 60,000 training digits, tested on 10,000. Chapter 1 uses the quadratic cost
 * with η = 3.0; chapter 3 the cross-entropy cost with η = 0.5 (η = 3.0 with
 * cross-entropy overshoots: 86.7 % after one epoch here, against 91.0 % with
 * 0.5). `book` is the test accuracy the book reports for each pair.
 */
export const MNIST_PRESETS = {
  small: { sizes: [784, 30, 10], book: { quadratic: 0.9542, crossEntropy: 0.9549 } },
  large: { sizes: [784, 100, 10], book: { quadratic: 0.9659, crossEntropy: 0.9682 } },
} as const;
export type MnistPresetName = keyof typeof MNIST_PRESETS;
/** The book's learning rate for each cost, and the chapter it comes from. */
export const MNIST_ETA = { quadratic: 3.0, crossEntropy: 0.5 } as const satisfies Record<
  CostName,
  number
>;
export const BOOK_CHAPTER = { quadratic: 1, crossEntropy: 3 } as const satisfies Record<
  CostName,
  number
>;
export const MNIST_BATCH = 10;
export const BOOK_EPOCHS = 30;

export interface MnistRunSpec {
  preset: MnistPresetName;
  cost: CostName;
  seed: number;
}

/**
 * A network and its SGD trainer drawn from one seed: the same seed gives the
 * same initial weights and the same mini-batch order, so the same run bit for
 * bit in the browser's worker, in Node and in the tests.
 */
export function mnistTrainer(train: Batch, spec: MnistRunSpec): Trainer {
  const rng = new Rng(spec.seed);
  const net = createNetwork({ sizes: MNIST_PRESETS[spec.preset].sizes, cost: spec.cost }, rng);
  const eta = MNIST_ETA[spec.cost];
  return new Trainer(net, train, { eta, batchSize: MNIST_BATCH }, rng);
}

/** Steps in one pass over the training digits (800 for 8,000 digits in batches of 10). */
export function stepsPerEpoch(train: Batch): number {
  return Math.floor(train.n / MNIST_BATCH);
}

export interface Evaluation {
  /** Share of test digits whose largest a^L is the right digit. */
  accuracy: number;
  /** Mean cost C over the test digits. */
  cost: number;
  /** The digit read for each test image (argmax of a^L). */
  predicted: Uint8Array;
  /** Test images read wrong, in order. */
  wrong: number[];
}

/** Reads every test digit with the network: the figure the book prints after each epoch. */
export function evaluate(net: Network, test: Batch): Evaluation {
  const trace = new Trace(net, test.n).load(test);
  const cost = trace.forward();
  const L = depth(net);
  const nL = net.sizes[L]!;
  const a = trace.a[L]!;
  const predicted = new Uint8Array(test.n);
  const wrong: number[] = [];
  for (let s = 0; s < test.n; s++) {
    const p = argmax(a, s * nL, nL);
    const y = argmax(test.y, s * nL, nL);
    predicted[s] = p;
    if (p !== y) wrong.push(s);
  }
  return { accuracy: 1 - wrong.length / test.n, cost, predicted, wrong };
}

/** Index of the largest of xs[from…from+n), the first one on a tie. */
export function argmax(xs: ArrayLike<number>, from: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (xs[from + j]! > xs[from + best]!) best = j;
  return best;
}

/** FNV-1a of every weight's and bias's 8 bytes: two runs agree bit for bit exactly when this does. */
export function networkHash(net: Network): number {
  let h = 0x811c9dc5;
  for (let l = 1; l <= depth(net); l++) {
    for (const p of [net.w[l]!, net.b[l]!]) {
      const bytes = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
      h = fnv1a(bytes) ^ Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}
