import {
  analyse,
  applyBiasNudge,
  bestWeightNudge,
  cloneNetwork,
  type NeuronRef,
  type Trace,
  weightNudge,
} from '#shared/engine/index';
import { movableNeurons } from '#shared/game/levels';
import { pointsFor, quality, type RoundKey, roundKey, scoreMove } from '#shared/game/scoring';
import type { MoveResultView, PlayStore } from '../state/playStore.ts';

/**
 * The solo judge: scores moves in the page with the same engine and scoring
 * the classroom server uses, so a level scores the same solo and in class.
 */
export class SoloJudge {
  private key: RoundKey | null = null;
  private keyTrace: Trace | null = null;

  constructor(private readonly store: PlayStore) {}

  /** The round key of the puzzle as it stands (recomputed after the network changed). */
  roundKey(): RoundKey {
    const s = this.store;
    if (!this.key || this.keyTrace !== s.trace) {
      this.key = roundKey(s.trace, s.eps, this.movable());
      this.keyTrace = s.trace;
    }
    return this.key;
  }

  /** The neurons the player may move: the best move is searched over these only. */
  private movable(): NeuronRef[] {
    return movableNeurons(this.store.network, this.store.allowedLayers);
  }

  /** Scores the store's Δz at its selected neuron. */
  judgeNeuron(): MoveResultView | null {
    const s = this.store;
    if (!s.selected) return null;
    const key = this.roundKey();
    const { l, j } = s.selected;
    const r = scoreMove(s.trace, key, l, j, s.dz);
    return {
      move: { l, j, dz: s.dz, deltaC: r.deltaC },
      predicted: r.predicted,
      deltaBar: r.deltaBar,
      sigmaPrime: r.sigmaPrime,
      best: { ...key.best },
      gradient: { ...key.gradient },
      quality: r.quality,
      points: r.points,
      reason: r.reason,
      sampleDeltaC: sampleDeltaC(s, l, j, s.dz),
    };
  }

  /** Scores the store's Δw on its selected weight against the best single-weight nudge (BP4). */
  judgeWeight(): MoveResultView | null {
    const s = this.store;
    const w = s.selectedWeight;
    if (!w) return null;
    const best = bestWeightNudge(s.trace, s.eps, this.movable());
    const r = weightNudge(s.trace, w.l, w.j, w.k, s.dz);
    const q = quality(r.deltaC, best.deltaC);
    return {
      move: { l: w.l, j: w.j, k: w.k, dz: s.dz, deltaC: r.deltaC },
      predicted: r.predicted,
      deltaBar: r.gradient,
      sigmaPrime: s.mean('sp', w.l, w.j),
      best: { l: best.l, j: best.j, k: best.k, dz: best.dw, deltaC: best.deltaC },
      gradient: null,
      quality: q,
      points: pointsFor(q, q < 0),
      reason: 'weight',
    };
  }
}

/** ΔC_x of each sample for the nudge b^l_j += Δz: a move that helps one sample can hurt another. */
export function sampleDeltaC(store: PlayStore, l: number, j: number, dz: number): number[] {
  const net = cloneNetwork(store.network);
  applyBiasNudge(net, l, j, dz);
  const after = analyse(net, store.batch).costs;
  return Array.from({ length: store.trace.n }, (_, x) => after[x]! - store.trace.costs[x]!);
}
