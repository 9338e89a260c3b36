import type { CheckKind } from '#shared/game/concepts/classCheck';
import type { CheckSheet } from '#shared/protocol/check';
import { checkOpen } from '#shared/protocol/checkOpen';
import type { SessionState } from '../session.ts';

/**
 * Which concept check the phone should be taking now, worked out from the
 * session as the server described it: the one before the game in the lobby,
 * the one after from the last round's reveal on. Null when none is open.
 */
export function dueCheck(s: SessionState): CheckKind | null {
  const st = s.status;
  if (!st || s.kicked) return null;
  for (const kind of ['pre', 'post'] as const)
    if (checkOpen(s.checkPlan, kind, st.phase, st.round, st.rounds)) return kind;
  return null;
}

/** Every item of the sheet has an answer. */
export function sheetDone(sheet: CheckSheet): boolean {
  return sheet.items.every((i) => Object.hasOwn(sheet.answers, i.id));
}

/** The sheet to put on screen instead of the phase's own: the open sitting, while it has questions left. */
export function sheetOnScreen(s: SessionState, sheet: CheckSheet | null): CheckSheet | null {
  const kind = dueCheck(s);
  return sheet && kind === sheet.kind && sheet.open && !sheetDone(sheet) ? sheet : null;
}
