import type Database from 'better-sqlite3';

/**
 * Every statement that changes the SQLite file, by name. The store names a
 * write and its arguments; whichever connection commits it (this thread's, or
 * the writer thread's, see sqliteWriter.ts) prepares the same SQL.
 */
export const WRITE_SQL = {
  createHost: 'INSERT INTO hosts (id, token_hash, created_at) VALUES (?, ?, ?)',
  createSession:
    'INSERT INTO sessions (id, code, host_id, settings, state, created_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  saveState: 'UPDATE sessions SET state = ?, ended_at = ? WHERE id = ?',
  saveNetwork: 'UPDATE sessions SET network = ? WHERE id = ?',
  addPlayer:
    'INSERT INTO players (session_id, id, nickname, nickname_key, token_hash, joined_at, kicked) VALUES (?, ?, ?, ?, ?, ?, ?)',
  kick: 'UPDATE players SET kicked = 1 WHERE session_id = ? AND id = ?',
  startRound:
    'INSERT INTO rounds (session_id, round, puzzle, started_at, round_key) VALUES (?, ?, ?, ?, ?)',
  endRound: 'UPDATE rounds SET reveal = ?, ended_at = ? WHERE session_id = ? AND round = ?',
  addMove:
    'INSERT INTO moves (session_id, round, player_id, result, created_at, move_id) VALUES (?, ?, ?, ?, ?, ?)',
} as const;

export type WriteName = keyof typeof WRITE_SQL;
export type SqlValue = string | number | null;

/** One statement to run: its name in WRITE_SQL and its arguments. */
export interface WriteOp {
  name: WriteName;
  args: SqlValue[];
}

/**
 * How a batch is committed: `all` — one transaction, all or nothing (a room's
 * step); `each` — one transaction in which each statement may fail on its own
 * (a group commit of moves: a second move of a player fails, the others stand).
 */
export type BatchMode = 'all' | 'each';

/** Per statement: null, or why it failed. */
export type OpOutcome = null | { message: string; code?: string };

/** Runs a batch on a connection, synchronously; the outcomes say which statements failed. */
export function runBatch(
  db: Database.Database,
  statements: Map<WriteName, Database.Statement>,
  ops: WriteOp[],
  mode: BatchMode,
): OpOutcome[] {
  const stmt = (name: WriteName) => {
    let s = statements.get(name);
    if (!s) {
      s = db.prepare(WRITE_SQL[name]);
      statements.set(name, s);
    }
    return s;
  };
  const outcomes: OpOutcome[] = ops.map(() => null);
  db.transaction(() => {
    ops.forEach((op, i) => {
      if (mode === 'all') {
        stmt(op.name).run(...op.args);
        return;
      }
      try {
        stmt(op.name).run(...op.args);
      } catch (e) {
        outcomes[i] = failure(e);
      }
    });
  })();
  return outcomes;
}

export function failure(e: unknown): { message: string; code?: string } {
  const code = (e as { code?: unknown }).code;
  return {
    message: e instanceof Error ? e.message : String(e),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** An outcome as the Error a caller sees. */
export function asError(o: { message: string; code?: string }): Error {
  return Object.assign(new Error(o.message), o.code ? { code: o.code } : {});
}
