import type pg from 'pg';
import { checkAnswerArgs, checkAnswerOf } from './checkRows.ts';
import { migrate } from './migrate.ts';
import { inTransaction, openPool, readRows } from './postgresPool.ts';
import { pgLoad, pgSummaries, type SessionDb } from './postgresRows.ts';
import {
  type CheckAnswerRow,
  CodeTakenError,
  type LoadedSession,
  type MoveRow,
  type PlayerRow,
  type RoomStep,
  type SessionRow,
  type SessionState,
  type SessionSummary,
  type Store,
  StoreError,
} from './store.ts';

export interface PostgresOptions {
  /**
   * Cluster mode: the lease epoch this node holds for a session (undefined:
   * none). Every write of a room then checks, in its transaction and under a
   * share lock of the lease row, that the epoch is still the lease's; a
   * takeover (which bumps the epoch) waits for such a write or refuses it.
   */
  fence?: (sessionId: string) => number | undefined;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

type Pending = { row: MoveRow; resolve: () => void; reject: (e: unknown) => void };

/**
 * The store on PostgreSQL (`DATABASE_URL`): the system of record of a
 * cluster. Commits are synchronous (Postgres' default `synchronous_commit =
 * on`): a write settles once it is in the WAL on disk.
 */
export class PostgresStore implements Store {
  readonly pool: pg.Pool;
  private pending: Pending[] = [];
  private fence: PostgresOptions['fence'];

  private constructor(url: string, opts: PostgresOptions) {
    this.pool = openPool(url, opts.poolSize ?? 10);
    this.fence = opts.fence;
  }

  /** Turns fencing on (cluster mode): see PostgresOptions.fence. */
  setFence(fence: (sessionId: string) => number | undefined): void {
    this.fence = fence;
  }

  /** The running session that has this join code, if any. */
  async sessionByCode(code: string): Promise<string | undefined> {
    const rows = await this.read<{ id: string }>(
      'SELECT id FROM sessions WHERE code = $1 AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1',
      [code],
    );
    return rows[0]?.id;
  }

  /** Whether the session has ended (undefined: no such session). */
  async hasEnded(sessionId: string): Promise<boolean | undefined> {
    const rows = await this.read<{ ended_at: number | null }>(
      'SELECT ended_at FROM sessions WHERE id = $1',
      [sessionId],
    );
    return rows[0] ? rows[0].ended_at !== null : undefined;
  }

  /** Connects and applies the repository's migrations (server/persistence/migrations). */
  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, opts);
    await migrate(store.pool);
    return store;
  }

  private tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, fn);
  }

  private read<R extends pg.QueryResultRow>(sql: string, args: unknown[]): Promise<R[]> {
    return readRows<R>(this.pool, sql, args);
  }

  /** In cluster mode: refuses (StoreError 'stale') unless this node still holds the session's epoch. */
  private async fenced(c: pg.PoolClient, sessionId: string): Promise<number | null> {
    if (!this.fence) return null;
    const epoch = this.fence(sessionId);
    const r = await c.query<{ epoch: number }>(
      'SELECT epoch FROM room_leases WHERE session_id = $1 FOR SHARE',
      [sessionId],
    );
    if (epoch === undefined || r.rows[0]?.epoch !== epoch)
      throw new StoreError('stale', `session ${sessionId} has moved to another node`);
    return epoch;
  }

  private write(sessionId: string, sql: string, args: unknown[]): Promise<void> {
    return this.tx(async (c) => {
      await this.fenced(c, sessionId);
      await c.query(sql, args);
    });
  }

  async createHost(id: string, tokenHash: string, now: number): Promise<void> {
    await this.tx((c) =>
      c.query('INSERT INTO hosts (id, token_hash, created_at) VALUES ($1, $2, $3)', [
        id,
        tokenHash,
        now,
      ]),
    );
  }

  async findHost(tokenHash: string): Promise<string | undefined> {
    const rows = await this.read<{ id: string }>('SELECT id FROM hosts WHERE token_hash = $1', [
      tokenHash,
    ]);
    return rows[0]?.id;
  }

  async findPlayerToken(
    tokenHash: string,
  ): Promise<{ sessionId: string; endedAt: number | null } | undefined> {
    const rows = await this.read<{ sessionId: string; endedAt: number | null }>(
      `SELECT p.session_id AS "sessionId", s.ended_at AS "endedAt" FROM players p
       JOIN sessions s ON s.id = p.session_id WHERE p.token_hash = $1 LIMIT 1`,
      [tokenHash],
    );
    return rows[0];
  }

  async createSession(r: SessionRow): Promise<void> {
    try {
      await this.write(
        r.id,
        'INSERT INTO sessions (id, code, host_id, settings, state, created_at, ended_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          r.id,
          r.code,
          r.hostId,
          JSON.stringify(r.settings),
          JSON.stringify(r.state),
          r.createdAt,
          r.endedAt,
        ],
      );
    } catch (e) {
      // Another node's running session took this code first (migration 004).
      if ((e as { constraint?: string }).constraint === 'sessions_live_code')
        throw new CodeTakenError(r.code);
      throw e;
    }
  }

  saveState(sessionId: string, state: SessionState, endedAt: number | null): Promise<void> {
    return this.write(sessionId, 'UPDATE sessions SET state = $1, ended_at = $2 WHERE id = $3', [
      JSON.stringify(state),
      endedAt,
      sessionId,
    ]);
  }

  addPlayer(r: PlayerRow): Promise<void> {
    return this.write(
      r.sessionId,
      'INSERT INTO players (session_id, id, nickname, nickname_key, token_hash, joined_at, kicked) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [r.sessionId, r.id, r.nickname, r.nicknameKey, r.tokenHash, r.joinedAt, r.kicked],
    );
  }

  kickPlayer(sessionId: string, playerId: string): Promise<void> {
    return this.write(
      sessionId,
      'UPDATE players SET kicked = true WHERE session_id = $1 AND id = $2',
      [sessionId, playerId],
    );
  }

  async saveStep(sessionId: string, step: RoomStep): Promise<void> {
    // Moves queued before the step are committed first, as they arrived.
    await this.flushMoves();
    const { endRound: ended, network, startRound: r } = step;
    await this.tx(async (c) => {
      await this.fenced(c, sessionId);
      if (ended)
        await c.query(
          'UPDATE rounds SET reveal = $1, ended_at = $2 WHERE session_id = $3 AND round = $4',
          [JSON.stringify(ended.reveal), ended.endedAt, sessionId, ended.round],
        );
      if (network)
        await c.query('UPDATE sessions SET network = $1 WHERE id = $2', [
          JSON.stringify(network),
          sessionId,
        ]);
      if (r)
        await c.query(
          'INSERT INTO rounds (session_id, round, puzzle, started_at, round_key) VALUES ($1, $2, $3, $4, $5)',
          [
            sessionId,
            r.round,
            JSON.stringify(r.puzzle),
            r.startedAt,
            r.key ? JSON.stringify(r.key) : null,
          ],
        );
      await c.query('UPDATE sessions SET state = $1, ended_at = $2 WHERE id = $3', [
        JSON.stringify(step.state),
        step.endedAt,
        sessionId,
      ]);
    });
  }

  addMove(row: MoveRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flushMoves());
    });
  }

  /**
   * One transaction for every move queued since the last (a group commit):
   * the leases of their sessions are checked once, and a move refused (stale
   * epoch, second move) is refused alone; the others commit together.
   */
  async flushMoves(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const refused = new Map<Pending, unknown>();
    try {
      await this.tx(async (c) => {
        const epochs = new Map<string, number | null>();
        for (const m of batch) {
          const id = m.row.sessionId;
          if (epochs.has(id)) continue;
          try {
            epochs.set(id, await this.fenced(c, id));
          } catch (e) {
            if (!(e instanceof StoreError)) throw e;
            epochs.set(id, -1);
          }
        }
        const ok: Pending[] = [];
        for (const m of batch) {
          if (epochs.get(m.row.sessionId) === -1)
            refused.set(m, new StoreError('stale', 'this session has moved to another node'));
          else ok.push(m);
        }
        if (!ok.length) return;
        const col = <T>(f: (r: MoveRow) => T) => ok.map((m) => f(m.row));
        const res = await c.query<{ session_id: string; round: number; player_id: string }>(
          `INSERT INTO moves (session_id, round, player_id, result, created_at, move_id, epoch)
           SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::int8[], $6::text[], $7::int8[])
           ON CONFLICT DO NOTHING RETURNING session_id, round, player_id`,
          [
            col((r) => r.sessionId),
            col((r) => r.round),
            col((r) => r.playerId),
            col((r) => JSON.stringify(r.result)),
            col((r) => r.createdAt),
            col((r) => r.moveId ?? null),
            col((r) => epochs.get(r.sessionId) ?? null),
          ],
        );
        const written = new Set(res.rows.map((r) => `${r.session_id} ${r.round} ${r.player_id}`));
        for (const m of ok)
          if (!written.has(`${m.row.sessionId} ${m.row.round} ${m.row.playerId}`))
            refused.set(m, new Error('this player already has a move in this round'));
      });
    } catch (e) {
      for (const m of batch) m.reject(e);
      return;
    }
    for (const m of batch) {
      if (refused.has(m)) m.reject(refused.get(m));
      else m.resolve();
    }
  }

  addCheckAnswer(r: CheckAnswerRow): Promise<void> {
    return this.write(
      r.sessionId,
      'INSERT INTO check_answers (session_id, player_id, kind, item_id, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      checkAnswerArgs(r),
    );
  }

  async checkAnswers(sessionId: string): Promise<CheckAnswerRow[]> {
    const rows = await this.read<Record<string, unknown>>(
      'SELECT * FROM check_answers WHERE session_id = $1 ORDER BY created_at, player_id, item_id',
      [sessionId],
    );
    return rows.map((a) => checkAnswerOf(sessionId, a, false));
  }

  async activeSessions(): Promise<LoadedSession[]> {
    const rows = await this.read<SessionDb>('SELECT * FROM sessions WHERE ended_at IS NULL', []);
    return Promise.all(rows.map((s) => pgLoad((sql, a) => this.read(sql, a), s)));
  }

  async loadSession(sessionId: string): Promise<LoadedSession | undefined> {
    const [s] = await this.read<SessionDb>('SELECT * FROM sessions WHERE id = $1', [sessionId]);
    return s ? pgLoad((sql, a) => this.read(sql, a), s) : undefined;
  }

  async hostSessions(hostId: string): Promise<SessionSummary[]> {
    return pgSummaries(
      await this.read<SessionDb & { n: number }>(
        `SELECT s.*, (SELECT COUNT(*)::int FROM players p WHERE p.session_id = s.id AND NOT p.kicked) AS n
         FROM sessions s WHERE host_id = $1 ORDER BY created_at DESC LIMIT 200`,
        [hostId],
      ),
    );
  }

  async close(): Promise<void> {
    await this.flushMoves();
    await this.pool.end();
  }
}
