/**
 * Predict, then nudge: before a move the player commits the sign of ΔC and
 * its rough size, an order of magnitude; after it the prediction is scored
 * on its own, as calibration, against the exact ΔC. Knowing that
 * ΔC ≈ δΔz (and what δ is) is what makes a prediction good; a lucky move
 * does not.
 */

/** Which way C goes: down (ΔC < 0) or up (ΔC ≥ 0). */
export const PredictSign = { Down: 'down', Up: 'up' } as const;
export type PredictSign = (typeof PredictSign)[keyof typeof PredictSign];

/** |ΔC| by decade: below 10⁻³, 10⁻³–10⁻², 10⁻²–10⁻¹, 10⁻¹ and more. */
export const SIZE_EDGES = [1e-3, 1e-2, 1e-1] as const;
export const SIZES = [0, 1, 2, 3] as const;
export type PredictSize = (typeof SIZES)[number];

export interface Prediction {
  sign: PredictSign;
  size: PredictSize;
}

/** The decade |ΔC| falls in. */
export function sizeOf(deltaC: number): PredictSize {
  const a = Math.abs(deltaC);
  return a < SIZE_EDGES[0] ? 0 : a < SIZE_EDGES[1] ? 1 : a < SIZE_EDGES[2] ? 2 : 3;
}

export function signOf(deltaC: number): PredictSign {
  return deltaC < 0 ? PredictSign.Down : PredictSign.Up;
}

export interface PredictionScore {
  prediction: Prediction;
  deltaC: number;
  signRight: boolean;
  /** Decades between the predicted size and the actual one (0: right). */
  sizeOff: number;
  /**
   * Calibration, 0…100: 50 for the sign, 50 for the right decade (25 one
   * decade off, 0 further). A prediction is judged apart from the move's points.
   */
  score: number;
}

export function scorePrediction(p: Prediction, deltaC: number): PredictionScore {
  const signRight = p.sign === signOf(deltaC);
  const sizeOff = Math.abs(p.size - sizeOf(deltaC));
  const score = (signRight ? 50 : 0) + (sizeOff === 0 ? 50 : sizeOff === 1 ? 25 : 0);
  return { prediction: p, deltaC, signRight, sizeOff, score };
}

/** Mean calibration of several predictions (null for none). */
export function meanCalibration(scores: readonly PredictionScore[]): number | null {
  return scores.length ? scores.reduce((s, x) => s + x.score, 0) / scores.length : null;
}
