/**
 * The scoring rules of docs/protocol.md ("Rules" and "Verifying the server"),
 * for recomputing every number of a MoveResult and a reveal.
 */
export const SATURATION_THRESHOLD = 0.02;
export const LARGEST_DELTA_SHARE = 0.99;

/** How far a certified best may lie above the true minimum. */
export function tolerance(best) {
  return Math.max(1e-12, 1e-9 * Math.abs(best));
}

/** q = clamp(ΔC/ΔC_best, −1, 1); with no real improvement possible, 1 for not raising the cost, else −1. */
export function quality(deltaC, best) {
  const tol = tolerance(best);
  if (!(best < -tol)) return deltaC <= tol ? 1 : -1;
  return Math.min(1, Math.max(-1, deltaC / best));
}

/** 1 − t/(2T) with t capped to [0, T]; 1 without speed scoring. */
export function speedFactor(seconds, limit, speedScoring) {
  if (!speedScoring || !(limit > 0)) return 1;
  const t = Math.min(Math.max(seconds, 0), limit);
  return 1 - t / (2 * limit);
}

export function points(q, wrongWay, speed) {
  return wrongWay ? 0 : Math.round(1000 * Math.min(Math.max(q, 0), 1) * speed);
}

/** Δz had the sign of −δ̄ (never for Δz = 0 or δ̄ = 0). */
export function rightSign(dz, deltaBar) {
  return dz !== 0 && deltaBar !== 0 && Math.sign(dz) === -Math.sign(deltaBar);
}

/** The reason, in the order the protocol lists the rules; best = the reveal's best move, maxAbsDelta = the largest |δ̄| one may move. */
export function reason(move, q, deltaBar, saturated, best, maxAbsDelta) {
  if (move.dz === 0) return 'noMove';
  if (q >= 0.99) return 'best';
  if (deltaBar === 0) return saturated ? 'saturated' : 'smallDelta';
  if (!rightSign(move.dz, deltaBar)) return 'wrongSign';
  if (move.deltaC > 0) return 'overshoot';
  if (saturated) return 'saturated';
  if (move.l !== best.l || move.j !== best.j)
    return Math.abs(deltaBar) < LARGEST_DELTA_SHARE * maxAbsDelta ? 'smallDelta' : 'curvature';
  return Math.abs(move.dz) > Math.abs(best.dz) ? 'overshoot' : 'undershoot';
}

/** Competition ranking among the ranked entries: 1 + how many have a higher score. */
export function expectedRank(entry, board) {
  return 1 + board.filter((e) => e.rank !== null && e.score > entry.score).length;
}
