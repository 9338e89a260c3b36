import type { MoveReason } from '#shared/game/scoring';

/** What the play view's store holds and the judges hand it: plain data, no behaviour. */

export interface NeuronRef {
  l: number;
  j: number;
}
export interface WeightRef extends NeuronRef {
  k: number;
}

/** A move shown on the network: Δz at neuron (l, j), or Δw on weight (l, j, k) when k is set. */
export interface MoveMark {
  l: number;
  j: number;
  k?: number;
  dz: number;
  deltaC: number;
}

/** What the play view shows after a move: everything comes from the judge (solo engine or server). */
export interface MoveResultView {
  move: MoveMark;
  predicted: number;
  /** δ̄ of the neuron moved, or ∂C/∂w of the weight moved. */
  deltaBar: number;
  sigmaPrime: number;
  /** Null in a class round before the reveal: the server holds it back. */
  best: MoveMark | null;
  gradient: MoveMark | null;
  quality: number;
  points: number;
  reason: MoveReason | 'weight';
  /** ΔC_x of each sample, when known. */
  sampleDeltaC?: number[];
}

export const PickMode = { Neuron: 'neuron', Weight: 'weight' } as const;
export type PickMode = (typeof PickMode)[keyof typeof PickMode];

/** Animation the view plays: the forward pass, then δ flowing back. */
export interface Pulse {
  kind: 'forward' | 'backward';
  start: number;
}
