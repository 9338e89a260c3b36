import { activateRange } from './activations.ts';
import type { Network } from './network.ts';

/**
 * The hot loops of a trace, without argument checks: a forward layer, BP2 and
 * BP4. Their order of operations is part of the engine's contract (an
 * outsider repeats SGD bit for bit from docs/engine.md, "Bit for bit").
 */

/**
 * zOut = w^l aIn + b^l and aOut = σ(zOut) for n samples. Two samples share
 * each weight load, and each dot product runs two partial sums (even and odd
 * k) so additions do not wait on one another; a sample's z does not depend on
 * whether it was paired, so every caller gets the same bits.
 */
export function forwardLayer(
  net: Network,
  l: number,
  aIn: Float64Array,
  zOut: Float64Array,
  aOut: Float64Array,
  n: number,
): void {
  const nIn = net.sizes[l - 1]!;
  const nOut = net.sizes[l]!;
  const w = net.w[l]!;
  const b = net.b[l]!;
  const odd = nIn & 1;
  const kEnd = nIn - odd;
  let s = 0;
  for (; s + 1 < n; s += 2) {
    const base0 = s * nIn;
    const base1 = base0 + nIn;
    const out0 = s * nOut;
    const out1 = out0 + nOut;
    for (let j = 0; j < nOut; j++) {
      const row = j * nIn;
      let p0 = 0;
      let p1 = 0;
      let q0 = 0;
      let q1 = 0;
      for (let k = 0; k < kEnd; k += 2) {
        const w0 = w[row + k]!;
        const w1 = w[row + k + 1]!;
        p0 += w0 * aIn[base0 + k]!;
        p1 += w1 * aIn[base0 + k + 1]!;
        q0 += w0 * aIn[base1 + k]!;
        q1 += w1 * aIn[base1 + k + 1]!;
      }
      if (odd) {
        const wk = w[row + kEnd]!;
        p0 += wk * aIn[base0 + kEnd]!;
        q0 += wk * aIn[base1 + kEnd]!;
      }
      zOut[out0 + j] = b[j]! + (p0 + p1);
      zOut[out1 + j] = b[j]! + (q0 + q1);
    }
  }
  if (s < n) {
    const base = s * nIn;
    const out = s * nOut;
    for (let j = 0; j < nOut; j++) {
      const row = j * nIn;
      let p0 = 0;
      let p1 = 0;
      for (let k = 0; k < kEnd; k += 2) {
        p0 += w[row + k]! * aIn[base + k]!;
        p1 += w[row + k + 1]! * aIn[base + k + 1]!;
      }
      if (odd) p0 += w[row + kEnd]! * aIn[base + kEnd]!;
      zOut[out + j] = b[j]! + (p0 + p1);
    }
  }
  activateRange(net.act[l]!, zOut, aOut, 0, n * nOut);
}

/**
 * BP2 for layer l and n samples: δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ'(z^l), per
 * sample, four rows of w^{l+1} at a time (one load and store of δ^l per four
 * products), the remaining rows one by one, then the product with σ'.
 */
export function backwardLayer(
  net: Network,
  l: number,
  dNext: Float64Array,
  sp: Float64Array,
  d: Float64Array,
  n: number,
): void {
  const nl = net.sizes[l]!;
  const nNext = net.sizes[l + 1]!;
  const w = net.w[l + 1]!;
  for (let i = 0; i < n * nl; i++) d[i] = 0; // a loop: a builtin fill call costs more on small layers
  const iEnd = nNext - (nNext & 3);
  for (let s = 0; s < n; s++) {
    const row = s * nl;
    const dRow = s * nNext;
    // Four rows of w at a time: one load and store of δ^l per four products.
    for (let i = 0; i < iEnd; i += 4) {
      const d0 = dNext[dRow + i]!;
      const d1 = dNext[dRow + i + 1]!;
      const d2 = dNext[dRow + i + 2]!;
      const d3 = dNext[dRow + i + 3]!;
      const w0 = i * nl;
      const w1 = w0 + nl;
      const w2 = w1 + nl;
      const w3 = w2 + nl;
      for (let k = 0; k < nl; k++) {
        d[row + k]! += w[w0 + k]! * d0 + w[w1 + k]! * d1 + (w[w2 + k]! * d2 + w[w3 + k]! * d3);
      }
    }
    for (let i = iEnd; i < nNext; i++) {
      const di = dNext[dRow + i]!;
      const wRow = i * nl;
      for (let k = 0; k < nl; k++) d[row + k]! += w[wRow + k]! * di;
    }
    for (let k = 0; k < nl; k++) d[row + k]! *= sp[row + k]!;
  }
}

/**
 * Σ_x δ^l_j(x)·a^{l−1}_k(x) into g (BP4 before the 1/n): four samples at a
 * time (one load and store of g per four products), the rest one by one.
 */
export function gradientLayer(
  d: Float64Array,
  aPrev: Float64Array,
  g: Float64Array,
  nl: number,
  nIn: number,
  n: number,
): void {
  for (let i = 0; i < g.length; i++) g[i] = 0;
  const sEnd = n - (n & 3);
  // Four samples at a time: one load and store of ∇w per four products.
  for (let s = 0; s < sEnd; s += 4) {
    const a0 = s * nIn;
    const a1 = a0 + nIn;
    const a2 = a1 + nIn;
    const a3 = a2 + nIn;
    for (let j = 0; j < nl; j++) {
      const d0 = d[s * nl + j]!;
      const d1 = d[(s + 1) * nl + j]!;
      const d2 = d[(s + 2) * nl + j]!;
      const d3 = d[(s + 3) * nl + j]!;
      const row = j * nIn;
      for (let k = 0; k < nIn; k++) {
        g[row + k]! +=
          d0 * aPrev[a0 + k]! + d1 * aPrev[a1 + k]! + (d2 * aPrev[a2 + k]! + d3 * aPrev[a3 + k]!);
      }
    }
  }
  for (let s = sEnd; s < n; s++) {
    const base = s * nIn;
    for (let j = 0; j < nl; j++) {
      const dj = d[s * nl + j]!;
      const row = j * nIn;
      for (let k = 0; k < nIn; k++) g[row + k]! += dj * aPrev[base + k]!;
    }
  }
}
