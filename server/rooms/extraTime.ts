import type { Clock } from './phase.ts';

/**
 * Time for every student: a player with time factor f has f times the
 * round's length. Their own deadline is the class's deadline plus
 * (f − 1)·T, T the round's length with extensions, so a pause or an
 * extension moves both alike. Pure: the room asks, nothing here keeps state.
 */

/** When this player's moves close; null while the round is paused. */
export function ownDeadline(c: Clock, factor: number): number | null {
  return c.deadline === null ? null : c.deadline + (factor - 1) * c.limitMs;
}

/**
 * When the round must close at the latest: the class's deadline, or later
 * while a player with more time has not moved yet. Null while paused.
 */
export function openUntil(c: Clock, pendingFactors: Iterable<number>): number | null {
  if (c.deadline === null) return null;
  let until = c.deadline;
  for (const f of pendingFactors) until = Math.max(until, ownDeadline(c, f) ?? until);
  return until;
}

/** The round's length in seconds for this player's speed factor 1 − t/(2fT). */
export function ownLimitSeconds(c: Clock, factor: number): number {
  return (c.limitMs * factor) / 1000;
}
