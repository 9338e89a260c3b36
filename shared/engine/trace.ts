import { activateRange, sigmaPrime } from './activations.ts';
import { type Batch, checkBatchFits } from './batch.ts';
import { costTerm, outputDelta } from './costs.ts';
import { check, checkInteger, EngineErrorCode } from './errors.ts';
import { depth, type Network } from './network.ts';

/**
 * Everything one forward and one backward pass of a batch knows: z, a, σ'(z) and
 * δ of every layer for every sample, the per-sample costs C_x and their mean C.
 * Buffers are sized once for `capacity` samples and reused, so a training loop
 * or a search over nudges allocates nothing per step. Arrays are indexed by
 * layer l; row s of a layer holds sample s: z[l][s·n_l + j] = z^l_j(x_s).
 */
export class Trace {
  readonly net: Network;
  readonly capacity: number;
  /** Samples currently loaded. */
  n = 0;
  /** a[0] is the batch's inputs x; a[l] = σ(z[l]). */
  readonly a: Float64Array[];
  readonly z: Float64Array[];
  /** Targets y, row-major. */
  readonly y: Float64Array;
  /** σ'(z^l), the neuron's slope: near 0 when it is saturated. */
  readonly sp: Float64Array[];
  /** δ^l_j(x) = ∂C_x/∂z^l_j: the error of neuron j of layer l for sample x. */
  readonly delta: Float64Array[];
  /** δ̄^l_j = (1/n) Σ_x δ^l_j(x) = ∂C/∂z^l_j = ∂C/∂b^l_j (BP3). */
  readonly deltaBar: Float64Array[];
  /** ∂C/∂w^l_jk = (1/n) Σ_x a^{l−1}_k δ^l_j (BP4), filled by gradients(). */
  readonly nablaW: Float64Array[];
  /** C_x of each sample. */
  readonly costs: Float64Array;
  /** C = (1/n) Σ_x C_x. */
  cost = Number.NaN;

  /** Scratch for nudges: the network's z and a downstream of a nudged neuron. */
  readonly zN: Float64Array[];
  readonly aN: Float64Array[];
  /** Scratch for nudges: the shift of z^l_j for each sample. */
  readonly dz: Float64Array;

  constructor(net: Network, capacity: number) {
    checkInteger(capacity, 1, 1_000_000, EngineErrorCode.BadArgument, 'trace capacity');
    this.net = net;
    this.capacity = capacity;
    const per = (f: (nl: number, l: number) => number) =>
      net.sizes.map((nl, l) => new Float64Array(f(nl, l)));
    this.a = per((nl) => capacity * nl);
    this.z = per((nl, l) => (l === 0 ? 0 : capacity * nl));
    this.sp = per((nl, l) => (l === 0 ? 0 : capacity * nl));
    this.delta = per((nl, l) => (l === 0 ? 0 : capacity * nl));
    this.deltaBar = per((nl, l) => (l === 0 ? 0 : nl));
    this.nablaW = per((nl, l) => (l === 0 ? 0 : nl * net.sizes[l - 1]!));
    this.zN = per((nl, l) => (l === 0 ? 0 : capacity * nl));
    this.aN = per((nl, l) => (l === 0 ? 0 : capacity * nl));
    this.y = new Float64Array(capacity * net.sizes[net.sizes.length - 1]!);
    this.costs = new Float64Array(capacity);
    this.dz = new Float64Array(capacity);
  }

  /** Copies samples into the trace: all of the batch, or its rows indices[from…from+count). */
  load(
    batch: Batch,
    indices?: ArrayLike<number>,
    from = 0,
    count = indices ? indices.length : batch.n,
  ): this {
    checkBatchFits(batch, this.net.sizes);
    check(
      count > 0 && count <= this.capacity,
      EngineErrorCode.BadArgument,
      `${count} samples do not fit a trace for ${this.capacity}`,
    );
    const { nIn, nOut } = batch;
    const x = this.a[0]!;
    for (let i = 0; i < count; i++) {
      const s = indices ? indices[from + i]! : from + i;
      x.set(batch.x.subarray(s * nIn, (s + 1) * nIn), i * nIn);
      this.y.set(batch.y.subarray(s * nOut, (s + 1) * nOut), i * nOut);
    }
    this.n = count;
    return this;
  }

  /** z^l = w^l a^{l−1} + b^l, a^l = σ(z^l) (eq. 2–3) for every layer and sample; returns C. */
  forward(): number {
    const { net, n } = this;
    const L = depth(net);
    for (let l = 1; l <= L; l++) {
      forwardLayer(net, l, this.a[l - 1]!, this.z[l]!, this.a[l]!, n);
    }
    const nL = net.sizes[L]!;
    const zL = this.z[L]!;
    const aL = this.a[L]!;
    let total = 0;
    for (let s = 0; s < n; s++) {
      let c = 0;
      for (let j = s * nL; j < (s + 1) * nL; j++)
        c += costTerm(net.cost, zL[j]!, aL[j]!, this.y[j]!);
      this.costs[s] = c;
      total += c;
    }
    this.cost = total / n;
    return this.cost;
  }

  /** δ^L = ∇_a C ⊙ σ'(z^L) (BP1), then δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ'(z^l) (BP2), and δ̄. */
  backward(): void {
    const { net, n } = this;
    const L = depth(net);
    for (let l = 1; l <= L; l++) {
      const z = this.z[l]!;
      const a = this.a[l]!;
      const sp = this.sp[l]!;
      const kind = net.act[l]!;
      for (let i = 0; i < n * net.sizes[l]!; i++) sp[i] = sigmaPrime(kind, z[i]!, a[i]!);
    }
    const nL = net.sizes[L]!;
    const dL = this.delta[L]!;
    for (let i = 0; i < n * nL; i++) {
      dL[i] = outputDelta(net.cost, this.a[L]![i]!, this.y[i]!, this.sp[L]![i]!);
    }
    for (let l = L - 1; l >= 1; l--) {
      const nl = net.sizes[l]!;
      const nNext = net.sizes[l + 1]!;
      const w = net.w[l + 1]!;
      const d = this.delta[l]!;
      const dNext = this.delta[l + 1]!;
      const sp = this.sp[l]!;
      d.fill(0, 0, n * nl);
      for (let s = 0; s < n; s++) {
        const row = s * nl;
        for (let i = 0; i < nNext; i++) {
          const di = dNext[s * nNext + i]!;
          if (di === 0) continue;
          const wRow = i * nl;
          for (let k = 0; k < nl; k++) d[row + k]! += w[wRow + k]! * di;
        }
        for (let k = 0; k < nl; k++) d[row + k]! *= sp[row + k]!;
      }
    }
    for (let l = 1; l <= L; l++) {
      const nl = net.sizes[l]!;
      const d = this.delta[l]!;
      const bar = this.deltaBar[l]!;
      bar.fill(0);
      for (let s = 0; s < n; s++) for (let j = 0; j < nl; j++) bar[j]! += d[s * nl + j]!;
      for (let j = 0; j < nl; j++) bar[j]! /= n;
    }
  }

  /** ∂C/∂w^l_jk = (1/n) Σ_x a^{l−1}_k(x) δ^l_j(x) (BP4) into nablaW; ∂C/∂b = δ̄ (BP3). */
  gradients(): void {
    const { net, n } = this;
    for (let l = 1; l <= depth(net); l++) {
      const nIn = net.sizes[l - 1]!;
      const nl = net.sizes[l]!;
      const g = this.nablaW[l]!;
      const d = this.delta[l]!;
      const aPrev = this.a[l - 1]!;
      g.fill(0);
      for (let s = 0; s < n; s++) {
        const base = s * nIn;
        for (let j = 0; j < nl; j++) {
          const dj = d[s * nl + j]!;
          if (dj === 0) continue;
          const row = j * nIn;
          for (let k = 0; k < nIn; k++) g[row + k]! += dj * aPrev[base + k]!;
        }
      }
      const inv = 1 / n;
      for (let i = 0; i < g.length; i++) g[i]! *= inv;
    }
  }

  /** Forward and backward: C, every z, a, σ', δ and δ̄. */
  run(): this {
    check(this.n > 0, EngineErrorCode.EmptyBatch, 'load a batch before running the trace');
    this.forward();
    this.backward();
    return this;
  }
}

/** zOut = w^l aIn + b^l and aOut = σ(zOut) for n samples. */
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
  for (let s = 0; s < n; s++) {
    const base = s * nIn;
    const out = s * nOut;
    for (let j = 0; j < nOut; j++) {
      let sum = b[j]!;
      const row = j * nIn;
      for (let k = 0; k < nIn; k++) sum += w[row + k]! * aIn[base + k]!;
      zOut[out + j] = sum;
    }
  }
  activateRange(net.act[l]!, zOut, aOut, 0, n * nOut);
}

/** A trace of the whole batch, run: the usual way to look at a network. */
export function analyse(net: Network, batch: Batch): Trace {
  return new Trace(net, batch.n).load(batch).run();
}
