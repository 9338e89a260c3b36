import { check, EngineErrorCode } from './errors.ts';
import { depth } from './network.ts';
import type { NudgeResult } from './nudge.ts';
import { gradientDemon, type NeuronRef } from './search.ts';
import type { Trace } from './trace.ts';

/**
 * The backward pass told as a sequence of steps, each with the numbers its
 * equation needs, read from a run trace: the forward pass layer by layer
 * (eq. 1–3), δ^L at the output (BP1), δ^l from w^{l+1} and δ^{l+1} for every
 * layer back to the first hidden one (BP2), then ∂C/∂b (BP3) and ∂C/∂w (BP4),
 * and last the demon's nudge that uses them. A view walks through the list;
 * it only typesets these numbers, it never computes one.
 *
 * Every number is a batch mean over the trace's samples: for a trace of one
 * sample it is that sample's own value, so one function serves "one sample"
 * and "the batch mean" alike.
 */
export const PassKind = {
  Forward: 'forward',
  Output: 'bp1',
  Back: 'bp2',
  Bias: 'bp3',
  Weight: 'bp4',
  Demon: 'demon',
} as const;
export type PassKind = (typeof PassKind)[keyof typeof PassKind];

/** z^l = w^l a^{l−1} + b^l and a^l = σ(z^l) (eq. 2–3) for layer l. */
export interface ForwardStep {
  kind: 'forward';
  l: number;
  /** z̄^l_j; z is linear in a^{l−1}, so z̄ = w ā^{l−1} + b exactly. */
  z: number[];
  /** ā^l_j = (1/n) Σ_x σ(z^l_j(x)). */
  a: number[];
  /** ā^{l−1}_k, what the layer weighs (the batch's x for the first layer). */
  inputs: number[];
  /** The neuron the equation is written out for: the layer's largest |δ̄|. */
  focus: number;
}

/** δ^L = ∇_a C ⊙ σ'(z^L) (BP1). */
export interface OutputStep {
  kind: 'bp1';
  l: number;
  a: number[];
  y: number[];
  /** σ'(z^L_j), its batch mean. */
  sp: number[];
  /** δ̄^L_j = (1/n) Σ_x δ^L_j(x). */
  delta: number[];
  focus: number;
}

/** δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ'(z^l) (BP2). */
export interface BackStep {
  kind: 'bp2';
  l: number;
  /** ((w^{l+1})ᵀ δ^{l+1})_j = Σ_k w^{l+1}_kj δ^{l+1}_k, its batch mean: what flows back along the edges. */
  wd: number[];
  sp: number[];
  delta: number[];
  focus: number;
}

/** ∂C/∂b^l_j = δ^l_j (BP3), for every layer l ≥ 1 (index 0 is empty). */
export interface BiasStep {
  kind: 'bp3';
  nablaB: number[][];
  /** The largest |∂C/∂b|: where a demon's Δz does most. */
  focus: NeuronRef;
}

/** ∂C/∂w^l_jk = a^{l−1}_k δ^l_j (BP4), for every layer, w-shaped: nablaW[l][j·n_{l−1} + k]. */
export interface WeightStep {
  kind: 'bp4';
  nablaW: number[][];
  /** ā^{l−1}_k of the focused weight's input (its batch mean), beside δ̄^l_j. */
  aIn: number;
  /** δ̄^l_j of the focused weight's neuron. */
  delta: number;
  focus: NeuronRef & { k: number };
}

/** The gradient demon at work: Δz = −ε·sign(δ̄) where |δ̄| is largest, with the exact ΔC. */
export interface DemonStep {
  kind: 'demon';
  move: NudgeResult;
  /** δ̄^l_j of the neuron it nudges, the slope of its first-order guess. */
  delta: number;
  /** C before the nudge. */
  cost: number;
}

export type PassStep = ForwardStep | OutputStep | BackStep | BiasStep | WeightStep | DemonStep;

/** (1/n) Σ_x field[x·n_l + j] for each neuron j of the layer. */
function layerMean(field: Float64Array, nl: number, n: number): number[] {
  const out = new Array<number>(nl).fill(0);
  for (let x = 0; x < n; x++) for (let j = 0; j < nl; j++) out[j]! += field[x * nl + j]!;
  return out.map((v) => v / n);
}

function argMaxAbs(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[best]!)) best = i;
  return best;
}

/**
 * The steps of one forward and backward pass of the trace, in the order the
 * chapter derives them: L forward steps, BP1, L − 1 steps of BP2, BP3, BP4,
 * the demon. `eps` is the demon's budget; `movable` the neurons it may use.
 */
export function passSteps(trace: Trace, eps: number, movable?: readonly NeuronRef[]): PassStep[] {
  trace.checkFresh('walk through its pass');
  const { net, n } = trace;
  const L = depth(net);
  check(L >= 1, EngineErrorCode.BadArgument, 'a pass needs at least one layer of weights');
  trace.gradients();
  const sizes = net.sizes;
  const dBar = (l: number) => Array.from(trace.deltaBar[l]!);
  const steps: PassStep[] = [];
  for (let l = 1; l <= L; l++) {
    const nl = sizes[l]!;
    steps.push({
      kind: 'forward',
      l,
      z: layerMean(trace.z[l]!, nl, n),
      a: layerMean(trace.a[l]!, nl, n),
      inputs: layerMean(trace.a[l - 1]!, sizes[l - 1]!, n),
      focus: argMaxAbs(trace.deltaBar[l]!),
    });
  }
  const nL = sizes[L]!;
  steps.push({
    kind: 'bp1',
    l: L,
    a: layerMean(trace.a[L]!, nL, n),
    y: layerMean(trace.y, nL, n),
    sp: layerMean(trace.sp[L]!, nL, n),
    delta: dBar(L),
    focus: argMaxAbs(trace.deltaBar[L]!),
  });
  for (let l = L - 1; l >= 1; l--) {
    const nl = sizes[l]!;
    const nNext = sizes[l + 1]!;
    const w = net.w[l + 1]!;
    const dNext = trace.delta[l + 1]!;
    const wd = new Array<number>(nl).fill(0);
    for (let x = 0; x < n; x++) {
      for (let j = 0; j < nl; j++) {
        let s = 0;
        for (let k = 0; k < nNext; k++) s += w[k * nl + j]! * dNext[x * nNext + k]!;
        wd[j]! += s;
      }
    }
    steps.push({
      kind: 'bp2',
      l,
      wd: wd.map((v) => v / n),
      sp: layerMean(trace.sp[l]!, nl, n),
      delta: dBar(l),
      focus: argMaxAbs(trace.deltaBar[l]!),
    });
  }
  const nablaB: number[][] = [[]];
  let bFocus: NeuronRef = { l: 1, j: 0 };
  const nablaW: number[][] = [[]];
  let wFocus = { l: 1, j: 0, k: 0 };
  for (let l = 1; l <= L; l++) {
    nablaB.push(dBar(l));
    const j = argMaxAbs(trace.deltaBar[l]!);
    if (Math.abs(trace.deltaBar[l]![j]!) > Math.abs(nablaB[bFocus.l]![bFocus.j]!))
      bFocus = { l, j };
    const g = trace.nablaW[l]!;
    nablaW.push(Array.from(g));
    const i = argMaxAbs(g);
    const nIn = sizes[l - 1]!;
    const at = wFocus.j * sizes[wFocus.l - 1]! + wFocus.k;
    if (l === 1 || Math.abs(g[i]!) > Math.abs(nablaW[wFocus.l]![at]!))
      wFocus = { l, j: Math.floor(i / nIn), k: i % nIn };
  }
  steps.push({ kind: 'bp3', nablaB, focus: bFocus });
  const aIn = layerMean(trace.a[wFocus.l - 1]!, sizes[wFocus.l - 1]!, n)[wFocus.k]!;
  steps.push({
    kind: 'bp4',
    nablaW,
    aIn,
    delta: trace.deltaBar[wFocus.l]![wFocus.j]!,
    focus: wFocus,
  });
  const move = gradientDemon(trace, eps, movable);
  steps.push({ kind: 'demon', move, delta: trace.deltaBar[move.l]![move.j]!, cost: trace.cost });
  return steps;
}
