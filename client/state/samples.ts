/** Sample x's value of a per-sample, per-neuron trace array (z, a, σ′, δ of layer l with n_l neurons). */
export function sampleValue(arr: Float64Array, nl: number, x: number, j: number): number {
  return arr[x * nl + j]!;
}
