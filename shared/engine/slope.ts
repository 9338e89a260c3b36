import type { ActivationName } from './activations.ts';
import { portableExp } from './exp.ts';
import { depth } from './network.ts';
import type { Trace } from './trace.ts';

/**
 * Enclosures of the slope of ΔC along one line of moves, for the certified
 * best-move search. A line is z^l_j(x_s) += t·c_s for every sample s: c_s = 1
 * is the demon's nudge Δz = t (a bias change, BP3); c_s = a^{l−1}_k(x_s) is a
 * weight change Δw^l_jk = t (BP4). Along it
 *   dΔC/dt = (1/n) Σ_s c_s · δ^l_j(x_s; t),
 * the batch mean of δ at the moved point.
 *
 * For t in a piece [lo, hi], write t = m + r·τ with m its middle, r its half
 * width and τ ∈ [−1, 1]. Every z, a, σ'(z) and δ downstream of neuron j is
 * carried as a first-order form v = c + s·τ ± e: c its exact value at t = m,
 * s its linear part, e a bound on everything else. Sums and products by
 * weights are exact on the c and s parts (so the weights' signs cancel as they
 * do in the network), and only e grows with |w|; an activation adds its
 * second-order remainder ½·max|σ''|·(|s| + e)² to e. Where a plain interval
 * of σ over the form's range is narrower than that remainder alone (a wide
 * piece) the form becomes that interval; relu's kink, where the range straddles 0,
 * is enclosed between the lines λx and λ(x − lo) (λ = hi/(hi − lo)). So the
 * slope's enclosure has width O(r·|f''|) + O(r²): the lower bound it gives on
 * a piece is exact to second order, which is what lets the search close.
 */

/** max |σ''| and max |σ'''| over the whole line, per activation. */
const SECOND: Record<ActivationName, number> = {
  sigmoid: 0.0962250448649377, // at σ = ½ ± 1/(2√3)
  tanh: 0.769800358919501, // at tanh = ±1/√3
  relu: 0,
  linear: 0,
};
const THIRD: Record<ActivationName, number> = { sigmoid: 0.125, tanh: 2, relu: 0, linear: 0 };

/** Buffers for one search: per layer, the forms (c, s, e) of z, a, σ' and δ of one sample. */
export class SlopeScratch {
  readonly zc: Float64Array[];
  readonly zs: Float64Array[];
  readonly ze: Float64Array[];
  readonly ac: Float64Array[];
  readonly as: Float64Array[];
  readonly ae: Float64Array[];
  readonly pc: Float64Array[];
  readonly ps: Float64Array[];
  readonly pe: Float64Array[];
  readonly dc: Float64Array[];
  readonly ds: Float64Array[];
  readonly de: Float64Array[];
  /** |w^l|, element by element: how the error parts e travel through a layer. */
  readonly absW: Float64Array[];

  constructor(readonly trace: Trace) {
    const per = () => trace.net.sizes.map((n) => new Float64Array(n));
    this.zc = per();
    this.zs = per();
    this.ze = per();
    this.ac = per();
    this.as = per();
    this.ae = per();
    this.pc = per();
    this.ps = per();
    this.pe = per();
    this.dc = per();
    this.ds = per();
    this.de = per();
    this.absW = trace.net.w.map((w) => w.map(Math.abs));
  }
}

/** σ(z) for one number. */
export function activate1(kind: ActivationName, z: number): number {
  switch (kind) {
    case 'sigmoid':
      return 1 / (1 + portableExp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'linear':
      return z;
  }
}

/**
 * For layer m's forms z = c + sτ ± e (i < n): the forms of a = σ(z) and of
 * σ'(z), each the narrower of its linearisation and the plain interval.
 */
function activateForms(s: SlopeScratch, m: number, kind: ActivationName, n: number): void {
  const zc = s.zc[m]!;
  const zs = s.zs[m]!;
  const ze = s.ze[m]!;
  const ac = s.ac[m]!;
  const as = s.as[m]!;
  const ae = s.ae[m]!;
  const pc = s.pc[m]!;
  const ps = s.ps[m]!;
  const pe = s.pe[m]!;
  const m2 = SECOND[kind];
  const m3 = THIRD[kind];
  for (let i = 0; i < n; i++) {
    const c = zc[i]!;
    const sl = zs[i]!;
    const e = ze[i]!;
    const spread = Math.abs(sl) + e;
    const lo = c - spread;
    const hi = c + spread;
    if (kind === 'linear') {
      ac[i] = c;
      as[i] = sl;
      ae[i] = e;
      pc[i] = 1;
      ps[i] = 0;
      pe[i] = 0;
      continue;
    }
    if (kind === 'relu') {
      if (lo > 0) {
        ac[i] = c;
        as[i] = sl;
        ae[i] = e;
        pc[i] = 1;
      } else if (hi < 0) {
        ac[i] = 0;
        as[i] = 0;
        ae[i] = 0;
        pc[i] = 0;
      } else {
        // relu(x) ∈ [λx, λ(x − lo)] on [lo, hi]; the interval [0, hi] when it is narrower.
        const lam = hi / (hi - lo);
        const lin = -0.5 * lam * lo;
        if (lam * e + lin <= 0.5 * hi) {
          ac[i] = lam * c + lin;
          as[i] = lam * sl;
          ae[i] = lam * e + lin;
        } else {
          ac[i] = 0.5 * hi;
          as[i] = 0;
          ae[i] = 0.5 * hi;
        }
        pc[i] = lo === hi ? (lo > 0 ? 1 : 0) : 0.5;
        pe[i] = lo === hi ? 0 : 0.5;
        ps[i] = 0;
        continue;
      }
      ps[i] = 0;
      pe[i] = 0;
      continue;
    }
    // Sigmoid and tanh: value and slope at the centre, and at the ends for the plain interval.
    const a0 = activate1(kind, c);
    const aLo = activate1(kind, lo);
    const aHi = activate1(kind, hi);
    const sig = kind === 'sigmoid';
    const d1 = sig ? a0 * (1 - a0) : 1 - a0 * a0;
    // The form keeps its linear part's correlation with every other form; the interval only
    // wins when the form's remainder alone is wider than it.
    const linErr = d1 * e + 0.5 * m2 * spread * spread;
    if (linErr <= 0.5 * (aHi - aLo)) {
      ac[i] = a0;
      as[i] = d1 * sl;
      ae[i] = linErr;
    } else {
      ac[i] = 0.5 * (aLo + aHi);
      as[i] = 0;
      ae[i] = 0.5 * (aHi - aLo);
    }
    // σ': linearised with σ'' = σ'(1 − 2σ) (tanh: −2 tanh σ'), or its unimodal range.
    const d2 = sig ? d1 * (1 - 2 * a0) : -2 * a0 * d1;
    const pLinErr = Math.abs(d2) * e + 0.5 * m3 * spread * spread;
    const sLo = sig ? aLo * (1 - aLo) : 1 - aLo * aLo;
    const sHi = sig ? aHi * (1 - aHi) : 1 - aHi * aHi;
    const top = lo <= 0 && hi >= 0 ? (sig ? 0.25 : 1) : Math.max(sLo, sHi);
    const bottom = Math.min(sLo, sHi);
    if (pLinErr <= 0.5 * (top - bottom)) {
      pc[i] = d1;
      ps[i] = d2 * sl;
      pe[i] = pLinErr;
    } else {
      pc[i] = 0.5 * (top + bottom);
      ps[i] = 0;
      pe[i] = 0.5 * (top - bottom);
    }
  }
}

/** The product of two forms (c + sτ ± e), into out: τ² ∈ [0, 1] is split as ½ ± ½. */
function times(
  a0: number,
  a1: number,
  ea: number,
  b0: number,
  b1: number,
  eb: number,
  out: Float64Array,
): void {
  const q = a1 * b1;
  out[0] = a0 * b0 + 0.5 * q;
  out[1] = a0 * b1 + a1 * b0;
  out[2] =
    0.5 * Math.abs(q) +
    ea * (Math.abs(b0) + Math.abs(b1)) +
    eb * (Math.abs(a0) + Math.abs(a1)) +
    ea * eb;
}

const prod = new Float64Array(3);

/** δ^L = ∂C_x/∂z^L: (a − y)σ'(z) (quadratic, BP1) or a − y (cross-entropy with a sigmoid output). */
function outputForms(s: SlopeScratch, L: number, x: number): void {
  const { trace } = s;
  const nL = trace.net.sizes[L]!;
  const quadratic = trace.net.cost === 'quadratic';
  for (let r = 0; r < nL; r++) {
    const y = trace.y[x * nL + r]!;
    const e0 = s.ac[L]![r]! - y;
    if (quadratic) {
      times(e0, s.as[L]![r]!, s.ae[L]![r]!, s.pc[L]![r]!, s.ps[L]![r]!, s.pe[L]![r]!, prod);
      s.dc[L]![r] = prod[0]!;
      s.ds[L]![r] = prod[1]!;
      s.de[L]![r] = prod[2]!;
    } else {
      s.dc[L]![r] = e0;
      s.ds[L]![r] = s.as[L]![r]!;
      s.de[L]![r] = s.ae[L]![r]!;
    }
  }
}

/** Forms of z^m = w^m a^{m−1} + b^m (eq. 2): exact on c and s, |w| on e. */
function forwardForms(s: SlopeScratch, m: number): void {
  const net = s.trace.net;
  const nIn = net.sizes[m - 1]!;
  const nOut = net.sizes[m]!;
  const w = net.w[m]!;
  const aw = s.absW[m]!;
  const b = net.b[m]!;
  const ac = s.ac[m - 1]!;
  const as = s.as[m - 1]!;
  const ae = s.ae[m - 1]!;
  for (let r = 0; r < nOut; r++) {
    let c = b[r]!;
    let sl = 0;
    let e = 0;
    const row = r * nIn;
    for (let k = 0; k < nIn; k++) {
      const wk = w[row + k]!;
      c += wk * ac[k]!;
      sl += wk * as[k]!;
      e += aw[row + k]! * ae[k]!;
    }
    s.zc[m]![r] = c;
    s.zs[m]![r] = sl;
    s.ze[m]![r] = e;
  }
  activateForms(s, m, net.act[m]!, nOut);
}

/** Forms of δ^m = ((w^{m+1})ᵀ δ^{m+1}) ⊙ σ'(z^m) (BP2). */
function backwardForms(s: SlopeScratch, m: number): void {
  const net = s.trace.net;
  const nm = net.sizes[m]!;
  const nNext = net.sizes[m + 1]!;
  const w = net.w[m + 1]!;
  const aw = s.absW[m + 1]!;
  const dc = s.dc[m + 1]!;
  const ds = s.ds[m + 1]!;
  const de = s.de[m + 1]!;
  for (let k = 0; k < nm; k++) {
    let c = 0;
    let sl = 0;
    let e = 0;
    for (let r = 0; r < nNext; r++) {
      const wrk = w[r * nm + k]!;
      c += wrk * dc[r]!;
      sl += wrk * ds[r]!;
      e += aw[r * nm + k]! * de[r]!;
    }
    times(c, sl, e, s.pc[m]![k]!, s.ps[m]![k]!, s.pe[m]![k]!, prod);
    s.dc[m]![k] = prod[0]!;
    s.ds[m]![k] = prod[1]!;
    s.de[m]![k] = prod[2]!;
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
  const mid = 0.5 * (lo + hi);
  const half = 0.5 * (hi - lo);
  let sumC = 0;
  let sumS = 0;
  let sumE = 0;
  for (let x = 0; x < trace.n; x++) {
    const cs = c[x]!;
    if (cs === 0) continue;
    // The moved neuron: z^l_j + t·c_s = (z + m·c_s) + (r·c_s)τ exactly; slot 0 of layer l's forms.
    s.zc[l]![0] = trace.z[l]![x * nl + j]! + mid * cs;
    s.zs[l]![0] = half * cs;
    s.ze[l]![0] = 0;
    activateForms(s, l, net.act[l]!, 1);
    const own0 = s.pc[l]![0]!;
    const own1 = s.ps[l]![0]!;
    const ownE = s.pe[l]![0]!;
    if (l === L) {
      const y = trace.y[x * nl + j]!;
      const e0 = s.ac[l]![0]! - y;
      if (net.cost === 'quadratic') times(e0, s.as[l]![0]!, s.ae[l]![0]!, own0, own1, ownE, prod);
      else {
        prod[0] = e0;
        prod[1] = s.as[l]![0]!;
        prod[2] = s.ae[l]![0]!;
      }
    } else {
      // z^{l+1} = z^{l+1}(0) + w^{l+1}_{·j}(a^l_j − a^l_j(0)).
      const da0 = s.ac[l]![0]! - trace.a[l]![x * nl + j]!;
      const da1 = s.as[l]![0]!;
      const daE = s.ae[l]![0]!;
      const n1 = net.sizes[l + 1]!;
      const w1 = net.w[l + 1]!;
      const z1 = trace.z[l + 1]!;
      for (let r = 0; r < n1; r++) {
        const w = w1[r * nl + j]!;
        s.zc[l + 1]![r] = z1[x * n1 + r]! + w * da0;
        s.zs[l + 1]![r] = w * da1;
        s.ze[l + 1]![r] = Math.abs(w) * daE;
      }
      activateForms(s, l + 1, net.act[l + 1]!, n1);
      for (let m = l + 2; m <= L; m++) forwardForms(s, m);
      outputForms(s, L, x);
      for (let m = L - 1; m >= l + 1; m--) backwardForms(s, m);
      // δ^l_j = (Σ_r w^{l+1}_rj δ^{l+1}_r) σ'(z^l_j).
      let g0 = 0;
      let g1 = 0;
      let gE = 0;
      for (let r = 0; r < n1; r++) {
        const w = w1[r * nl + j]!;
        g0 += w * s.dc[l + 1]![r]!;
        g1 += w * s.ds[l + 1]![r]!;
        gE += Math.abs(w) * s.de[l + 1]![r]!;
      }
      times(g0, g1, gE, own0, own1, ownE, prod);
    }
    sumC += cs * prod[0]!;
    sumS += cs * prod[1]!;
    sumE += Math.abs(cs) * prod[2]!;
  }
  const radius = Math.abs(sumS) + sumE;
  // Rounding in the sums is far below the search's tolerance; widen by a few ulps anyway.
  const slack = 1e-14 * (Math.abs(sumC) + radius) + 1e-300;
  out[0] = (sumC - radius) / trace.n - slack;
  out[1] = (sumC + radius) / trace.n + slack;
}
