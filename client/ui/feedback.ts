import { type MessageKey, t } from '../i18n/index.ts';
import type { MoveMark, MoveResultView, NeuronRef } from '../state/playStore.ts';
import { magnitude, num, signed } from './format.ts';
import { bookLayer, bookNeuron, deltaText, weightText } from './notation.ts';

/** What the sentence may name besides the move itself. */
export interface FeedbackContext {
  /** The output layer's engine index, so the output reads δ^L. */
  L: number;
  /** The movable neuron with the largest |δ̄| and its δ̄, once the answer may be shown. */
  bigger?: (NeuronRef & { d: number }) | null;
}

function where(m: MoveMark, L: number): string {
  return m.k === undefined
    ? t('fb.atNeuron', { l: bookLayer(m.l), j: bookNeuron(m.j) })
    : weightText(m.l, m.j, m.k, L);
}

/**
 * The one sentence that says why a move scored as it did, with the equation it
 * rests on and its numbers filled in: "δ̄²₃ = +0.12, so ΔC ≈ δ̄Δz = +0.096
 * (actual +0.101). Nudge the other way."
 */
export function reasonText(r: MoveResultView, ctx: FeedbackContext): string {
  const { L } = ctx;
  const m = r.move;
  const best = r.best;
  const p: Record<string, string> = {
    dn: m.k === undefined ? deltaText(m.l, m.j, L, true) : '',
    d: signed(r.deltaBar),
    dz: signed(m.dz),
    p: signed(r.predicted),
    a: signed(m.deltaC),
    sp: num(r.sigmaPrime),
    bdz: best ? signed(best.dz) : '',
    bdc: best ? signed(best.deltaC) : '',
    bw: best ? where(best, L) : '',
  };
  if (r.reason === 'weight') {
    const key: MessageKey =
      m.dz !== 0 && Math.sign(m.dz) === Math.sign(r.deltaBar)
        ? 'reason.weightWrong'
        : 'reason.weight';
    return t(key, { ...p, wn: weightText(m.l, m.j, m.k ?? 0, L) });
  }
  const needsBest = ['overshoot', 'undershoot', 'curvature'].includes(r.reason);
  if (needsBest && !best) return t(`reason.${r.reason}Hidden` as MessageKey, p);
  if (r.reason === 'smallDelta') {
    const b = ctx.bigger;
    if (!b || (b.l === m.l && b.j === m.j)) return t('reason.smallDeltaHidden', p);
    return t('reason.smallDelta', { ...p, gn: deltaText(b.l, b.j, L, true), gabs: magnitude(b.d) });
  }
  return t(`reason.${r.reason}` as MessageKey, p);
}
