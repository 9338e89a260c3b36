import type { Network } from '#shared/engine/index';

/**
 * Reaching one weight w^l_jk, the only place on the client that knows the
 * engine's row-major layout w[l][j·n_{l−1} + k]. It belongs beside
 * `applyBiasNudge` in the engine; until the engine exports these, the
 * sandbox, the inspector and the canvas all go through here.
 */
export function weightAt(net: Network, l: number, j: number, k: number): number {
  return net.w[l]![j * net.sizes[l - 1]! + k]!;
}

/** Makes a weight nudge last: w^l_jk += Δw (the sandbox keeps every move). */
export function applyWeightNudge(net: Network, l: number, j: number, k: number, dw: number): void {
  net.w[l]![j * net.sizes[l - 1]! + k]! += dw;
}

/** Sample x's value of a per-sample, per-neuron trace array (z, a, σ′, δ of layer l). */
export function sampleValue(arr: Float64Array, nl: number, x: number, j: number): number {
  return arr[x * nl + j]!;
}
