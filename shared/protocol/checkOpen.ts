import type { CheckKind } from '#shared/game/concepts/checkKind';
import type { CheckPlan } from './check.ts';
import { Phase } from './codes.ts';

/**
 * Whether a sitting takes answers: the check before the game in the lobby
 * only (once round 1 opens it would no longer be "before"); the one after
 * from the close of the last round (its reveal) on, and after the end.
 * Apart from the schemas, so that a phone's page can ask without loading zod.
 */
export function checkOpen(
  plan: CheckPlan,
  kind: CheckKind,
  phase: Phase,
  round: number,
  rounds: number,
): boolean {
  if (kind === 'pre') return plan.pre && phase === Phase.Lobby;
  return plan.post && (phase === Phase.Ended || (phase === Phase.Reveal && round >= rounds));
}
