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
import { checkNeuron, depth, MAX_NUDGE, MAX_PARAMETER, type Network } from './network.ts';
import { forwardLayer, Trace } from './trace.ts';
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
 */
function shiftedDeltaC(trace: Trace, l: number, j: number): number {
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
  total = costDiffSum(net.cost, trace.zN[L]!, trace.aN[L]!, trace.z[L]!, trace.a[L]!, trace.y, 0, n * nL);
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
  const nIn = trace.net.sizes[l - 1]!;
  if (!(Number.isInteger(k) && k >= 0 && k < nIn)) {
    checkInteger(k, 0, nIn - 1, EngineErrorCode.BadNeuron, `neuron k of layer ${l - 1}`);
  }
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

function checkBudget(eps: number): void {
  if (!(Number.isFinite(eps) && eps > 0)) {
    throw new EngineError(
      EngineErrorCode.BadBudget,
      `the budget ε must be a finite number above 0, got ${eps}`,
    );
  }
}

/** Grid cells per side of 0 in the best-nudge search. */
export const BEST_NUDGE_GRID = 8;
/** The search stops refining when its bracket is narrower than this fraction of ε. */
export const BEST_NUDGE_TOL = 1e-7;

/**
 * The best move under the budget: the minimum of ΔC over every neuron of
 * layers 1…L and Δz ∈ [−ε, ε], computed exactly (no linearisation).
 *
 * Neurons are visited largest |δ̄| first. Each neuron's ΔC(Δz) is evaluated on
 * a coarse grid Δz = iε/4 (i = −4…4); if even four times the dip its second
 * differences allow cannot take it below the best found, the neuron is done.
 * Otherwise the grid is refined to Δz = iε/8, and every cell whose lower end,
 * less twice the dip allowed by the neuron's largest second difference, lies
 * below the best found is searched by golden section to a bracket of 1e-7·ε.
 * The answer is a real move with its exact ΔC, never worse than any point of
 * the coarse grid, and a local minimum to that tolerance. What could be
 * missed is a dip narrower than a cell (ε/8) that the second differences do
 * not reveal: smooth activations at classroom budgets do not make one; relu's
 * kink can (ΔC is then only piecewise smooth).
 */
export function bestNudge(trace: Trace, eps: number): NudgeResult {
  checkRun(trace);
  checkBudget(eps);
  const { net } = trace;
  const L = depth(net);
  const G = BEST_NUDGE_GRID;
  const h = eps / G;
  const f = new Float64Array(2 * G + 1);
  // Cells [i, i+1] of a neuron's grid that might hold a value below the best found.
  const candidates: { l: number; j: number; i: number; floor: number; fa: number; fb: number }[] =
    [];
  let best = { l: 1, j: 0, dz: 0, v: 0 };
  // Largest |δ̄| first: a good best early lets the coarse test skip most neurons.
  const order: { l: number; j: number; g: number }[] = [];
  for (let l = 1; l <= L; l++) {
    const bar = trace.deltaBar[l]!;
    for (let j = 0; j < bar.length; j++) order.push({ l, j, g: Math.abs(bar[j]!) });
  }
  order.sort((p, q) => q.g - p.g);
  for (const { l, j } of order) {
    // Coarse grid first: every second point, cells of 2h.
    let low = 0;
    for (let i = 0; i <= 2 * G; i += 2) {
      f[i] = i === G ? 0 : nudgeDeltaC(trace, l, j, (i - G) * h);
      if (f[i]! < best.v) best = { l, j, dz: (i - G) * h, v: f[i]! };
      low = Math.min(low, f[i]!);
    }
    let coarse = 0;
    for (let i = 2; i < 2 * G; i += 2)
      coarse = Math.max(coarse, Math.abs(f[i - 2]! - 2 * f[i]! + f[i + 2]!));
    // A 2h cell dips about (second difference)/8 below its ends; allowed four times that, the neuron cannot win.
    if (low - (4 * coarse) / 8 - 1e-15 > best.v) continue;
    for (let i = 1; i < 2 * G; i += 2) {
      f[i] = nudgeDeltaC(trace, l, j, (i - G) * h);
      if (f[i]! < best.v) best = { l, j, dz: (i - G) * h, v: f[i]! };
    }
    let curv = 0;
    for (let i = 1; i < 2 * G; i++)
      curv = Math.max(curv, Math.abs(f[i - 1]! - 2 * f[i]! + f[i + 1]!));
    // Below its ends a cell can dip by about f''·h²/8 ≈ (second difference)/8; allowed twice that.
    const margin = (2 * curv) / 8 + 1e-15;
    for (let i = 0; i < 2 * G; i++) {
      const floor = Math.min(f[i]!, f[i + 1]!) - margin;
      if (floor < best.v) candidates.push({ l, j, i, floor, fa: f[i]!, fb: f[i + 1]! });
    }
  }
  candidates.sort((p, q) => p.floor - q.floor);
  for (const c of candidates) {
    if (c.floor >= best.v) break;
    const lo = (c.i - G) * h;
    const r = goldenMin(trace, c.l, c.j, lo, lo + h, c.fa, c.fb, eps * BEST_NUDGE_TOL);
    if (r.v < best.v) best = { l: c.l, j: c.j, dz: r.x, v: r.v };
  }
  return {
    l: best.l,
    j: best.j,
    dz: best.dz,
    deltaC: best.v,
    predicted: trace.deltaBar[best.l]![best.j]! * best.dz,
  };
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/** Golden-section search for the minimum of ΔC(Δz) on [lo, hi], whose end values fa, fb are known. */
function goldenMin(
  trace: Trace,
  l: number,
  j: number,
  lo: number,
  hi: number,
  fa: number,
  fb: number,
  tol: number,
) {
  let a = lo;
  let b = hi;
  let x1 = b - INV_PHI * (b - a);
  let x2 = a + INV_PHI * (b - a);
  let f1 = nudgeDeltaC(trace, l, j, x1);
  let f2 = nudgeDeltaC(trace, l, j, x2);
  while (b - a > tol) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - INV_PHI * (b - a);
      f1 = nudgeDeltaC(trace, l, j, x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + INV_PHI * (b - a);
      f2 = nudgeDeltaC(trace, l, j, x2);
    }
  }
  let x = f1 <= f2 ? x1 : x2;
  let v = Math.min(f1, f2);
  if (fa < v) [x, v] = [lo, fa];
  if (fb < v) [x, v] = [hi, fb];
  return { x, v };
}

/**
 * What first-order information alone would do: Δz = −ε·sign(δ̄) at the neuron
 * with the largest |δ̄| (the first such neuron, scanning layer by layer).
 */
export function gradientDemon(trace: Trace, eps: number): NudgeResult {
  checkRun(trace);
  checkBudget(eps);
  let bl = 1;
  let bj = 0;
  let big = -1;
  for (let l = 1; l <= depth(trace.net); l++) {
    const bar = trace.deltaBar[l]!;
    for (let j = 0; j < bar.length; j++) {
      if (Math.abs(bar[j]!) > big) [bl, bj, big] = [l, j, Math.abs(bar[j]!)];
    }
  }
  const d = trace.deltaBar[bl]![bj]!;
  return nudge(trace, bl, bj, d > 0 ? -eps : d < 0 ? eps : 0);
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
