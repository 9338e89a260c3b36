import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkAnswerArgs, checkAnswerOf, SQLITE_CHECK_SCHEMA } from './checkRows.ts';
import { inlineWriter, threadWriter, type Writer } from './sqliteWriter.ts';
import { asError, type WriteOp } from './sqliteWrites.ts';
import {
  type CheckAnswerRow,
  type LoadedSession,
  type MoveRow,
  moveFromStore,
  type PlayerRow,
  type RoomStep,
  type RoundRow,
  type SessionRow,
  type SessionState,
  type SessionSummary,
  type Store,
} from './store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS hosts (
  id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, code TEXT NOT NULL, host_id TEXT NOT NULL REFERENCES hosts(id),
  settings TEXT NOT NULL, state TEXT NOT NULL, network TEXT,
  created_at INTEGER NOT NULL, ended_at INTEGER);
CREATE INDEX IF NOT EXISTS sessions_host ON sessions(host_id, created_at);
CREATE INDEX IF NOT EXISTS sessions_active ON sessions(ended_at);
CREATE TABLE IF NOT EXISTS players (
  session_id TEXT NOT NULL REFERENCES sessions(id), id TEXT NOT NULL, nickname TEXT NOT NULL,
  nickname_key TEXT NOT NULL, token_hash TEXT NOT NULL, joined_at INTEGER NOT NULL,
  kicked INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (session_id, id));
CREATE INDEX IF NOT EXISTS players_token ON players(token_hash);
CREATE TABLE IF NOT EXISTS rounds (
  session_id TEXT NOT NULL REFERENCES sessions(id), round INTEGER NOT NULL, puzzle TEXT NOT NULL,
  started_at INTEGER NOT NULL, ended_at INTEGER, reveal TEXT, round_key TEXT,
  PRIMARY KEY (session_id, round));
CREATE TABLE IF NOT EXISTS moves (
  session_id TEXT NOT NULL REFERENCES sessions(id), round INTEGER NOT NULL, player_id TEXT NOT NULL,
  result TEXT NOT NULL, created_at INTEGER NOT NULL, move_id TEXT,
  PRIMARY KEY (session_id, round, player_id));
`;

interface SessionDb {
  id: string;
  code: string;
  host_id: string;
  settings: string;
  state: string;
  network: string | null;
  created_at: number;
  ended_at: number | null;
}

/** How hard SQLite makes each commit durable: FULL (the default) fsyncs the WAL on every commit. */
export type Synchronous = 'FULL' | 'NORMAL';

/** The store in one SQLite file (WAL: readers never wait for the writer). */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private pending: { row: MoveRow; resolve: () => void; reject: (e: unknown) => void }[] = [];
  /** The group commit on its way to the writer, if any: moves arriving meanwhile wait for the next. */
  private committing: Promise<void> | null = null;
  private readonly q;
  /** Commits every write: on a thread of its own for a file, on this connection in memory. */
  private readonly writer: Writer;

  /**
   * `writer`: `thread` (the default for a file) commits in a worker thread so
   * that an fsync never holds up the event loop; `inline` commits here.
   */
  constructor(
    file: string,
    opts: { synchronous?: Synchronous; writer?: 'thread' | 'inline' } = {},
  ) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: every commit (a turn's moves share one) is fsync'd before its acks go, so an acked
    // move survives an OS crash or a power loss. NORMAL would only survive a process crash.
    this.db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.db.exec(SQLITE_CHECK_SCHEMA);
    // Files made before the round's key was kept get its column (null: searched again on restore).
    const roundCols = this.db.pragma('table_info(rounds)') as { name: string }[];
    if (!roundCols.some((c) => c.name === 'round_key'))
      this.db.exec('ALTER TABLE rounds ADD COLUMN round_key TEXT');
    // Files made before moves carried the client's move id get its column (null: none sent).
    const moveCols = this.db.pragma('table_info(moves)') as { name: string }[];
    if (!moveCols.some((c) => c.name === 'move_id'))
      this.db.exec('ALTER TABLE moves ADD COLUMN move_id TEXT');
    const threaded = file !== ':memory:' && (opts.writer ?? 'thread') === 'thread';
    this.writer = threaded ? threadWriter(file, opts.synchronous ?? 'FULL') : inlineWriter(this.db);
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      findHost: p('SELECT id FROM hosts WHERE token_hash = ?'),
      findPlayerToken: p(
        `SELECT p.session_id AS sessionId, s.ended_at AS endedAt FROM players p
         JOIN sessions s ON s.id = p.session_id WHERE p.token_hash = ? LIMIT 1`,
      ),
      checkAnswers: p(
        'SELECT * FROM check_answers WHERE session_id = ? ORDER BY created_at, rowid',
      ),
      active: p('SELECT * FROM sessions WHERE ended_at IS NULL'),
      session: p('SELECT * FROM sessions WHERE id = ?'),
      players: p('SELECT * FROM players WHERE session_id = ? ORDER BY joined_at, id'),
      rounds: p('SELECT * FROM rounds WHERE session_id = ? ORDER BY round'),
      moves: p('SELECT * FROM moves WHERE session_id = ? ORDER BY round, created_at'),
      hostSessions: p(
        `SELECT s.*, (SELECT COUNT(*) FROM players p WHERE p.session_id = s.id AND p.kicked = 0) AS n
         FROM sessions s WHERE host_id = ? ORDER BY created_at DESC LIMIT 200`,
      ),
    };
  }

  async createHost(id: string, tokenHash: string, now: number): Promise<void> {
    await this.write([{ name: 'createHost', args: [id, tokenHash, now] }]);
  }

  async findHost(tokenHash: string): Promise<string | undefined> {
    const row = this.q.findHost.get(tokenHash) as { id: string } | undefined;
    return row?.id;
  }

  async findPlayerToken(
    tokenHash: string,
  ): Promise<{ sessionId: string; endedAt: number | null } | undefined> {
    return this.q.findPlayerToken.get(tokenHash) as
      | { sessionId: string; endedAt: number | null }
      | undefined;
  }

  async createSession(r: SessionRow): Promise<void> {
    await this.write([
      {
        name: 'createSession',
        args: [
          r.id,
          r.code,
          r.hostId,
          JSON.stringify(r.settings),
          JSON.stringify(r.state),
          r.createdAt,
          r.endedAt,
        ],
      },
    ]);
  }

  async saveState(sessionId: string, state: SessionState, endedAt: number | null): Promise<void> {
    await this.write([{ name: 'saveState', args: [JSON.stringify(state), endedAt, sessionId] }]);
  }

  async addPlayer(r: PlayerRow): Promise<void> {
    await this.write([
      {
        name: 'addPlayer',
        args: [
          r.sessionId,
          r.id,
          r.nickname,
          r.nicknameKey,
          r.tokenHash,
          r.joinedAt,
          r.kicked ? 1 : 0,
        ],
      },
    ]);
  }

  async kickPlayer(sessionId: string, playerId: string): Promise<void> {
    await this.write([{ name: 'kick', args: [sessionId, playerId] }]);
  }

  async saveStep(sessionId: string, step: RoomStep): Promise<void> {
    // Moves queued before the step are committed first, as they arrived.
    await this.flushMoves();
    const { endRound: ended, network, startRound: r } = step;
    const ops: WriteOp[] = [];
    if (ended)
      ops.push({
        name: 'endRound',
        args: [JSON.stringify(ended.reveal), ended.endedAt, sessionId, ended.round],
      });
    if (network) ops.push({ name: 'saveNetwork', args: [JSON.stringify(network), sessionId] });
    if (r)
      ops.push({
        name: 'startRound',
        args: [
          sessionId,
          r.round,
          JSON.stringify(r.puzzle),
          r.startedAt,
          r.key ? JSON.stringify(r.key) : null,
        ],
      });
    ops.push({ name: 'saveState', args: [JSON.stringify(step.state), step.endedAt, sessionId] });
    await this.write(ops);
  }

  /** Writes in one all-or-nothing commit, after every write asked for before. */
  private async write(ops: WriteOp[]): Promise<void> {
    await this.writer.run(ops, 'all');
  }

  addMove(r: MoveRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row: r, resolve, reject });
      if (this.pending.length === 1 && !this.committing) setImmediate(() => void this.flushMoves());
    });
  }

  /**
   * One commit for every move queued since the last: a group commit, then each
   * ack may go. A second move of a player in a round fails alone.
   */
  async flushMoves(): Promise<void> {
    // One commit at a time: while one waits for its fsync, the moves that arrive gather into
    // the next, so a burst costs a few commits rather than one per event-loop turn.
    while (this.committing) await this.committing;
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const done = this.commitMoves(batch);
    this.committing = done;
    try {
      await done;
    } finally {
      this.committing = null;
    }
    if (this.pending.length) void this.flushMoves();
  }

  private async commitMoves(batch: SqliteStore['pending']): Promise<void> {
    const ops: WriteOp[] = batch.map(({ row: r }) => ({
      name: 'addMove',
      args: [
        r.sessionId,
        r.round,
        r.playerId,
        JSON.stringify(r.result),
        r.createdAt,
        r.moveId ?? null,
      ],
    }));
    let outcomes: Awaited<ReturnType<Writer['run']>>;
    try {
      outcomes = await this.writer.run(ops, 'each');
    } catch (e) {
      for (const m of batch) m.reject(e);
      return;
    }
    batch.forEach((m, i) => {
      const o = outcomes[i];
      if (o) m.reject(asError(o));
      else m.resolve();
    });
  }

  async addCheckAnswer(r: CheckAnswerRow): Promise<void> {
    await this.write([{ name: 'addCheckAnswer', args: checkAnswerArgs(r) }]);
  }

  async checkAnswers(sessionId: string): Promise<CheckAnswerRow[]> {
    const rows = this.q.checkAnswers.all(sessionId) as Record<string, unknown>[];
    return rows.map((a) => checkAnswerOf(sessionId, a, true));
  }

  private load(s: SessionDb): LoadedSession {
    const players = (this.q.players.all(s.id) as Record<string, unknown>[]).map(
      (p): PlayerRow => ({
        sessionId: s.id,
        id: p['id'] as string,
        nickname: p['nickname'] as string,
        nicknameKey: p['nickname_key'] as string,
        tokenHash: p['token_hash'] as string,
        joinedAt: p['joined_at'] as number,
        kicked: p['kicked'] === 1,
      }),
    );
    const rounds = (this.q.rounds.all(s.id) as Record<string, unknown>[]).map(
      (r): RoundRow => ({
        sessionId: s.id,
        round: r['round'] as number,
        puzzle: JSON.parse(r['puzzle'] as string),
        startedAt: r['started_at'] as number,
        endedAt: (r['ended_at'] as number | null) ?? null,
        reveal: r['reveal'] ? JSON.parse(r['reveal'] as string) : null,
        key: r['round_key'] ? JSON.parse(r['round_key'] as string) : null,
      }),
    );
    const moves = (this.q.moves.all(s.id) as Record<string, unknown>[]).map(
      (m): MoveRow => ({
        sessionId: s.id,
        round: m['round'] as number,
        playerId: m['player_id'] as string,
        result: moveFromStore(JSON.parse(m['result'] as string)),
        createdAt: m['created_at'] as number,
        moveId: (m['move_id'] as string | null) ?? null,
      }),
    );
    return {
      session: {
        id: s.id,
        code: s.code,
        hostId: s.host_id,
        settings: JSON.parse(s.settings),
        createdAt: s.created_at,
        endedAt: s.ended_at,
        state: JSON.parse(s.state) as SessionState,
      },
      network: s.network ? JSON.parse(s.network) : null,
      players,
      rounds,
      moves,
    };
  }

  async activeSessions(): Promise<LoadedSession[]> {
    return (this.q.active.all() as SessionDb[]).map((s) => this.load(s));
  }

  async loadSession(sessionId: string): Promise<LoadedSession | undefined> {
    const s = this.q.session.get(sessionId) as SessionDb | undefined;
    return s ? this.load(s) : undefined;
  }

  async hostSessions(hostId: string): Promise<SessionSummary[]> {
    return (this.q.hostSessions.all(hostId) as (SessionDb & { n: number })[]).map((s) => {
      const state = JSON.parse(s.state) as SessionState;
      const settings = JSON.parse(s.settings) as SessionRow['settings'];
      return {
        sessionId: s.id,
        code: s.code,
        createdAt: s.created_at,
        endedAt: s.ended_at,
        phase: state.phase,
        round: state.round,
        rounds: settings.rounds,
        preset: settings.preset,
        players: s.n,
      };
    });
  }

  /** The durability of the connection that commits (SQLite's `synchronous`: 2 is FULL, 1 NORMAL). */
  synchronous(): Promise<number> {
    return this.writer.synchronous();
  }

  async close(): Promise<void> {
    await this.flushMoves();
    await this.writer.close();
    if (this.db.open) this.db.close();
  }
}
