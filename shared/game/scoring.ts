import {
  bestNudge,
  gradientDemon,
  type NeuronRef,
  type NudgeResult,
  nudge,
  searchTolerance,
  type Trace,
} from '#shared/engine/index';

/** A neuron counts as saturated ("asleep") when its batch-mean σ'(z) is below this (sigmoid's peak is 0.25). */
export const SATURATION_THRESHOLD = 0.02;
/** A neuron whose |δ̄| is at least this share of the largest counts as a largest-|δ̄| pick. */
export const LARGEST_DELTA_SHARE = 0.99;
/** Points for a move as good as the best possible one. */
export const MAX_POINTS = 1000;

/** Why a move scored as it did: one code, one sentence in each language on the client. */
export const MoveReason = {
  Best: 'best',
  WrongSign: 'wrongSign',
  Saturated: 'saturated',
  SmallDelta: 'smallDelta',
  Overshoot: 'overshoot',
  Undershoot: 'undershoot',
  /** The largest |δ̄| with the right sign, yet the best move is elsewhere: ΔC is not linear over this budget. */
  Curvature: 'curvature',
  NoMove: 'noMove',
} as const;
export type MoveReason = (typeof MoveReason)[keyof typeof MoveReason];

/** What the round knows before anyone moves: computed once per puzzle. */
export interface RoundKey {
  /** The certified best move over the neurons the player may move. */
  best: NudgeResult;
  gradient: NudgeResult;
  /** The largest |δ̄| among the neurons the player may move. */
  maxAbsDelta: number;
}

/** The round's answers, searched over the neurons the player may move (every neuron by default). */
export function roundKey(trace: Trace, eps: number, movable?: readonly NeuronRef[]): RoundKey {
  const best = bestNudge(trace, eps, movable);
  const gradient = gradientDemon(trace, eps, movable);
  return {
    best: { l: best.l, j: best.j, dz: best.dz, deltaC: best.deltaC, predicted: best.predicted },
    gradient,
    maxAbsDelta: Math.abs(trace.deltaBar[gradient.l]![gradient.j]!),
  };
}

export interface MoveScore extends NudgeResult {
  /** δ̄^l_j of the neuron moved. */
  deltaBar: number;
  /** Batch mean of σ'(z^l_j). */
  sigmaPrime: number;
  /** q = ΔC_move / ΔC_best: 1 is the best possible move, negative raised the cost. */
  quality: number;
  points: number;
  /** The move raised the cost. */
  wrongWay: boolean;
  /** Δz had the sign of −δ̄. */
  rightSign: boolean;
  saturated: boolean;
  reason: MoveReason;
}

export interface SpeedRule {
  /** Seconds the player took. */
  elapsed: number;
  /** Seconds the round allowed. */
  limit: number;
}

/** Kahoot's rule: 1 − t/(2T), from 1 for an instant answer to ½ at the buzzer. */
export function speedFactor(rule: SpeedRule | undefined): number {
  if (!rule || !(rule.limit > 0)) return 1;
  const t = Math.min(Math.max(rule.elapsed, 0), rule.limit);
  return 1 - t / (2 * rule.limit);
}

/**
 * q = clamp(ΔC_move / ΔC_best, −1, 1): 1 is as good as the best possible move,
 * negative raised the cost, never below −1 (an overshoot near a minimum would
 * otherwise be worth −100). Where no move lowers the cost by more than the
 * search's tolerance, any move that does not raise it is perfect.
 */
export function quality(deltaC: number, bestDeltaC: number): number {
  const tol = searchTolerance(bestDeltaC);
  if (!(bestDeltaC < -tol)) return deltaC <= tol ? 1 : -1;
  return Math.min(1, Math.max(-1, deltaC / bestDeltaC));
}

/** points = round(1000 · clamp(q, 0, 1) · speed factor); a move that raises the cost scores 0. */
export function pointsFor(q: number, wrongWay: boolean, speed = 1): number {
  if (wrongWay) return 0;
  return Math.round(MAX_POINTS * Math.min(Math.max(q, 0), 1) * speed);
}

function meanSigmaPrime(trace: Trace, l: number, j: number): number {
  const nl = trace.net.sizes[l]!;
  let s = 0;
  for (let x = 0; x < trace.n; x++) s += trace.sp[l]![x * nl + j]!;
  return s / trace.n;
}

/**
 * Scores the move (l, j, Δz) on a run trace against the round's key. The
 * caller has checked |Δz| ≤ ε; the engine checks l, j and finiteness.
 */
export function scoreMove(
  trace: Trace,
  key: RoundKey,
  l: number,
  j: number,
  dz: number,
  speed?: SpeedRule,
): MoveScore {
  const move = nudge(trace, l, j, dz);
  const deltaBar = trace.deltaBar[l]![j]!;
  const sp = meanSigmaPrime(trace, l, j);
  const q = quality(move.deltaC, key.best.deltaC);
  const wrongWay = move.deltaC > searchTolerance(key.best.deltaC);
  const rightSign = dz !== 0 && deltaBar !== 0 && Math.sign(dz) === -Math.sign(deltaBar);
  const saturated = sp < SATURATION_THRESHOLD;
  return {
    ...move,
    deltaBar,
    sigmaPrime: sp,
    quality: q,
    points: pointsFor(q, wrongWay, speedFactor(speed)),
    wrongWay,
    rightSign,
    saturated,
    reason: reasonFor(move, key, deltaBar, rightSign, saturated, q),
  };
}

/** The one thing the player most needs to hear about a move. */
function reasonFor(
  move: NudgeResult,
  key: RoundKey,
  deltaBar: number,
  rightSign: boolean,
  saturated: boolean,
  q: number,
): MoveReason {
  if (move.dz === 0) return MoveReason.NoMove;
  if (q >= 0.99) return MoveReason.Best;
  // δ̄ = 0 has no sign to get wrong: the neuron is asleep or nothing downstream listens.
  if (deltaBar === 0) return saturated ? MoveReason.Saturated : MoveReason.SmallDelta;
  if (!rightSign) return MoveReason.WrongSign;
  // The right sign and still the cost rose: the step went past the minimum along this neuron.
  if (move.deltaC > 0) return MoveReason.Overshoot;
  if (saturated) return MoveReason.Saturated;
  if (move.l !== key.best.l || move.j !== key.best.j) {
    // Only a clearly larger |δ̄| counts as "another neuron was the bigger lever".
    return Math.abs(deltaBar) < LARGEST_DELTA_SHARE * key.maxAbsDelta
      ? MoveReason.SmallDelta
      : MoveReason.Curvature;
  }
  return Math.abs(move.dz) > Math.abs(key.best.dz) ? MoveReason.Overshoot : MoveReason.Undershoot;
}
