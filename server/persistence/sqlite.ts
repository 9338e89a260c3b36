import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
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
  private readonly q;

  constructor(file: string, opts: { synchronous?: Synchronous } = {}) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: every commit (a turn's moves share one) is fsync'd before its acks go, so an acked
    // move survives an OS crash or a power loss. NORMAL would only survive a process crash.
    this.db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    // Files made before the round's key was kept get its column (null: searched again on restore).
    const roundCols = this.db.pragma('table_info(rounds)') as { name: string }[];
    if (!roundCols.some((c) => c.name === 'round_key'))
      this.db.exec('ALTER TABLE rounds ADD COLUMN round_key TEXT');
    // Files made before moves carried the client's move id get its column (null: none sent).
    const moveCols = this.db.pragma('table_info(moves)') as { name: string }[];
    if (!moveCols.some((c) => c.name === 'move_id'))
      this.db.exec('ALTER TABLE moves ADD COLUMN move_id TEXT');
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      createHost: p('INSERT INTO hosts (id, token_hash, created_at) VALUES (?, ?, ?)'),
      findHost: p('SELECT id FROM hosts WHERE token_hash = ?'),
      findPlayerToken: p(
        `SELECT p.session_id AS sessionId, s.ended_at AS endedAt FROM players p
         JOIN sessions s ON s.id = p.session_id WHERE p.token_hash = ? LIMIT 1`,
      ),
      createSession: p(
        'INSERT INTO sessions (id, code, host_id, settings, state, created_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      saveState: p('UPDATE sessions SET state = ?, ended_at = ? WHERE id = ?'),
      saveNetwork: p('UPDATE sessions SET network = ? WHERE id = ?'),
      addPlayer: p(
        'INSERT INTO players (session_id, id, nickname, nickname_key, token_hash, joined_at, kicked) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      kick: p('UPDATE players SET kicked = 1 WHERE session_id = ? AND id = ?'),
      startRound: p(
        'INSERT INTO rounds (session_id, round, puzzle, started_at, round_key) VALUES (?, ?, ?, ?, ?)',
      ),
      endRound: p('UPDATE rounds SET reveal = ?, ended_at = ? WHERE session_id = ? AND round = ?'),
      addMove: p(
        'INSERT INTO moves (session_id, round, player_id, result, created_at, move_id) VALUES (?, ?, ?, ?, ?, ?)',
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
    this.q.createHost.run(id, tokenHash, now);
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
    this.q.createSession.run(
      r.id,
      r.code,
      r.hostId,
      JSON.stringify(r.settings),
      JSON.stringify(r.state),
      r.createdAt,
      r.endedAt,
    );
  }

  async saveState(sessionId: string, state: SessionState, endedAt: number | null): Promise<void> {
    this.q.saveState.run(JSON.stringify(state), endedAt, sessionId);
  }

  async addPlayer(r: PlayerRow): Promise<void> {
    this.q.addPlayer.run(
      r.sessionId,
      r.id,
      r.nickname,
      r.nicknameKey,
      r.tokenHash,
      r.joinedAt,
      r.kicked ? 1 : 0,
    );
  }

  async kickPlayer(sessionId: string, playerId: string): Promise<void> {
    this.q.kick.run(sessionId, playerId);
  }

  async saveStep(sessionId: string, step: RoomStep): Promise<void> {
    // Moves queued before the step are committed first, as they arrived.
    this.flushMoves();
    const { endRound: ended, network, startRound: r } = step;
    this.db.transaction(() => {
      if (ended)
        this.q.endRound.run(JSON.stringify(ended.reveal), ended.endedAt, sessionId, ended.round);
      if (network) this.q.saveNetwork.run(JSON.stringify(network), sessionId);
      if (r)
        this.q.startRound.run(
          sessionId,
          r.round,
          JSON.stringify(r.puzzle),
          r.startedAt,
          r.key ? JSON.stringify(r.key) : null,
        );
      this.q.saveState.run(JSON.stringify(step.state), step.endedAt, sessionId);
    })();
  }

  addMove(r: MoveRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row: r, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flushMoves());
    });
  }

  /** One commit for every move queued since the last: a group commit, then each ack may go (public for tests). */
  flushMoves(): void {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const failed = new Map<(typeof batch)[number], unknown>();
    try {
      this.db.transaction(() => {
        for (const m of batch) {
          const r = m.row;
          try {
            this.q.addMove.run(
              r.sessionId,
              r.round,
              r.playerId,
              JSON.stringify(r.result),
              r.createdAt,
              r.moveId ?? null,
            );
          } catch (e) {
            failed.set(m, e);
          }
        }
      })();
    } catch (e) {
      for (const m of batch) m.reject(e);
      return;
    }
    for (const m of batch) {
      if (failed.has(m)) m.reject(failed.get(m));
      else m.resolve();
    }
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

  /** The durability in force (SQLite's `synchronous`: 2 is FULL, 1 NORMAL). */
  synchronous(): number {
    return this.db.pragma('synchronous', { simple: true }) as number;
  }

  async close(): Promise<void> {
    this.flushMoves();
    if (this.db.open) this.db.close();
  }
}
