import { check, describeValue, EngineError, EngineErrorCode } from './errors.ts';
import { checkNeuron, depth, MAX_NUDGE } from './network.ts';
import { type NudgeResult, nudge, shiftedDeltaC } from './nudge.ts';
import { SlopeScratch, slopeBounds } from './slope.ts';
import { Trace } from './trace.ts';

/** A neuron the player may move, in engine indices (layer 1…L, neuron from 0). */
export interface NeuronRef {
  l: number;
  j: number;
}

/** The best move with its certificate: no move allowed beats deltaC by more than deltaC − lowerBound. */
export interface CertifiedNudge extends NudgeResult {
  /** A proven lower bound on ΔC over every allowed neuron and Δz ∈ [−ε, ε]. */
  lowerBound: number;
}

export interface CertifiedWeightNudge {
  l: number;
  j: number;
  k: number;
  dw: number;
  deltaC: number;
  lowerBound: number;
}

/** How far a certified best may lie above the true minimum: max(1e−12, 1e−9·|ΔC_best|). */
export function searchTolerance(best: number): number {
  // A NaN or infinite ΔC never reaches here from the engine; answer the floor rather than NaN.
  return Number.isFinite(best) ? Math.max(1e-12, 1e-9 * Math.abs(best)) : 1e-12;
}

/**
 * Pieces the branch and bound may split before it stops with the bound it has: a bound on
 * one search's work whatever the settings (the largest classroom network, [25,32,32,32,32,10]
 * with 64 samples at ε = 10, needs under 2,000). lowerBound then says how far it got.
 */
export const MAX_SEARCH_BOXES = 20_000;

function checkBudget(eps: number): void {
  if (!(typeof eps === 'number' && Number.isFinite(eps) && eps > 0 && eps <= MAX_NUDGE)) {
    throw new EngineError(
      EngineErrorCode.BadBudget,
      `the budget ε must be a finite number above 0 and at most ${MAX_NUDGE}, got ${describeValue(eps)}`,
    );
  }
}

function checkRun(trace: Trace): void {
  check(trace instanceof Trace, EngineErrorCode.BadArgument, 'trace must be a Trace');
  trace.checkFresh('search for the best move');
}

/** Every neuron of layers 1…L, or the given ones after checking them. */
function resolveMovable(trace: Trace, movable?: readonly NeuronRef[]): NeuronRef[] {
  if (movable) {
    check(
      Array.isArray(movable) && movable.length > 0,
      EngineErrorCode.BadArgument,
      'movable must list at least one neuron',
    );
    for (const m of movable) {
      check(
        typeof m === 'object' && m !== null,
        EngineErrorCode.BadNeuron,
        'movable lists { l, j }',
      );
      checkNeuron(trace.net, m.l, m.j);
    }
    return [...movable];
  }
  const all: NeuronRef[] = [];
  for (let l = 1; l <= depth(trace.net); l++)
    for (let j = 0; j < trace.net.sizes[l]!; j++) all.push({ l, j });
  return all;
}

/** One line of moves: z^l_j(x_s) += t·c_s (see slope.ts); k = −1 for a neuron nudge. */
interface Line {
  l: number;
  j: number;
  k: number;
  c: Float64Array;
}

/** A piece [a, b] of a line with ΔC at its ends and a lower bound of ΔC inside. */
interface Box {
  line: Line;
  a: number;
  b: number;
  fa: number;
  fb: number;
  lb: number;
}

/** Exact ΔC at t along a line: every sample forwarded again from layer l. */
function deltaCAt(trace: Trace, line: Line, t: number): number {
  if (t === 0) return 0;
  const shift = trace.dz;
  for (let s = 0; s < trace.n; s++) shift[s] = t * line.c[s]!;
  return shiftedDeltaC(trace, line.l, line.j);
}

/**
 * The least ΔC on [a, b] can be, given ΔC(a), ΔC(b) and slope bounds [g0, g1]:
 * ΔC(t) ≥ ΔC(a) + g0(t − a) and ΔC(t) ≥ ΔC(b) − g1(b − t); the two lines meet at the bound.
 */
function lowerBoundOn(a: number, b: number, fa: number, fb: number, g0: number, g1: number) {
  if (g0 >= 0) return fa;
  if (g1 <= 0) return fb;
  let t = (fa - fb - g0 * a + g1 * b) / (g1 - g0);
  if (!(t >= a)) t = a;
  if (t > b) t = b;
  return Math.min(fa + g0 * (t - a), fb - g1 * (b - t), fa, fb);
}

/** A binary min-heap of boxes by lower bound. */
class BoxHeap {
  private items: Box[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Box | undefined {
    return this.items[0];
  }
  push(box: Box): void {
    const h = this.items;
    h.push(box);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p]!.lb <= box.lb) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = box;
  }
  pop(): Box | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const c = r < h.length && h[r]!.lb < h[l]!.lb ? r : l;
        if (h[c]!.lb >= last.lb) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

interface SearchResult {
  line: Line;
  t: number;
  deltaC: number;
  lowerBound: number;
}

/**
 * The global minimum of ΔC over the lines and t ∈ [−ε, ε], by branch and
 * bound. Each piece of a line carries a lower bound built from the exact ΔC at
 * its ends and an interval enclosure of the slope inside it (slope.ts); the
 * piece with the lowest bound is split at its middle, whose exact ΔC may
 * improve the best move found. The search ends when no piece's bound lies
 * more than the tolerance below the best found: that is the certificate.
 */
function certifiedMinimum(trace: Trace, lines: Line[], eps: number): SearchResult {
  const scratch = new SlopeScratch(trace);
  const g = new Float64Array(2);
  let best: SearchResult = { line: lines[0]!, t: 0, deltaC: 0, lowerBound: 0 };
  // The ends of every line first: a good best early prunes most lines at once.
  const ends: number[] = [];
  for (const line of lines) {
    const fa = deltaCAt(trace, line, -eps);
    const fb = deltaCAt(trace, line, eps);
    ends.push(fa, fb);
    if (fa < best.deltaC) best = { ...best, line, t: -eps, deltaC: fa };
    if (fb < best.deltaC) best = { ...best, line, t: eps, deltaC: fb };
  }
  const heap = new BoxHeap();
  // The least bound of every piece set aside: with the best found, the certificate.
  let floor = Number.POSITIVE_INFINITY;
  const consider = (line: Line, a: number, b: number, fa: number, fb: number) => {
    slopeBounds(scratch, line.l, line.j, line.c, a, b, g);
    const lb = lowerBoundOn(a, b, fa, fb, g[0]!, g[1]!);
    if (lb < best.deltaC - searchTolerance(best.deltaC)) heap.push({ line, a, b, fa, fb, lb });
    else floor = Math.min(floor, lb);
  };
  lines.forEach((line, i) => {
    // One pass bounds the slope over all of [−ε, ε]; with ΔC(0) = 0 known, each half gets a
    // bound from it, and most lines are ruled out here without a second pass.
    const fa = ends[2 * i]!;
    const fb = ends[2 * i + 1]!;
    slopeBounds(scratch, line.l, line.j, line.c, -eps, eps, g);
    const lb = Math.min(
      lowerBoundOn(-eps, 0, fa, 0, g[0]!, g[1]!),
      lowerBoundOn(0, eps, 0, fb, g[0]!, g[1]!),
    );
    if (lb < best.deltaC - searchTolerance(best.deltaC))
      heap.push({ line, a: -eps, b: eps, fa, fb, lb });
    else floor = Math.min(floor, lb);
  });
  let boxes = 0;
  for (;;) {
    const box = heap.peek();
    if (!box || box.lb >= best.deltaC - searchTolerance(best.deltaC)) break;
    if (boxes >= MAX_SEARCH_BOXES) break;
    heap.pop();
    boxes++;
    const m = 0.5 * (box.a + box.b);
    if (!(m > box.a && m < box.b)) {
      // No float between the ends: the piece cannot be split further.
      floor = Math.min(floor, box.lb);
      continue;
    }
    const fm = deltaCAt(trace, box.line, m);
    if (fm < best.deltaC) best = { ...best, line: box.line, t: m, deltaC: fm };
    consider(box.line, box.a, m, box.fa, fm);
    consider(box.line, m, box.b, fm, box.fb);
  }
  const open = heap.peek();
  if (open) floor = Math.min(floor, open.lb);
  return { ...best, lowerBound: Math.min(best.deltaC, floor) };
}

const onesCache = new WeakMap<Trace, Float64Array>();

function ones(trace: Trace): Float64Array {
  let c = onesCache.get(trace);
  if (!c) {
    c = new Float64Array(trace.capacity).fill(1);
    onesCache.set(trace, c);
  }
  return c;
}

/**
 * The best move under the budget: the global minimum of ΔC over the movable
 * neurons (all of layers 1…L by default) and Δz ∈ [−ε, ε], exact (no
 * linearisation) and certified: no allowed move beats it by more than
 * max(1e−12, 1e−9·|ΔC|), whatever the activations, cost, weights or ε.
 * The certificate is returned as lowerBound. Where no move lowers the cost,
 * the best move is Δz = 0 at the first movable neuron.
 */
export function bestNudge(
  trace: Trace,
  eps: number,
  movable?: readonly NeuronRef[],
): CertifiedNudge {
  checkRun(trace);
  checkBudget(eps);
  const c = ones(trace);
  const lines = resolveMovable(trace, movable).map(({ l, j }) => ({ l, j, k: -1, c }));
  const r = certifiedMinimum(trace, lines, eps);
  const { l, j } = r.line;
  return {
    l,
    j,
    dz: r.t,
    deltaC: r.deltaC,
    predicted: trace.deltaBar[l]![j]! * r.t,
    lowerBound: r.lowerBound,
  };
}

/**
 * The best single weight change Δw ∈ [−ε, ε] on any weight into the movable
 * neurons (BP4 levels), certified like bestNudge: z^l_j(x) moves by Δw·a^{l−1}_k(x).
 */
export function bestWeightNudge(
  trace: Trace,
  eps: number,
  movable?: readonly NeuronRef[],
): CertifiedWeightNudge {
  checkRun(trace);
  checkBudget(eps);
  const lines: Line[] = [];
  for (const { l, j } of resolveMovable(trace, movable)) {
    const nIn = trace.net.sizes[l - 1]!;
    for (let k = 0; k < nIn; k++) {
      const c = new Float64Array(trace.n);
      for (let s = 0; s < trace.n; s++) c[s] = trace.a[l - 1]![s * nIn + k]!;
      lines.push({ l, j, k, c });
    }
  }
  const r = certifiedMinimum(trace, lines, eps);
  return { ...r.line, dw: r.t, deltaC: r.deltaC, lowerBound: r.lowerBound };
}

/**
 * What first-order information alone would do: Δz = −ε·sign(δ̄) at the movable
 * neuron with the largest |δ̄| (the first such neuron, scanning layer by layer).
 */
export function gradientDemon(
  trace: Trace,
  eps: number,
  movable?: readonly NeuronRef[],
): NudgeResult {
  checkRun(trace);
  checkBudget(eps);
  let pick: NeuronRef = { l: 1, j: 0 };
  let big = -1;
  for (const m of resolveMovable(trace, movable)) {
    const g = Math.abs(trace.deltaBar[m.l]![m.j]!);
    if (g > big) [pick, big] = [m, g];
  }
  const d = trace.deltaBar[pick.l]![pick.j]!;
  return nudge(trace, pick.l, pick.j, d > 0 ? -eps : d < 0 ? eps : 0);
}
