import { type Batch, checkBatchFits } from './batch.ts';
import {
  check,
  checkInteger,
  describeValue,
  EngineError,
  EngineErrorCode,
  isRecord,
} from './errors.ts';
import { checkNetwork, depth, MAX_PARAMETER, type Network } from './network.ts';
import { Rng } from './rng.ts';
import { Trace } from './trace.ts';
import { touch } from './version.ts';

export interface StepResult {
  /**
   * C of the mini-batch before the step; null when there is none to tell: the
   * network already overflowed on it (the step is then diverged), or run(0).
   */
  cost: number | null;
  /** True when the step would have made the cost or a parameter non-finite: the network is left as it was. */
  diverged: boolean;
}

function checkEta(eta: unknown): void {
  if (!(typeof eta === 'number' && Number.isFinite(eta) && eta > 0)) {
    throw new EngineError(
      EngineErrorCode.BadArgument,
      `the learning rate η must be a finite number above 0, got ${describeValue(eta)}`,
    );
  }
}

/** An Overflow from the trace: the step is diverged; any other error is the caller's. */
function overflowed(e: unknown): boolean {
  return e instanceof EngineError && e.code === EngineErrorCode.Overflow;
}

/**
 * One gradient-descent step on the samples loaded in the trace:
 * w^l → w^l − η ∂C/∂w^l, b^l → b^l − η δ̄^l. If the cost or a gradient is not
 * finite, or an updated parameter would not be finite or would pass
 * ±MAX_PARAMETER, nothing is changed and the step reports `diverged` (η too
 * large), so that NaN and Infinity never reach a player.
 */
export function sgdStep(trace: Trace, eta: number): StepResult {
  check(trace instanceof Trace, EngineErrorCode.BadArgument, 'trace must be a Trace');
  checkEta(eta);
  if (trace.n === 0)
    throw new EngineError(EngineErrorCode.EmptyBatch, 'load a batch before a step');
  const { net } = trace;
  let cost: number;
  try {
    cost = trace.forward();
  } catch (e) {
    if (overflowed(e)) return { cost: null, diverged: true };
    throw e;
  }
  try {
    trace.backward();
    trace.gradients();
  } catch (e) {
    if (overflowed(e)) return { cost, diverged: true };
    throw e;
  }
  const L = depth(net);
  for (let l = 1; l <= L; l++) {
    const w = net.w[l]!;
    const g = trace.nablaW[l]!;
    // !(|x| ≤ MAX) is also true for NaN.
    for (let i = 0; i < w.length; i++)
      if (!(Math.abs(w[i]! - eta * g[i]!) <= MAX_PARAMETER)) return { cost, diverged: true };
    const b = net.b[l]!;
    const d = trace.deltaBar[l]!;
    for (let j = 0; j < b.length; j++)
      if (!(Math.abs(b[j]! - eta * d[j]!) <= MAX_PARAMETER)) return { cost, diverged: true };
  }
  for (let l = 1; l <= L; l++) {
    const w = net.w[l]!;
    const g = trace.nablaW[l]!;
    for (let i = 0; i < w.length; i++) w[i]! -= eta * g[i]!;
    const b = net.b[l]!;
    const d = trace.deltaBar[l]!;
    for (let j = 0; j < b.length; j++) b[j]! -= eta * d[j]!;
  }
  // The trace ran the network before the step: it, and every other trace of this network, is stale.
  touch(net);
  return { cost, diverged: false };
}

export interface TrainerOptions {
  eta: number;
  batchSize: number;
}

/**
 * Stochastic gradient descent over a data set in shuffled mini-batches, one
 * step at a time (the sandbox steps it, the classroom runs k steps a round).
 * Its chance comes only from the PRNG given, so a seed replays it exactly.
 */
export class Trainer {
  readonly net: Network;
  readonly data: Batch;
  eta: number;
  readonly batchSize: number;
  private readonly rng: Rng;
  private readonly trace: Trace;
  private readonly order: Int32Array;
  private pos: number;
  steps = 0;
  /** True when the last step diverged (the network was left as it was; lower η and step again). */
  diverged = false;

  constructor(net: Network, data: Batch, options: TrainerOptions, rng: Rng) {
    checkNetwork(net);
    checkBatchFits(data, net.sizes);
    check(isRecord(options), EngineErrorCode.BadArgument, 'options must be { eta, batchSize }');
    check(rng instanceof Rng, EngineErrorCode.BadArgument, 'rng must be an Rng');
    checkEta(options.eta);
    checkInteger(options.batchSize, 1, data.n, EngineErrorCode.BadArgument, 'mini-batch size');
    this.net = net;
    this.data = data;
    this.eta = options.eta;
    this.batchSize = options.batchSize;
    this.rng = rng;
    this.trace = new Trace(net, options.batchSize);
    this.order = new Int32Array(data.n);
    for (let i = 0; i < data.n; i++) this.order[i] = i;
    this.pos = data.n;
  }

  /** One mini-batch step; returns that mini-batch's cost before the step. */
  step(): StepResult {
    if (this.pos + this.batchSize > this.data.n) {
      this.rng.shuffle(this.order);
      this.pos = 0;
    }
    this.trace.load(this.data, this.order, this.pos, this.batchSize);
    this.pos += this.batchSize;
    const r = sgdStep(this.trace, this.eta);
    this.diverged = r.diverged;
    if (!r.diverged) this.steps++;
    return r;
  }

  /** k steps, stopping early at divergence; returns the last step's result ({ cost: null } for k = 0). */
  run(k: number): StepResult {
    checkInteger(k, 0, 10_000_000, EngineErrorCode.BadArgument, 'number of steps');
    let r: StepResult = { cost: null, diverged: false };
    for (let i = 0; i < k; i++) {
      r = this.step();
      if (r.diverged) break;
    }
    return r;
  }
}

/** The mean cost C of the network on a whole batch. */
export function batchCost(net: Network, batch: Batch): number {
  checkNetwork(net);
  checkBatchFits(batch, net.sizes);
  return new Trace(net, batch.n).load(batch).forward();
}

/**
 * Share of samples classified right: a single output is read as a^L > ½ against
 * y > ½; several outputs by the largest a^L against the largest y.
 */
export function accuracy(net: Network, batch: Batch): number {
  checkNetwork(net);
  checkBatchFits(batch, net.sizes);
  const t = new Trace(net, batch.n).load(batch);
  t.forward();
  const nL = net.sizes[depth(net)]!;
  const a = t.a[depth(net)]!;
  let right = 0;
  for (let s = 0; s < batch.n; s++) {
    if (nL === 1) {
      if (a[s]! > 0.5 === batch.y[s]! > 0.5) right++;
      continue;
    }
    let ia = 0;
    let iy = 0;
    for (let j = 1; j < nL; j++) {
      if (a[s * nL + j]! > a[s * nL + ia]!) ia = j;
      if (batch.y[s * nL + j]! > batch.y[s * nL + iy]!) iy = j;
    }
    if (ia === iy) right++;
  }
  return right / batch.n;
}
