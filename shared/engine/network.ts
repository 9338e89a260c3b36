import { type ActivationName, isActivation } from './activations.ts';
import { type CostName, isCost } from './costs.ts';
import {
  check,
  checkInteger,
  describeValue,
  EngineError,
  EngineErrorCode,
  isRecord,
} from './errors.ts';
import { Rng } from './rng.ts';

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
/**
 * Most layers after the input. A sigmoid layer shrinks δ at least fourfold
 * (σ' ≤ ¼), so 32 of them scale it by at most 4⁻³² ≈ 5·10⁻²⁰: still far from
 * underflow, and far deeper than anything the chapter's networks need.
 */
export const MAX_LAYERS = 32;
/** Most weights and biases of one network (2²⁴, 128 MiB of doubles). */
export const MAX_PARAMETERS = 1 << 24;
/**
 * Largest |w| or |b| a network may hold. JSON and a kept nudge past it are
 * refused and an SGD step past it counts as diverged: a finite but enormous
 * weight makes the next z overflow, and no network this game trains needs
 * weights anywhere near it.
 */
export const MAX_PARAMETER = 1e6;
/** Largest |Δz| of a nudge and |Δw| of a weight nudge: the same scale as a parameter. */
export const MAX_NUDGE = 1e6;

/** Networks whose shape has been checked: the check is O(L), then a lookup. */
const checked = new WeakSet<object>();

/**
 * Checks that net is a network the engine can work on: sizes, σ names and
 * cost as createNetwork allows them, and w[l], b[l] Float64Arrays of the right
 * lengths. Its numbers are checked where they are used: a forward pass refuses
 * a z that is not finite (OVERFLOW), JSON and clones refuse non-finite values.
 */
export function checkNetwork(net: unknown): asserts net is Network {
  if (typeof net === 'object' && net !== null && checked.has(net)) return;
  check(
    isRecord(net),
    EngineErrorCode.BadArgument,
    `network must be an object, got ${describeValue(net)}`,
  );
  const act = net['act'];
  check(Array.isArray(act), EngineErrorCode.BadActivation, 'act must be an array of σ names');
  const { sizes } = resolveSpec({
    sizes: net['sizes'] as number[],
    activations: (act as ActivationName[]).slice(1),
    cost: net['cost'] as CostName,
  });
  check(
    act.length === sizes.length,
    EngineErrorCode.BadActivation,
    `act must hold one σ per layer 0…${sizes.length - 1}`,
  );
  const w = net['w'];
  const b = net['b'];
  check(
    Array.isArray(w) && Array.isArray(b) && w.length === sizes.length && b.length === sizes.length,
    EngineErrorCode.SizeMismatch,
    `w and b must hold one array per layer 0…${sizes.length - 1}`,
  );
  for (let l = 1; l < sizes.length; l++) {
    check(
      w[l] instanceof Float64Array && w[l].length === sizes[l]! * sizes[l - 1]!,
      EngineErrorCode.SizeMismatch,
      `w[${l}] must be a Float64Array of ${sizes[l]! * sizes[l - 1]!} weights`,
    );
    check(
      b[l] instanceof Float64Array && b[l].length === sizes[l]!,
      EngineErrorCode.SizeMismatch,
      `b[${l}] must be a Float64Array of ${sizes[l]} biases`,
    );
  }
  checked.add(net);
}

/** Every weight and bias is finite and within ±MAX_PARAMETER. O(parameters). */
export function checkParameters(net: Network): void {
  for (let l = 1; l < net.sizes.length; l++) {
    for (const [what, xs] of [
      ['weights', net.w[l]!],
      ['biases', net.b[l]!],
    ] as const) {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i]!;
        if (!(Math.abs(v) <= MAX_PARAMETER)) {
          throw new EngineError(
            Number.isFinite(v) ? EngineErrorCode.OutOfRange : EngineErrorCode.NotFinite,
            `${what} of layer ${l} must be finite and within ±${MAX_PARAMETER}, got ${v} at ${i}`,
          );
        }
      }
    }
  }
}

/** Number of layers after the input, L. */
export function depth(net: Network): number {
  checkNetwork(net);
  return net.sizes.length - 1;
}

export function resolveSpec(spec: NetworkSpec): {
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
  let params = 0;
  for (let l = 1; l < sizes.length; l++) params += sizes[l]! * (sizes[l - 1]! + 1);
  check(
    params <= MAX_PARAMETERS,
    EngineErrorCode.TooLarge,
    `a network holds at most ${MAX_PARAMETERS} weights and biases, these sizes need ${params}`,
  );
  const L = sizes.length - 1;
  const given: unknown = spec.activations ?? 'sigmoid';
  check(
    typeof given === 'string' || Array.isArray(given),
    EngineErrorCode.BadActivation,
    `activations must be one name or an array of names, got ${describeValue(given)}`,
  );
  const list: unknown[] =
    typeof given === 'string' ? Array.from({ length: L }, () => given) : [...given];
  check(
    list.length === L,
    EngineErrorCode.BadActivation,
    `activations must name one function per layer 1…${L} (${L} of them), got ${list.length}`,
  );
  list.forEach((a, i) => {
    check(
      isActivation(a),
      EngineErrorCode.BadActivation,
      `activations[${i}] must be sigmoid, tanh, relu or linear, got ${describeValue(a)}`,
    );
  });
  const cost: unknown = spec.cost ?? 'quadratic';
  check(
    isCost(cost),
    EngineErrorCode.BadCost,
    `cost must be quadratic or crossEntropy, got ${describeValue(cost)}`,
  );
  check(
    cost !== 'crossEntropy' || list[L - 1] === 'sigmoid',
    EngineErrorCode.BadCost,
    'the cross-entropy cost needs a sigmoid output layer (its a^L must lie in (0, 1))',
  );
  return { sizes, act: ['linear', ...(list as ActivationName[])], cost };
}

/**
 * A new network with weights drawn uniformly from ±√(6/(n_{l−1}+n_l)) (Glorot)
 * and biases from ±0.1, all from the given PRNG.
 */
export function createNetwork(spec: NetworkSpec, rng: Rng): Network {
  check(
    isRecord(spec),
    EngineErrorCode.BadArgument,
    `spec must be an object, got ${describeValue(spec)}`,
  );
  check(rng instanceof Rng, EngineErrorCode.BadArgument, 'rng must be an Rng');
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
  checkNetwork(net);
  checkParameters(net);
  return {
    sizes: [...net.sizes],
    act: [...net.act],
    cost: net.cost,
    w: net.w.map((x) => x.slice()),
    b: net.b.map((x) => x.slice()),
  };
}

/** Number of weights and biases. */
export function parameterCount(net: Network): number {
  checkNetwork(net);
  let n = 0;
  for (let l = 1; l < net.sizes.length; l++) n += net.w[l]!.length + net.b[l]!.length;
  return n;
}

/** Checks that (l, j) names a neuron of layers 1…L. */
export function checkNeuron(net: Network, l: number, j: number): void {
  checkNetwork(net);
  const L = net.sizes.length - 1;
  checkInteger(l, 1, L, EngineErrorCode.BadLayer, 'layer l (the input layer 0 has no z to nudge)');
  const nl = net.sizes[l]!;
  if (!(Number.isInteger(j) && j >= 0 && j < nl)) {
    checkInteger(j, 0, nl - 1, EngineErrorCode.BadNeuron, `neuron j of layer ${l}`);
  }
}
