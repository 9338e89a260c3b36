import { type ActivationName, isActivation } from './activations.ts';
import { type CostName, isCost } from './costs.ts';
import { check, checkInteger, EngineErrorCode } from './errors.ts';
import type { Rng } from './rng.ts';

/**
 * A feed-forward network in Nielsen's notation. Layers are numbered 0…L; layer 0
 * is the input. Arrays are indexed by l, so w[l] is w^l and index 0 is empty.
 */
export interface Network {
  /** [n0, n1, …, nL]: neurons per layer. */
  readonly sizes: readonly number[];
  /** act[l] is layer l's σ; act[0] is 'linear' (the input passes through). */
  readonly act: readonly ActivationName[];
  readonly cost: CostName;
  /** w[l][j·n_{l−1} + k] = w^l_jk, the weight from neuron k of layer l−1 to neuron j of layer l. */
  readonly w: Float64Array[];
  /** b[l][j] = b^l_j. */
  readonly b: Float64Array[];
}

export interface NetworkSpec {
  sizes: readonly number[];
  /** One σ for every layer 1…L, or one name for all of them. Default sigmoid. */
  activations?: ActivationName | readonly ActivationName[];
  cost?: CostName;
}

/** Largest layer the engine accepts: a guard against a typo allocating gigabytes. */
export const MAX_LAYER_SIZE = 4096;
export const MAX_LAYERS = 32;

/** Number of layers after the input, L. */
export function depth(net: Network): number {
  return net.sizes.length - 1;
}

function resolveSpec(spec: NetworkSpec): {
  sizes: number[];
  act: ActivationName[];
  cost: CostName;
} {
  check(Array.isArray(spec.sizes), EngineErrorCode.BadSizes, 'sizes must be an array');
  const sizes = [...spec.sizes];
  check(
    sizes.length >= 2 && sizes.length <= MAX_LAYERS + 1,
    EngineErrorCode.BadSizes,
    `sizes must list 2 to ${MAX_LAYERS + 1} layers (input and output at least), got ${sizes.length}`,
  );
  sizes.forEach((n, i) => {
    checkInteger(n, 1, MAX_LAYER_SIZE, EngineErrorCode.BadSizes, `sizes[${i}]`);
  });
  const L = sizes.length - 1;
  const given = spec.activations ?? 'sigmoid';
  const list = typeof given === 'string' ? Array.from({ length: L }, () => given) : [...given];
  check(
    list.length === L,
    EngineErrorCode.BadActivation,
    `activations must name one function per layer 1…${L} (${L} of them), got ${list.length}`,
  );
  list.forEach((a, i) => {
    check(
      isActivation(a),
      EngineErrorCode.BadActivation,
      `activations[${i}] must be sigmoid, tanh, relu or linear, got ${String(a)}`,
    );
  });
  const cost = spec.cost ?? 'quadratic';
  check(
    isCost(cost),
    EngineErrorCode.BadCost,
    `cost must be quadratic or crossEntropy, got ${String(cost)}`,
  );
  check(
    cost !== 'crossEntropy' || list[L - 1] === 'sigmoid',
    EngineErrorCode.BadCost,
    'the cross-entropy cost needs a sigmoid output layer (its a^L must lie in (0, 1))',
  );
  return { sizes, act: ['linear', ...list], cost };
}

/**
 * A new network with weights drawn uniformly from ±√(6/(n_{l−1}+n_l)) (Glorot)
 * and biases from ±0.1, all from the given PRNG.
 */
export function createNetwork(spec: NetworkSpec, rng: Rng): Network {
  const { sizes, act, cost } = resolveSpec(spec);
  const w: Float64Array[] = [new Float64Array(0)];
  const b: Float64Array[] = [new Float64Array(0)];
  for (let l = 1; l < sizes.length; l++) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const r = Math.sqrt(6 / (nIn + nOut));
    const wl = new Float64Array(nOut * nIn);
    for (let i = 0; i < wl.length; i++) wl[i] = rng.uniform(-r, r);
    const bl = new Float64Array(nOut);
    for (let j = 0; j < nOut; j++) bl[j] = rng.uniform(-0.1, 0.1);
    w.push(wl);
    b.push(bl);
  }
  return { sizes, act, cost, w, b };
}

export function cloneNetwork(net: Network): Network {
  return {
    sizes: [...net.sizes],
    act: [...net.act],
    cost: net.cost,
    w: net.w.map((x) => x.slice()),
    b: net.b.map((x) => x.slice()),
  };
}

/** The network on the wire: plain arrays, layers 1…L only. */
export interface NetworkJSON {
  sizes: number[];
  activations: ActivationName[];
  cost: CostName;
  /** weights[l−1] is w^l flattened row-major (j·n_{l−1} + k). */
  weights: number[][];
  /** biases[l−1] is b^l. */
  biases: number[][];
}

export function networkToJSON(net: Network): NetworkJSON {
  return {
    sizes: [...net.sizes],
    activations: net.act.slice(1),
    cost: net.cost,
    weights: net.w.slice(1).map((x) => Array.from(x)),
    biases: net.b.slice(1).map((x) => Array.from(x)),
  };
}

function toFiniteArray(xs: unknown, length: number, what: string): Float64Array {
  check(Array.isArray(xs), EngineErrorCode.SizeMismatch, `${what} must be an array`);
  check(
    xs.length === length,
    EngineErrorCode.SizeMismatch,
    `${what} must have ${length} numbers, got ${xs.length}`,
  );
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = xs[i];
    check(
      typeof v === 'number' && Number.isFinite(v),
      EngineErrorCode.NotFinite,
      `${what}[${i}] must be a finite number`,
    );
    out[i] = v;
  }
  return out;
}

/** Rebuilds a network from its JSON, checking every shape and number. Exact: JSON keeps every bit of a double. */
export function networkFromJSON(json: NetworkJSON): Network {
  check(
    typeof json === 'object' && json !== null,
    EngineErrorCode.BadArgument,
    'network must be an object',
  );
  const { sizes, act, cost } = resolveSpec({
    sizes: json.sizes,
    activations: json.activations,
    cost: json.cost,
  });
  const L = sizes.length - 1;
  check(
    Array.isArray(json.weights) && json.weights.length === L,
    EngineErrorCode.SizeMismatch,
    `weights must have one matrix per layer 1…${L}`,
  );
  check(
    Array.isArray(json.biases) && json.biases.length === L,
    EngineErrorCode.SizeMismatch,
    `biases must have one vector per layer 1…${L}`,
  );
  const w: Float64Array[] = [new Float64Array(0)];
  const b: Float64Array[] = [new Float64Array(0)];
  for (let l = 1; l <= L; l++) {
    w.push(toFiniteArray(json.weights[l - 1], sizes[l]! * sizes[l - 1]!, `weights of layer ${l}`));
    b.push(toFiniteArray(json.biases[l - 1], sizes[l]!, `biases of layer ${l}`));
  }
  return { sizes, act, cost, w, b };
}

/** Number of weights and biases. */
export function parameterCount(net: Network): number {
  let n = 0;
  for (let l = 1; l < net.sizes.length; l++) n += net.w[l]!.length + net.b[l]!.length;
  return n;
}

/** Checks that (l, j) names a neuron of layers 1…L. */
export function checkNeuron(net: Network, l: number, j: number): void {
  const L = depth(net);
  checkInteger(l, 1, L, EngineErrorCode.BadLayer, 'layer l (the input layer 0 has no z to nudge)');
  const nl = net.sizes[l]!;
  if (!(Number.isInteger(j) && j >= 0 && j < nl)) {
    checkInteger(j, 0, nl - 1, EngineErrorCode.BadNeuron, `neuron j of layer ${l}`);
  }
}
