import type { ActivationName } from './activations.ts';
import type { CostName } from './costs.ts';
import { check, EngineErrorCode, isRecord } from './errors.ts';
import {
  checkNetwork,
  checkParameters,
  MAX_PARAMETER,
  type Network,
  resolveSpec,
} from './network.ts';

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
  checkNetwork(net);
  checkParameters(net);
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
    const v: unknown = xs[i];
    check(
      typeof v === 'number' && Number.isFinite(v),
      EngineErrorCode.NotFinite,
      `${what}[${i}] must be a finite number`,
    );
    check(
      Math.abs(v) <= MAX_PARAMETER,
      EngineErrorCode.OutOfRange,
      `${what}[${i}] must lie within ±${MAX_PARAMETER}, got ${v}`,
    );
    // JSON has no −0 (JSON.stringify(-0) is "0"): read every zero as +0, as a round trip would.
    out[i] = v === 0 ? 0 : v;
  }
  return out;
}

/** Rebuilds a network from its JSON, checking every shape and number. Exact: JSON keeps every bit of a double. */
export function networkFromJSON(json: NetworkJSON): Network {
  check(isRecord(json), EngineErrorCode.BadArgument, 'network must be an object');
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
