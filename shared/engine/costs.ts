/**
 * Costs of one sample x, C_x = Σ_j c(a^L_j, y_j); the batch cost is their mean,
 * C = (1/n) Σ_x C_x. Both are sums over output neurons, which lets a nudge of
 * one output neuron change one term only.
 */
export const COSTS = ['quadratic', 'crossEntropy'] as const;
export type CostName = (typeof COSTS)[number];

export function isCost(x: unknown): x is CostName {
  return typeof x === 'string' && (COSTS as readonly string[]).includes(x);
}

/** log(1 + e^z) without overflow, to full relative precision for every z (log1p keeps e^z ≪ 1). */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** σ(z) = 1/(1 + e^{−z}), to full relative precision for z ≪ 0 too (e^z/(1 + e^z) there). */
function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * softplus(u) − softplus(v) without cancellation. When u and v are close,
 * (1 + e^u)/(1 + e^v) = 1 + σ(v)(e^{u−v} − 1), so the difference is
 * log1p(σ(v)·expm1(u − v)): every factor keeps its relative precision, and a
 * tiny change of a tiny cost (a confident right output) is not lost. Farther
 * apart the plain difference has no cancellation to lose.
 */
export function softplusDiff(u: number, v: number): number {
  const d = u - v;
  if (d === 0) return 0;
  if (Math.abs(d) <= 1) return Math.log1p(logistic(v) * Math.expm1(d));
  return softplus(u) - softplus(v);
}

/**
 * Cross-entropy of one output from its z: −[y ln a + (1 − y) ln(1 − a)] with
 * a = σ(z) is y·softplus(−z) + (1 − y)·softplus(z), since −ln σ(z) = softplus(−z)
 * and −ln(1 − σ(z)) = softplus(z). Each term is a positive number computed to
 * full relative precision: no Infinity when σ saturates, and no cancellation
 * when the output is confidently right (z = 40, y = 1 gives 4.25·10⁻¹⁸, not 0).
 */
export function crossEntropy(z: number, y: number): number {
  if (y === 1) return softplus(-z);
  if (y === 0) return softplus(z);
  return y * softplus(-z) + (1 - y) * softplus(z);
}

/** crossEntropy(z1, y) − crossEntropy(z0, y), each term by softplusDiff. */
export function crossEntropyDiff(z1: number, z0: number, y: number): number {
  if (y === 1) return softplusDiff(-z1, -z0);
  if (y === 0) return softplusDiff(z1, z0);
  return y * softplusDiff(-z1, -z0) + (1 - y) * softplusDiff(z1, z0);
}

/**
 * δ^L_j = ∂C/∂a^L_j · σ'(z^L_j) (BP1). Quadratic: (a − y)σ'(z) (eq. 8).
 * Cross-entropy with a sigmoid output: ∂C/∂a = (a − y)/(a(1 − a)) and σ' = a(1 − a),
 * so δ^L = a − y, written directly so that it stays exact when σ' underflows.
 */
export function outputDelta(cost: CostName, a: number, y: number, sp: number): number {
  return cost === 'quadratic' ? (a - y) * sp : a - y;
}

/**
 * Σ_i c(a[i], y[i]) for i in [from, to), one cost branch per row. Quadratic:
 * c = ½(a − y)². Cross-entropy: from z, by crossEntropy (it requires a
 * sigmoid output layer, checked when the network is made).
 */
export function costSum(
  cost: CostName,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  from: number,
  to: number,
): number {
  let c = 0;
  if (cost === 'quadratic') {
    for (let i = from; i < to; i++) {
      const d = a[i]! - y[i]!;
      c += 0.5 * d * d;
    }
  } else {
    for (let i = from; i < to; i++) c += crossEntropy(z[i]!, y[i]!);
  }
  return c;
}

/**
 * Σ_i [c(a1[i], y[i]) − c(a0[i], y[i])] for i in [from, to), each difference
 * factored so that a small change keeps its digits: quadratic
 * ½(d₁ − d₀)(d₁ + d₀) with d = a − y, cross-entropy by crossEntropyDiff.
 */
export function costDiffSum(
  cost: CostName,
  z1: Float64Array,
  a1: Float64Array,
  z0: Float64Array,
  a0: Float64Array,
  y: Float64Array,
  from: number,
  to: number,
): number {
  let c = 0;
  if (cost === 'quadratic') {
    for (let i = from; i < to; i++) {
      const d1 = a1[i]! - y[i]!;
      const d0 = a0[i]! - y[i]!;
      c += 0.5 * (d1 - d0) * (d1 + d0);
    }
  } else {
    for (let i = from; i < to; i++) c += crossEntropyDiff(z1[i]!, z0[i]!, y[i]!);
  }
  return c;
}
