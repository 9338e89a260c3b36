import {
  type ActivationName,
  analyse,
  makeBatch,
  networkFromJSON,
  type Rng,
  type Trace,
} from '#shared/engine/index';
import type { Misconception } from '../tags.ts';

/** A value an item asks for: a number, or the key of one of the item's labelled options. */
export type Value = number | string;

/**
 * One draw of an item: the numbers its text shows (`vars`), the right answer
 * the engine computed, and for each misconception the answer its wrong
 * reasoning gives on the same numbers.
 */
export interface Drawn {
  vars: Record<string, number>;
  answer: Value;
  wrong: Partial<Record<Misconception, Value>>;
}

/** Draws an item's numbers from the PRNG and works out its answers. */
export type Recipe = (rng: Rng) => Drawn;

export interface NetSpec {
  /** [n1, …, nL] in book numbering: n1 inputs, nL outputs. */
  sizes: number[];
  act?: ActivationName | ActivationName[];
  /** w[l−2] is w^l flattened row-major (j, k), l = 2…L in book numbering. */
  w: number[][];
  b: number[][];
  /** One row of inputs a^1 = x per sample. */
  x: number[][];
  y: number[][];
}

/** Runs the engine's forward and backward pass on a small network given in full. */
export function run(spec: NetSpec): Trace {
  const L = spec.sizes.length - 1;
  const act = spec.act ?? 'sigmoid';
  const net = networkFromJSON({
    sizes: spec.sizes,
    activations: typeof act === 'string' ? Array.from({ length: L }, () => act) : act,
    cost: 'quadratic',
    weights: spec.w,
    biases: spec.b,
  });
  const trace = analyse(net, makeBatch(spec.x, spec.y, spec.sizes[0]!, spec.sizes[L]!));
  trace.gradients();
  return trace;
}

/** Uniform on the grid lo, lo + step, …, hi: numbers a person can read and type. */
export function draw(rng: Rng, lo: number, hi: number, step = 0.01): number {
  const n = Math.round((hi - lo) / step);
  return Number((lo + step * rng.int(n + 1)).toFixed(6));
}

/** A magnitude from [lo, hi] with a random sign. */
export function signed(rng: Rng, lo: number, hi: number, step = 0.01): number {
  const m = draw(rng, lo, hi, step);
  return rng.next() < 0.5 ? -m : m;
}

/** Rounded as it is shown (3 significant digits): what a student reads is what the key uses. */
export function shown(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(3));
}

/** The engine's value at (engine layer l, neuron j, sample s) of a per-sample array. */
export function at(arr: Float64Array[], trace: Trace, l: number, j: number, s = 0): number {
  return arr[l]![s * trace.net.sizes[l]! + j]!;
}

export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** Thrown by a recipe whose draw would make a poor item (two answers too close): the generator draws again. */
export class Redraw extends Error {}

export function redraw(): never {
  throw new Redraw('redraw');
}
