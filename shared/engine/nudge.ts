import { activateRange } from './activations.ts';
import { costDiffSum, crossEntropyDiff } from './costs.ts';
import {
  check,
  checkBounded,
  checkFinite,
  checkInteger,
  EngineError,
  EngineErrorCode,
} from './errors.ts';
import { forwardLayer } from './kernels.ts';
import { checkNeuron, depth, MAX_NUDGE, MAX_PARAMETER, type Network } from './network.ts';
import { Trace } from './trace.ts';
import { touch } from './version.ts';

/** A demon's move and what it did: the exact ΔC beside the first-order guess δ̄Δz. */
export interface NudgeResult {
  l: number;
  j: number;
  dz: number;
  /** C after the nudge − C before, exactly (every sample forwarded again). */
  deltaC: number;
  /** δ̄^l_j · Δz: what the derivative alone predicts. */
  predicted: number;
}

/**
 * Exact ΔC when z^l_j(x_s) += trace.dz[s] for each loaded sample s. Only what
 * lies downstream is recomputed: a^l_j, then z^{l+1} by the rank-one update
 * z^{l+1} += w^{l+1}_{·j} Δa^l_j, then the layers after it. Allocates nothing.
 * No argument checks: the searches (search.ts) call it in their inner loop.
 */
export function shiftedDeltaC(trace: Trace, l: number, j: number): number {
  const { net, n, dz } = trace;
  const L = depth(net);
  const nl = net.sizes[l]!;
  const zl = trace.z[l]!;
  // z^l_j + Δz and its new activation for each sample, in the first n cells of layer l's scratch.
  const zj = trace.zN[l]!;
  const aj = trace.aN[l]!;
  for (let s = 0; s < n; s++) zj[s] = zl[s * nl + j]! + dz[s]!;
  activateRange(net.act[l]!, zj, aj, 0, n);
  let total = 0;
  if (l === L) {
    // An output neuron changes one term of each C_x.
    const zL = trace.z[L]!;
    const aL = trace.a[L]!;
    const y = trace.y;
    if (net.cost === 'quadratic') {
      // ½(a₁ − y)² − ½(a₀ − y)², factored so a small change keeps its digits.
      for (let s = 0; s < n; s++) {
        const i = s * nl + j;
        const d1 = aj[s]! - y[i]!;
        const d0 = aL[i]! - y[i]!;
        total += 0.5 * (d1 - d0) * (d1 + d0);
      }
    } else {
      // c(z₁) − c(z₀) with c = y·softplus(−z) + (1 − y)·softplus(z), without cancellation.
      for (let s = 0; s < n; s++) {
        const i = s * nl + j;
        total += crossEntropyDiff(zj[s]!, zL[i]!, y[i]!);
      }
    }
    return finiteDeltaC(total / n);
  }
  const al = trace.a[l]!;
  const n1 = net.sizes[l + 1]!;
  const w1 = net.w[l + 1]!;
  const z1 = trace.z[l + 1]!;
  const zN = trace.zN[l + 1]!;
  for (let s = 0; s < n; s++) {
    const da = aj[s]! - al[s * nl + j]!;
    const row = s * n1;
    for (let r = 0; r < n1; r++) zN[row + r] = z1[row + r]! + w1[r * nl + j]! * da;
  }
  activateRange(net.act[l + 1]!, zN, trace.aN[l + 1]!, 0, n * n1);
  for (let m = l + 2; m <= L; m++)
    forwardLayer(net, m, trace.aN[m - 1]!, trace.zN[m]!, trace.aN[m]!, n);
  // Σ_x Σ_j [c(new) − c(old)], each difference factored (costDiffSum), not C_x(new) − C_x(old).
  const nL = net.sizes[L]!;
  total = costDiffSum(
    net.cost,
    trace.zN[L]!,
    trace.aN[L]!,
    trace.z[L]!,
    trace.a[L]!,
    trace.y,
    0,
    n * nL,
  );
  return finiteDeltaC(total / n);
}

/** A ΔC that overflowed (a huge nudge on a linear stack) is an EngineError, never an answer. */
function finiteDeltaC(d: number): number {
  if (Number.isFinite(d)) return d;
  throw new EngineError(EngineErrorCode.Overflow, `the nudge overflows the network: ΔC = ${d}`);
}

/** Exact ΔC of z^l_j += dz on every sample, without argument checks (for searches). */
function nudgeDeltaC(trace: Trace, l: number, j: number, dz: number): number {
  if (dz === 0) return 0;
  const shift = trace.dz;
  for (let s = 0; s < trace.n; s++) shift[s] = dz;
  return shiftedDeltaC(trace, l, j);
}

function checkRun(trace: Trace): void {
  check(trace instanceof Trace, EngineErrorCode.BadArgument, 'trace must be a Trace');
  trace.checkFresh('nudge');
}

/**
 * The demon at neuron j of layer l adds Δz to z^l_j for every sample of the
 * batch. Returns the exact ΔC and the prediction δ̄^l_j·Δz. Applied to every
 * sample this is exactly the change b^l_j += Δz (BP3).
 */
export function nudge(trace: Trace, l: number, j: number, dz: number): NudgeResult {
  checkRun(trace);
  checkNeuron(trace.net, l, j);
  checkBounded(dz, MAX_NUDGE, 'Δz');
  return { l, j, dz, deltaC: nudgeDeltaC(trace, l, j, dz), predicted: trace.deltaBar[l]![j]! * dz };
}

export interface WeightNudgeResult {
  l: number;
  j: number;
  k: number;
  dw: number;
  deltaC: number;
  /** ∂C/∂w^l_jk · Δw with ∂C/∂w^l_jk = (1/n) Σ_x a^{l−1}_k δ^l_j (BP4). */
  predicted: number;
  /** ∂C/∂w^l_jk itself. */
  gradient: number;
}

/** w^l_jk += Δw: z^l_j(x) moves by Δw·a^{l−1}_k(x), a different amount for each sample. */
export function weightNudge(
  trace: Trace,
  l: number,
  j: number,
  k: number,
  dw: number,
): WeightNudgeResult {
  checkRun(trace);
  checkNeuron(trace.net, l, j);
  checkSource(trace.net, l, k);
  const nIn = trace.net.sizes[l - 1]!;
  checkBounded(dw, MAX_NUDGE, 'Δw');
  const { n, dz } = trace;
  const aPrev = trace.a[l - 1]!;
  const d = trace.delta[l]!;
  const nl = trace.net.sizes[l]!;
  let g = 0;
  for (let s = 0; s < n; s++) {
    const ak = aPrev[s * nIn + k]!;
    dz[s] = dw * ak;
    g += ak * d[s * nl + j]!;
  }
  g /= n;
  checkFinite(g, '∂C/∂w');
  const deltaC = dw === 0 ? 0 : shiftedDeltaC(trace, l, j);
  return { l, j, k, dw, deltaC, predicted: g * dw, gradient: g };
}

/**
 * Makes a nudge last: b^l_j += Δz is the same change for every sample (BP3).
 * The new bias must stay within ±MAX_PARAMETER; traces run before are stale.
 */
export function applyBiasNudge(net: Network, l: number, j: number, dz: number): void {
  checkNeuron(net, l, j);
  checkBounded(dz, MAX_NUDGE, 'Δz');
  const b = net.b[l]![j]! + dz;
  check(
    Math.abs(b) <= MAX_PARAMETER,
    EngineErrorCode.OutOfRange,
    `the bias would leave ±${MAX_PARAMETER}: b^${l}_${j} + Δz = ${b}`,
  );
  net.b[l]![j] = b;
  touch(net);
}

/** Throws unless k is a neuron of layer l − 1, the source of weight w^l_jk. */
function checkSource(net: Network, l: number, k: number): void {
  const nIn = net.sizes[l - 1]!;
  if (!(Number.isInteger(k) && k >= 0 && k < nIn)) {
    checkInteger(k, 0, nIn - 1, EngineErrorCode.BadNeuron, `neuron k of layer ${l - 1}`);
  }
}

/** w^l_jk, the weight from neuron k of layer l − 1 to neuron j of layer l. */
export function weightAt(net: Network, l: number, j: number, k: number): number {
  checkNeuron(net, l, j);
  checkSource(net, l, k);
  return net.w[l]![j * net.sizes[l - 1]! + k]!;
}

/**
 * Makes a weight nudge last: w^l_jk += Δw (BP4's lever, as applyBiasNudge is
 * BP3's). The new weight must stay within ±MAX_PARAMETER; traces run before are stale.
 */
export function applyWeightNudge(net: Network, l: number, j: number, k: number, dw: number): void {
  checkNeuron(net, l, j);
  checkSource(net, l, k);
  checkBounded(dw, MAX_NUDGE, 'Δw');
  const i = j * net.sizes[l - 1]! + k;
  const w = net.w[l]![i]! + dw;
  check(
    Math.abs(w) <= MAX_PARAMETER,
    EngineErrorCode.OutOfRange,
    `the weight would leave ±${MAX_PARAMETER}: w^${l}_${j}${k} + Δw = ${w}`,
  );
  net.w[l]![i] = w;
  touch(net);
}
