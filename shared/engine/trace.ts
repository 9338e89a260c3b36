import { sigmaPrimeRange } from './activations.ts';
import { type Batch, checkBatchFits, checkValues, MAX_BATCH } from './batch.ts';
import { costSum, outputDelta } from './costs.ts';
import { check, checkInteger, describeValue, EngineError, EngineErrorCode } from './errors.ts';
import { backwardLayer, forwardLayer, gradientLayer } from './kernels.ts';
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
  /** C of the last forward pass. */
  private lastCost = Number.NaN;
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
    return this.lastCost;
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
    const doing = typeof what === 'string' ? what : describeValue(what);
    throw new EngineError(EngineErrorCode.StaleTrace, `run the trace before you ${doing}: ${why}`);
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
    this.lastCost = c;
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
      backwardLayer(net, l, this.delta[l + 1]!, this.sp[l]!, this.delta[l]!, n);
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
      gradientLayer(this.delta[l]!, this.a[l - 1]!, g, nl, nIn, n);
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

/** A trace of the whole batch, run: the usual way to look at a network. */
export function analyse(net: Network, batch: Batch): Trace {
  checkNetwork(net);
  checkBatchFits(batch, net.sizes);
  return new Trace(net, batch.n).load(batch).run();
}

export { forwardLayer } from './kernels.ts';
