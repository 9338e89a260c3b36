import type { ActivationName } from './activations.ts';
import { depth } from './network.ts';
import type { Trace } from './trace.ts';

/**
 * Interval enclosures of the slope of ΔC along one line of moves, for the
 * certified best-move search. A line is z^l_j(x_s) += t·c_s for every sample s:
 * c_s = 1 is the demon's nudge Δz = t (a bias change, BP3); c_s = a^{l−1}_k(x_s)
 * is a weight change Δw^l_jk = t (BP4). Along it
 *   dΔC/dt = (1/n) Σ_s c_s · δ^l_j(x_s; t),
 * the batch mean of δ at the moved point. For t in [lo, hi] every z, a, σ'(z)
 * and δ downstream of neuron j is bounded by interval arithmetic: the four
 * activations are monotone, σ' is unimodal (sigmoid, tanh) or a step (relu,
 * whose kink gives the whole [0, 1]), and a matrix times an interval vector is
 * enclosed in midpoint-radius form, W·c ± |W|·r. The enclosure tightens in
 * proportion to hi − lo, which is what lets a branch and bound close the gap.
 */

/** Buffers for one search: per layer, the interval bounds of z, a, σ' and δ of one sample. */
export class SlopeScratch {
  readonly zLo: Float64Array[];
  readonly zHi: Float64Array[];
  readonly aLo: Float64Array[];
  readonly aHi: Float64Array[];
  readonly pLo: Float64Array[];
  readonly pHi: Float64Array[];
  readonly dLo: Float64Array[];
  readonly dHi: Float64Array[];
  /** |w^l|, element by element: the radius part of W·[c ± r]. */
  readonly absW: Float64Array[];
  /** Midpoint and radius of one layer's interval vector. */
  readonly mid: Float64Array;
  readonly rad: Float64Array;

  constructor(readonly trace: Trace) {
    const sizes = trace.net.sizes;
    const per = () => sizes.map((n) => new Float64Array(n));
    this.zLo = per();
    this.zHi = per();
    this.aLo = per();
    this.aHi = per();
    this.pLo = per();
    this.pHi = per();
    this.dLo = per();
    this.dHi = per();
    this.absW = trace.net.w.map((w) => w.map(Math.abs));
    const widest = Math.max(...sizes);
    this.mid = new Float64Array(widest);
    this.rad = new Float64Array(widest);
  }
}

/** σ(z) for one number. */
export function activate1(kind: ActivationName, z: number): number {
  switch (kind) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'linear':
      return z;
  }
}

/**
 * For z in [zLo[i], zHi[i]]: a = σ(z) in [aLo, aHi] (σ is monotone) and
 * σ'(z) in [pLo, pHi]. Sigmoid and tanh have one peak of σ' at z = 0 (¼ and 1).
 */
function activateIntervals(
  kind: ActivationName,
  zLo: Float64Array,
  zHi: Float64Array,
  aLo: Float64Array,
  aHi: Float64Array,
  pLo: Float64Array,
  pHi: Float64Array,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const lo = zLo[i]!;
    const hi = zHi[i]!;
    const a0 = activate1(kind, lo);
    const a1 = activate1(kind, hi);
    aLo[i] = a0;
    aHi[i] = a1;
    if (kind === 'sigmoid' || kind === 'tanh') {
      const s0 = kind === 'sigmoid' ? a0 * (1 - a0) : 1 - a0 * a0;
      const s1 = kind === 'sigmoid' ? a1 * (1 - a1) : 1 - a1 * a1;
      pLo[i] = Math.min(s0, s1);
      pHi[i] = lo <= 0 && hi >= 0 ? (kind === 'sigmoid' ? 0.25 : 1) : Math.max(s0, s1);
    } else if (kind === 'relu') {
      pLo[i] = lo > 0 ? 1 : 0;
      pHi[i] = hi < 0 ? 0 : 1;
    } else {
      pLo[i] = 1;
      pHi[i] = 1;
    }
  }
}

/** [e0, e1] ⊗ [p0, p1] with p0 ≥ 0, into out[0], out[1]. */
function timesNonNegative(e0: number, e1: number, p0: number, p1: number, out: Float64Array): void {
  out[0] = e0 >= 0 ? e0 * p0 : e0 * p1;
  out[1] = e1 >= 0 ? e1 * p1 : e1 * p0;
}

const pair = new Float64Array(2);

/** ∂C_x/∂z^L for a^L in [aLo, aHi]: (a − y)σ'(z) (quadratic, BP1) or a − y (cross-entropy, sigmoid output). */
function outputIntervals(s: SlopeScratch, L: number, sample: number): void {
  const { trace } = s;
  const nL = trace.net.sizes[L]!;
  const y = trace.y;
  const quadratic = trace.net.cost === 'quadratic';
  const aLo = s.aLo[L]!;
  const aHi = s.aHi[L]!;
  const dLo = s.dLo[L]!;
  const dHi = s.dHi[L]!;
  for (let r = 0; r < nL; r++) {
    const yr = y[sample * nL + r]!;
    if (quadratic) {
      timesNonNegative(aLo[r]! - yr, aHi[r]! - yr, s.pLo[L]![r]!, s.pHi[L]![r]!, pair);
      dLo[r] = pair[0]!;
      dHi[r] = pair[1]!;
    } else {
      dLo[r] = aLo[r]! - yr;
      dHi[r] = aHi[r]! - yr;
    }
  }
}

/**
 * Bounds of dΔC/dt for t in [lo, hi] along the line (l, j, c), into out[0]
 * (lower) and out[1] (upper). Allocates nothing.
 */
export function slopeBounds(
  s: SlopeScratch,
  l: number,
  j: number,
  c: Float64Array,
  lo: number,
  hi: number,
  out: Float64Array,
): void {
  const { trace } = s;
  const net = trace.net;
  const L = depth(net);
  const nl = net.sizes[l]!;
  const { mid, rad } = s;
  let sumLo = 0;
  let sumHi = 0;
  for (let x = 0; x < trace.n; x++) {
    const cs = c[x]!;
    if (cs === 0) continue;
    const z0 = trace.z[l]![x * nl + j]!;
    // z^l_j + t·c_s over the box, and the moved neuron's own a and σ'.
    const uLo = z0 + (cs > 0 ? lo * cs : hi * cs);
    const uHi = z0 + (cs > 0 ? hi * cs : lo * cs);
    const zl = s.zLo[l]!;
    const zh = s.zHi[l]!;
    zl[0] = uLo;
    zh[0] = uHi;
    activateIntervals(net.act[l]!, zl, zh, s.aLo[l]!, s.aHi[l]!, s.pLo[l]!, s.pHi[l]!, 1);
    const ownLo = s.pLo[l]![0]!;
    const ownHi = s.pHi[l]![0]!;
    let gLo: number;
    let gHi: number;
    if (l === L) {
      const y = trace.y[x * nl + j]!;
      const a0 = s.aLo[l]![0]!;
      const a1 = s.aHi[l]![0]!;
      if (net.cost === 'quadratic') {
        timesNonNegative(a0 - y, a1 - y, ownLo, ownHi, pair);
        gLo = pair[0]!;
        gHi = pair[1]!;
      } else {
        gLo = a0 - y;
        gHi = a1 - y;
      }
    } else {
      // Layer l+1 moves by w^{l+1}_{·j} Δa^l_j: one variable, so its interval is exact.
      const aBase = trace.a[l]![x * nl + j]!;
      const da0 = s.aLo[l]![0]! - aBase;
      const da1 = s.aHi[l]![0]! - aBase;
      const n1 = net.sizes[l + 1]!;
      const w1 = net.w[l + 1]!;
      const z1 = trace.z[l + 1]!;
      const zLo1 = s.zLo[l + 1]!;
      const zHi1 = s.zHi[l + 1]!;
      for (let r = 0; r < n1; r++) {
        const w = w1[r * nl + j]!;
        const base = z1[x * n1 + r]!;
        zLo1[r] = base + (w >= 0 ? w * da0 : w * da1);
        zHi1[r] = base + (w >= 0 ? w * da1 : w * da0);
      }
      activateIntervals(
        net.act[l + 1]!,
        zLo1,
        zHi1,
        s.aLo[l + 1]!,
        s.aHi[l + 1]!,
        s.pLo[l + 1]!,
        s.pHi[l + 1]!,
        n1,
      );
      // Later layers: z^m = w^m a^{m−1} + b^m in midpoint-radius form (eq. 2).
      for (let m = l + 2; m <= L; m++) {
        const nIn = net.sizes[m - 1]!;
        const nOut = net.sizes[m]!;
        const aLo = s.aLo[m - 1]!;
        const aHi = s.aHi[m - 1]!;
        for (let k = 0; k < nIn; k++) {
          mid[k] = 0.5 * (aLo[k]! + aHi[k]!);
          rad[k] = 0.5 * (aHi[k]! - aLo[k]!);
        }
        const w = net.w[m]!;
        const aw = s.absW[m]!;
        const b = net.b[m]!;
        const zLo = s.zLo[m]!;
        const zHi = s.zHi[m]!;
        for (let r = 0; r < nOut; r++) {
          let zc = b[r]!;
          let zr = 0;
          const row = r * nIn;
          for (let k = 0; k < nIn; k++) {
            zc += w[row + k]! * mid[k]!;
            zr += aw[row + k]! * rad[k]!;
          }
          zLo[r] = zc - zr;
          zHi[r] = zc + zr;
        }
        activateIntervals(net.act[m]!, zLo, zHi, s.aLo[m]!, s.aHi[m]!, s.pLo[m]!, s.pHi[m]!, nOut);
      }
      outputIntervals(s, L, x);
      // δ^m = ((w^{m+1})ᵀ δ^{m+1}) ⊙ σ'(z^m) (BP2), down to layer l+1.
      for (let m = L - 1; m >= l + 1; m--) {
        const nm = net.sizes[m]!;
        const nNext = net.sizes[m + 1]!;
        const dLoN = s.dLo[m + 1]!;
        const dHiN = s.dHi[m + 1]!;
        for (let r = 0; r < nNext; r++) {
          mid[r] = 0.5 * (dLoN[r]! + dHiN[r]!);
          rad[r] = 0.5 * (dHiN[r]! - dLoN[r]!);
        }
        const w = net.w[m + 1]!;
        const aw = s.absW[m + 1]!;
        const dLo = s.dLo[m]!;
        const dHi = s.dHi[m]!;
        for (let k = 0; k < nm; k++) {
          let gc = 0;
          let gr = 0;
          for (let r = 0; r < nNext; r++) {
            gc += w[r * nm + k]! * mid[r]!;
            gr += aw[r * nm + k]! * rad[r]!;
          }
          timesNonNegative(gc - gr, gc + gr, s.pLo[m]![k]!, s.pHi[m]![k]!, pair);
          dLo[k] = pair[0]!;
          dHi[k] = pair[1]!;
        }
      }
      // δ^l_j = (Σ_r w^{l+1}_rj δ^{l+1}_r) σ'(z^l_j).
      const dLo1 = s.dLo[l + 1]!;
      const dHi1 = s.dHi[l + 1]!;
      const aw1 = s.absW[l + 1]!;
      let gc = 0;
      let gr = 0;
      for (let r = 0; r < n1; r++) {
        gc += w1[r * nl + j]! * 0.5 * (dLo1[r]! + dHi1[r]!);
        gr += aw1[r * nl + j]! * 0.5 * (dHi1[r]! - dLo1[r]!);
      }
      timesNonNegative(gc - gr, gc + gr, ownLo, ownHi, pair);
      gLo = pair[0]!;
      gHi = pair[1]!;
    }
    if (cs > 0) {
      sumLo += cs * gLo;
      sumHi += cs * gHi;
    } else {
      sumLo += cs * gHi;
      sumHi += cs * gLo;
    }
  }
  // Rounding in the sums above is far below the search's tolerance; widen by a few ulps anyway.
  const slack = 1e-14 * (Math.abs(sumLo) + Math.abs(sumHi)) + 1e-300;
  out[0] = sumLo / trace.n - slack;
  out[1] = sumHi / trace.n + slack;
}
