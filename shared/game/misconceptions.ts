import { depth, type NeuronRef, nudge, type Trace, weightNudge } from '#shared/engine/index';
import { formatNumber } from './concepts/generate.ts';
import { type Bilingual, MISCONCEPTIONS, Misconception } from './concepts/tags.ts';
import { MoveReason, type MoveScore } from './scoring.ts';

/**
 * Misconceptions read from a scored move, beyond its right sign and
 * saturation: what wrong idea of the chapter the move is evidence of. Pure:
 * the puzzle's run trace and the scored move in, tags and sentences out.
 * Engine indices inside (layer 0 = input); the sentences use the book's.
 */

/** The tags a Δz move can carry, each with its sentence. */
export type MoveTag =
  | typeof Misconception.AlongDelta
  | typeof Misconception.HiddenSignIgnored
  | typeof Misconception.LargeActivation
  | typeof Misconception.Overshoot;

/** A picked neuron's |δ̄| below this share of the largest counts as "not a large |δ|". */
export const SMALL_DELTA_SHARE = 0.5;
/** A weight's |∂C/∂w| below this share of the largest into the same neuron counts as an inactive input. */
export const INACTIVE_SHARE = 0.1;

function meanOf(arr: Float64Array, trace: Trace, l: number, j: number): number {
  const nl = trace.net.sizes[l]!;
  let s = 0;
  for (let x = 0; x < trace.n; x++) s += arr[x * nl + j]!;
  return s / trace.n;
}

function allNeurons(trace: Trace): NeuronRef[] {
  const out: NeuronRef[] = [];
  for (let l = 1; l <= depth(trace.net); l++) {
    for (let j = 0; j < trace.net.sizes[l]!; j++) out.push({ l, j });
  }
  return out;
}

/** Σ_i δ̄^{l+1}_i: the sign a player gets who reads the next layer's δ as if w were not there. */
function nextLayerDeltaSum(trace: Trace, l: number): number {
  const bar = trace.deltaBar[l + 1]!;
  let s = 0;
  for (let i = 0; i < bar.length; i++) s += bar[i]!;
  return s;
}

/** A step half as long along the same line did better: the move went past the bend (ΔC is not δΔz here). */
function overshot(trace: Trace, move: MoveScore): boolean {
  if (!move.rightSign) return false;
  const half = nudge(trace, move.l, move.j, move.dz / 2).deltaC;
  return half < move.deltaC - Math.max(1e-12, 1e-9 * Math.abs(move.deltaC));
}

/**
 * The misconceptions a Δz move shows, in the order of the tags' list:
 * - hiddenSignIgnored: a hidden neuron moved with the sign the next layer's δ
 *   would give if w did not count, which is the wrong sign (BP2's sign comes through w);
 * - alongDelta: any other move with the sign of δ̄;
 * - largeActivation: the movable neuron with the largest mean activation,
 *   whose |δ̄| is below half the largest movable |δ̄|;
 * - overshoot: the right sign, but half the step would have lowered C more.
 */
export function moveMisconceptions(
  trace: Trace,
  move: MoveScore,
  movable: readonly NeuronRef[] = allNeurons(trace),
): MoveTag[] {
  // A move as good as the best one shows no misconception, whatever neuron it took.
  if (move.reason === MoveReason.Best) return [];
  const tags = new Set<MoveTag>();
  const { l, j, dz, deltaBar } = move;
  const L = depth(trace.net);
  if (dz !== 0 && deltaBar !== 0 && !move.rightSign) {
    const s = l < L ? nextLayerDeltaSum(trace, l) : 0;
    if (s !== 0 && Math.sign(dz) === -Math.sign(s)) tags.add(Misconception.HiddenSignIgnored);
    else tags.add(Misconception.AlongDelta);
  }
  if (movable.length > 1 && dz !== 0) {
    let maxA = Number.NEGATIVE_INFINITY;
    let maxD = 0;
    for (const n of movable) {
      if (n.l === l && n.j === j) continue;
      maxA = Math.max(maxA, meanOf(trace.a[n.l]!, trace, n.l, n.j));
      maxD = Math.max(maxD, Math.abs(trace.deltaBar[n.l]![n.j]!));
    }
    const a = meanOf(trace.a[l]!, trace, l, j);
    if (a > maxA && Math.abs(deltaBar) < SMALL_DELTA_SHARE * maxD) {
      tags.add(Misconception.LargeActivation);
    }
  }
  if (overshot(trace, move)) tags.add(Misconception.Overshoot);
  return MISCONCEPTIONS.filter((t): t is MoveTag => tags.has(t as MoveTag));
}

/** A weight move (BP4 levels): w^l_jk += Δw, engine indices. */
export interface WeightMove {
  l: number;
  j: number;
  k: number;
  dw: number;
}

/**
 * weightIgnoresActivation: the move followed −δ̄_j's sign where
 * ∂C/∂w = mean(a_k δ_j) has the other (a_k flipped it), or it moved a
 * weight whose input is inactive (|∂C/∂w| under a tenth of the best weight
 * into the same neuron) while another input of that neuron was active.
 */
export function weightMoveMisconceptions(trace: Trace, move: WeightMove): Misconception[] {
  const { l, j, k, dw } = move;
  if (dw === 0) return [];
  const g = weightNudge(trace, l, j, k, 0).gradient;
  const d = trace.deltaBar[l]![j]!;
  const followedDelta = d !== 0 && Math.sign(dw) === -Math.sign(d);
  if (followedDelta && g !== 0 && Math.sign(dw) === Math.sign(g)) {
    return [Misconception.WeightIgnoresActivation];
  }
  let best = 0;
  for (let m = 0; m < trace.net.sizes[l - 1]!; m++) {
    best = Math.max(best, Math.abs(weightNudge(trace, l, j, m, 0).gradient));
  }
  if (best > 0 && Math.abs(g) < INACTIVE_SHARE * best)
    return [Misconception.WeightIgnoresActivation];
  if (g !== 0 && Math.sign(dw) === Math.sign(g)) return [Misconception.AlongDelta];
  return [];
}

const n = (x: number) => formatNumber(x);
const s = (x: number) => formatNumber(x, true);

/**
 * One sentence per tag, both languages, with the equation that corrects it
 * and this round's numbers (book numbering: layer l + 1, neuron j + 1).
 */
export function explainMove(tag: MoveTag, trace: Trace, move: MoveScore): Bilingual {
  const { l, j, dz, deltaBar: d } = move;
  const dd = `\\delta^{${l + 1}}_{${j + 1}}`;
  switch (tag) {
    case Misconception.AlongDelta:
      return {
        en: `$${dd} = ${s(d)}$ and $\\Delta z = ${s(dz)}$, so $\\Delta C \\approx \\delta\\Delta z = ${s(d * dz)}$: the cost rises. Nudge against the sign of δ: $\\Delta z = ${s(-dz)}$.`,
        zh: `$${dd} = ${s(d)}$，$\\Delta z = ${s(dz)}$，所以 $\\Delta C \\approx \\delta\\Delta z = ${s(d * dz)}$：代价上升。要逆着 δ 的符号推：$\\Delta z = ${s(-dz)}$。`,
      };
    case Misconception.HiddenSignIgnored: {
      const w = trace.net.w[l + 1]!;
      const nl = trace.net.sizes[l]!;
      const next = trace.deltaBar[l + 1]!;
      let sum = 0;
      for (let i = 0; i < next.length; i++) sum += w[i * nl + j]! * next[i]!;
      const sp = meanOf(trace.sp[l]!, trace, l, j);
      const bp2 = `${dd} = ((w^{${l + 2}})^T \\delta^{${l + 2}})_{${j + 1}}\\,\\sigma'(z^{${l + 1}}_{${j + 1}}) \\approx ${s(sum)} \\cdot ${n(sp)} = ${s(d)}`;
      return {
        en: `BP2: $${bp2}$. The sign comes through $w$: the next layer's δ alone points the wrong way. Nudge $\\Delta z = ${s(-dz)}$.`,
        zh: `BP2：$${bp2}$。符号要经过 $w$：只看下一层的 δ 会推错方向。应推 $\\Delta z = ${s(-dz)}$。`,
      };
    }
    case Misconception.LargeActivation: {
      const a = meanOf(trace.a[l]!, trace, l, j);
      return {
        en: `$a^{${l + 1}}_{${j + 1}} = ${n(a)}$ is large, but $\\Delta C \\approx \\delta\\Delta z$ depends on δ, not a: here $|${dd}| = ${n(Math.abs(d))}$. Pick the largest $|\\delta|$.`,
        zh: `$a^{${l + 1}}_{${j + 1}} = ${n(a)}$ 很大，但 $\\Delta C \\approx \\delta\\Delta z$ 取决于 δ 而不是 a：这里 $|${dd}| = ${n(Math.abs(d))}$。要挑 $|\\delta|$ 最大的。`,
      };
    }
    case Misconception.Overshoot: {
      const half = nudge(trace, l, j, dz / 2).deltaC;
      return {
        en: `$\\Delta C \\approx \\delta\\Delta z = ${s(move.predicted)}$ holds only near $\\Delta z = 0$: $\\Delta z = ${s(dz)}$ gave $\\Delta C = ${s(move.deltaC)}$, half of it $${s(half)}$. The curve bends back up: take a shorter step.`,
        zh: `$\\Delta C \\approx \\delta\\Delta z = ${s(move.predicted)}$ 只在 $\\Delta z = 0$ 附近成立：$\\Delta z = ${s(dz)}$ 得到 $\\Delta C = ${s(move.deltaC)}$，一半的步长得到 $${s(half)}$。曲线会弯回去：步子要小一些。`,
      };
    }
  }
}

/** The sentence for a weight move's tag: BP4 with the round's a_k and δ_j. */
export function explainWeightMove(trace: Trace, move: WeightMove): Bilingual {
  const { l, j, k } = move;
  const g = weightNudge(trace, l, j, k, 0).gradient;
  const a = meanOf(trace.a[l - 1]!, trace, l - 1, k);
  const d = trace.deltaBar[l]![j]!;
  const bp4 = `\\partial C/\\partial w^{${l + 1}}_{${j + 1}${k + 1}} = \\overline{a^{${l}}_{${k + 1}}\\delta^{${l + 1}}_{${j + 1}}} = ${s(g)}`;
  return {
    en: `BP4: $${bp4}$, with $\\bar a^{${l}}_{${k + 1}} = ${n(a)}$ and $\\bar\\delta^{${l + 1}}_{${j + 1}} = ${s(d)}$: the input $a_k$ sets the size and can flip the sign. Move $\\Delta w$ against the sign of $a_k\\delta_j$.`,
    zh: `BP4：$${bp4}$，其中 $\\bar a^{${l}}_{${k + 1}} = ${n(a)}$，$\\bar\\delta^{${l + 1}}_{${j + 1}} = ${s(d)}$：输入 $a_k$ 决定大小，也可能翻转符号。要逆着 $a_k\\delta_j$ 的符号调 $\\Delta w$。`,
  };
}

/** The class's most common tag this round, by count (ties: the tags' list order), with its share of the moves. */
export function commonMisconception(
  moves: readonly { tags: readonly Misconception[] }[],
): { tag: Misconception; count: number; share: number } | null {
  const count = new Map<Misconception, number>();
  for (const m of moves) for (const t of new Set(m.tags)) count.set(t, (count.get(t) ?? 0) + 1);
  let best: Misconception | null = null;
  for (const t of MISCONCEPTIONS) {
    if ((count.get(t) ?? 0) > (best ? count.get(best)! : 0)) best = t;
  }
  if (!best) return null;
  const c = count.get(best)!;
  return { tag: best, count: c, share: c / moves.length };
}
