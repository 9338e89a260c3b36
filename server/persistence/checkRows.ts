import type { CheckAnswerRow } from './store.ts';

/**
 * The concept check's answers in a database: their own table (SQLite's
 * here; Postgres' in migrations/003_check_answers.sql), and a row read back
 * as a CheckAnswerRow. The response is JSON, so a key stays a string and a
 * typed number a number.
 */
export const SQLITE_CHECK_SCHEMA = `
CREATE TABLE IF NOT EXISTS check_answers (
  session_id TEXT NOT NULL REFERENCES sessions(id), player_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pre', 'post')), item_id TEXT NOT NULL,
  response TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, player_id, kind, item_id));
`;

/** The values of one answer's INSERT, in column order. */
export function checkAnswerArgs(r: CheckAnswerRow): (string | number)[] {
  return [r.sessionId, r.playerId, r.kind, r.itemId, JSON.stringify(r.response), r.createdAt];
}

/** A row of check_answers; `json`: the response is JSON text (SQLite), not already parsed (Postgres' jsonb). */
export function checkAnswerOf(
  sessionId: string,
  a: Record<string, unknown>,
  json: boolean,
): CheckAnswerRow {
  const response = json ? JSON.parse(a['response'] as string) : a['response'];
  return {
    sessionId,
    playerId: a['player_id'] as string,
    kind: a['kind'] as CheckAnswerRow['kind'],
    itemId: a['item_id'] as string,
    response: response as string | number,
    createdAt: a['created_at'] as number,
  };
}
