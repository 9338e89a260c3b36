import { activateRange, sigmaPrimeRange } from './activations.ts';
import { type Batch, checkBatchFits, checkValues, MAX_BATCH } from './batch.ts';
import { costSum, outputDelta } from './costs.ts';
import { check, checkInteger, describeValue, EngineError, EngineErrorCode } from './errors.ts';
import { checkNetwork, type Network } from './network.ts';
import { versionOf } from './version.ts';

/** Most numbers one trace may hold (2²⁶, 512 MiB of doubles): capacity × its per-sample cells. */
export const MAX_TRACE_CELLS = 1 << 26;

/** How far a trace has got: nothing loaded, samples loaded, forwarded, or run (forward and backward). */
const Stage = { Empty: 0, Loaded: 1, Forward: 2, Run: 3 } as const;
type Stage = (typeof Stage)[keyof typeof Stage];

function depth(net: Network): number {
  return net.sizes.length - 1;
}

/** Doubles a trace of this capacity allocates. */
function traceCells(net: Network, capacity: number): number {
  const sizes = net.sizes;
  let perSample = sizes[0]! + sizes[sizes.length - 1]! + 2;
  let fixed = 0;
  for (let l = 1; l < sizes.length; l++) {
    perSample += 6 * sizes[l]!;
    fixed += sizes[l]! * (sizes[l - 1]! + 1);
  }
  return capacity * perSample + fixed;
}

/**
 * Everything one forward and one backward pass of a batch knows: z, a, σ'(z) and
 * δ of every layer for every sample, the per-sample costs C_x and their mean C.
 * Buffers are sized once for `capacity` samples and reused, so a training loop
 * or a search over nudges allocates no buffer per step. Arrays are indexed by
 * layer l; row s of a layer holds sample s: z[l][s·n_l + j] = z^l_j(x_s).
 */
export class Trace {
  readonly net: Network;
  readonly capacity: number;
  private count = 0;
  private stage: Stage = Stage.Empty;
  /** The network's change count when it was last forwarded. */
  private forwardedAt = -1;
  private c = Number.NaN;
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

  /** Scratch for nudges: the network's z and a downstream of a nudged neuron. */
  readonly zN: Float64Array[];
  readonly aN: Float64Array[];
  /** Scratch for nudges: the shift of z^l_j for each sample. */
  readonly dz: Float64Array;

  constructor(net: Network, capacity: number) {
    checkNetwork(net);
    checkInteger(capacity, 1, MAX_BATCH, EngineErrorCode.BadArgument, 'trace capacity');
    const cells = traceCells(net, capacity);
    check(
      cells <= MAX_TRACE_CELLS,
      EngineErrorCode.TooLarge,
      `a trace holds at most ${MAX_TRACE_CELLS} numbers; ${capacity} samples of this network need ${cells}`,
    );
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

  /** Samples currently loaded. */
  get n(): number {
    return this.count;
  }

  /**
   * C = (1/n) Σ_x C_x of the last run. Reading it from a trace without a
   * fresh run (nothing loaded, forward only, or the network changed since)
   * throws STALE_TRACE rather than answer a number of another network.
   */
  get cost(): number {
    this.checkFresh('read its cost');
    return this.c;
  }

  /** True when the trace holds a run (forward and backward) of the network as it is now. */
  fresh(): boolean {
    return this.stage === Stage.Run && this.forwardedAt === versionOf(this.net);
  }

  /** Throws STALE_TRACE unless fresh(); `what` names what needed it. */
  checkFresh(what: string): void {
    if (this.fresh()) return;
    const why =
      this.stage === Stage.Empty
        ? 'nothing is loaded'
        : this.stage === Stage.Loaded
          ? 'it was loaded but not run'
          : this.stage === Stage.Forward
            ? 'it was forwarded but not run backward'
            : 'its network changed since it ran (an SGD step or a kept nudge)';
    throw new EngineError(EngineErrorCode.StaleTrace, `run the trace before you ${what}: ${why}`);
  }

  /**
   * Copies samples into the trace: all of the batch, or its rows
   * indices[from…from+count). Every index must be an integer row of the batch,
   * every number finite within ±MAX_INPUT (a cross-entropy target in [0, 1]).
   * What the trace held before is gone: run it again.
   */
  load(batch: Batch, indices?: ArrayLike<number>, from?: number, count?: number): this {
    checkBatchFits(batch, this.net.sizes);
    if (indices !== undefined) {
      check(
        Array.isArray(indices) || (ArrayBuffer.isView(indices) && !(indices instanceof DataView)),
        EngineErrorCode.BadArgument,
        `indices must be an array of sample numbers, got ${describeValue(indices)}`,
      );
    }
    const start = from ?? 0;
    const limit = indices === undefined ? batch.n : indices.length;
    checkInteger(start, 0, limit, EngineErrorCode.BadArgument, 'from');
    const m = count ?? limit - start;
    if (!(Number.isInteger(m) && m > 0 && m <= this.capacity)) {
      throw new EngineError(
        EngineErrorCode.BadArgument,
        `${describeValue(m)} samples do not fit a trace for ${this.capacity}`,
      );
    }
    checkInteger(start + m, 1, limit, EngineErrorCode.BadArgument, 'from + count');
    const { nIn, nOut } = batch;
    const x = this.a[0]!;
    this.count = 0;
    this.stage = Stage.Empty;
    for (let i = 0; i < m; i++) {
      const s = indices ? indices[start + i]! : start + i;
      if (!(Number.isInteger(s) && s >= 0 && s < batch.n)) {
        throw new EngineError(
          EngineErrorCode.BadArgument,
          `indices[${start + i}] must be a sample of the batch (an integer in [0, ${batch.n - 1}]), got ${describeValue(s)}`,
        );
      }
      x.set(batch.x.subarray(s * nIn, (s + 1) * nIn), i * nIn);
      this.y.set(batch.y.subarray(s * nOut, (s + 1) * nOut), i * nOut);
    }
    checkValues(x, this.y, m * nIn, m * nOut, this.net.cost);
    this.count = m;
    this.stage = Stage.Loaded;
    return this;
  }

  /** z^l = w^l a^{l−1} + b^l, a^l = σ(z^l) (eq. 2–3) for every layer and sample; returns C. */
  forward(): number {
    const { net, n } = this;
    if (this.stage === Stage.Empty)
      throw new EngineError(EngineErrorCode.EmptyBatch, 'load a batch before running the trace');
    this.stage = Stage.Loaded;
    const L = depth(net);
    for (let l = 1; l <= L; l++) {
      const z = this.z[l]!;
      forwardLayer(net, l, this.a[l - 1]!, z, this.a[l]!, n);
      // A z that overflowed (or a weight that is not finite) would turn every later number into NaN.
      for (let i = 0; i < n * net.sizes[l]!; i++) {
        if (!Number.isFinite(z[i]!)) {
          throw new EngineError(
            EngineErrorCode.Overflow,
            `the network overflows on this batch: z of layer ${l} is ${z[i]} for sample ${Math.floor(i / net.sizes[l]!)}`,
          );
        }
      }
    }
    const nL = net.sizes[L]!;
    const zL = this.z[L]!;
    const aL = this.a[L]!;
    let total = 0;
    for (let s = 0; s < n; s++) {
      const c = costSum(net.cost, zL, aL, this.y, s * nL, (s + 1) * nL);
      this.costs[s] = c;
      total += c;
    }
    const c = total / n;
    if (!Number.isFinite(c)) {
      throw new EngineError(
        EngineErrorCode.Overflow,
        `the network overflows on this batch: C = ${c}`,
      );
    }
    this.c = c;
    this.stage = Stage.Forward;
    this.forwardedAt = versionOf(net);
    return c;
  }

  /** δ^L = ∇_a C ⊙ σ'(z^L) (BP1), then δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ'(z^l) (BP2), and δ̄. */
  backward(): void {
    const { net, n } = this;
    if (!(this.stage >= Stage.Forward && this.forwardedAt === versionOf(net))) {
      throw new EngineError(
        EngineErrorCode.StaleTrace,
        'forward the trace before its backward pass (the network may have changed since)',
      );
    }
    const L = depth(net);
    for (let l = 1; l <= L; l++) {
      sigmaPrimeRange(net.act[l]!, this.z[l]!, this.a[l]!, this.sp[l]!, 0, n * net.sizes[l]!);
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
    for (let l = 1; l <= L; l++) {
      const nl = net.sizes[l]!;
      const d = this.delta[l]!;
      const bar = this.deltaBar[l]!;
      for (let j = 0; j < nl; j++) bar[j] = 0;
      for (let s = 0; s < n; s++) for (let j = 0; j < nl; j++) bar[j]! += d[s * nl + j]!;
      for (let j = 0; j < nl; j++) {
        bar[j]! /= n;
        // Every δ of a layer feeds its δ̄: one that is not finite shows here.
        if (!Number.isFinite(bar[j]!)) {
          this.stage = Stage.Loaded;
          throw new EngineError(
            EngineErrorCode.Overflow,
            `the network overflows on this batch: δ̄ of neuron ${j} of layer ${l} is ${bar[j]}`,
          );
        }
      }
    }
    this.stage = Stage.Run;
  }

  /** ∂C/∂w^l_jk = (1/n) Σ_x a^{l−1}_k(x) δ^l_j(x) (BP4) into nablaW; ∂C/∂b = δ̄ (BP3). */
  gradients(): void {
    this.checkFresh('take its gradients');
    const { net, n } = this;
    for (let l = 1; l <= depth(net); l++) {
      const nIn = net.sizes[l - 1]!;
      const nl = net.sizes[l]!;
      const g = this.nablaW[l]!;
      const d = this.delta[l]!;
      const aPrev = this.a[l - 1]!;
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
              d0 * aPrev[a0 + k]! +
              d1 * aPrev[a1 + k]! +
              (d2 * aPrev[a2 + k]! + d3 * aPrev[a3 + k]!);
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
      const inv = 1 / n;
      for (let i = 0; i < g.length; i++) {
        g[i]! *= inv;
        if (!Number.isFinite(g[i]!)) {
          throw new EngineError(
            EngineErrorCode.Overflow,
            `the network overflows on this batch: ∂C/∂w of layer ${l} is ${g[i]}`,
          );
        }
      }
    }
  }

  /** Forward and backward: C, every z, a, σ', δ and δ̄. */
  run(): this {
    this.forward(); // refuses an empty trace
    this.backward();
    return this;
  }
}

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

/** A trace of the whole batch, run: the usual way to look at a network. */
export function analyse(net: Network, batch: Batch): Trace {
  checkNetwork(net);
  checkBatchFits(batch, net.sizes);
  return new Trace(net, batch.n).load(batch).run();
}
