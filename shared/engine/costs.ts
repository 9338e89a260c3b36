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

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
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
 * c = ½(a − y)². Cross-entropy: c = −[y ln a + (1 − y) ln(1 − a)], computed from
 * z as softplus(z) − y·z so that a saturated sigmoid gives a large finite cost,
 * not Infinity (it requires a sigmoid output layer, checked when the network is made).
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
    for (let i = from; i < to; i++) c += softplus(z[i]!) - y[i]! * z[i]!;
  }
  return c;
}
