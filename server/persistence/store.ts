import type { NetworkJSON } from '#shared/engine/index';
import type { CheckKind } from '#shared/game/concepts/classCheck';
import type { PuzzleJSON } from '#shared/game/puzzle';
import type { RoundKey } from '#shared/game/scoring';
import type { Phase } from '#shared/protocol/codes';
import type { SessionSummary } from '#shared/protocol/rest';
import type { SessionSettings } from '#shared/protocol/schemas';
import type { MoveResult, Reveal } from '#shared/protocol/views';
import type { Clock } from '../rooms/phase.ts';

export type { SessionSummary };

/**
 * What a session keeps between restarts. A room writes through this interface
 * before it acknowledges anything; SQLite is one implementation of it.
 */

export interface SessionState {
  phase: Phase;
  round: number;
  locked: boolean;
  clock: Clock | null;
  /** Loss on the whole data set: before round 1, then after each round's training. */
  lossCurve: number[];
  /** Players the host gave more time (×1.5, ×2), by player id; absent or empty: nobody. */
  timeFactors?: Record<string, number>;
}

export interface SessionRow {
  id: string;
  code: string;
  hostId: string;
  settings: SessionSettings;
  createdAt: number;
  endedAt: number | null;
  state: SessionState;
}

export interface PlayerRow {
  sessionId: string;
  id: string;
  nickname: string;
  /** The nickname as uniqueness compares it (case folded). */
  nicknameKey: string;
  /** sha256 of the resume token: the token itself is never stored. */
  tokenHash: string;
  joinedAt: number;
  kicked: boolean;
}

export interface RoundRow {
  sessionId: string;
  round: number;
  puzzle: PuzzleJSON;
  startedAt: number;
  endedAt: number | null;
  reveal: Reveal | null;
  /** The round's best nudge and gradient-demon move, so a restart need not search again (null in older files). */
  key?: RoundKey | null;
}

/**
 * A move as stored, in today's shape: rows written before the best move was held
 * back until the reveal carry `best`; only its ΔC is kept, so that a resume
 * mid-round cannot hand it out.
 */
export function moveFromStore(raw: MoveResult & { best?: { deltaC: number } }): MoveResult {
  const { best, ...result } = raw;
  return { ...result, bestDeltaC: result.bestDeltaC ?? best?.deltaC ?? 0 };
}

export interface MoveRow {
  sessionId: string;
  round: number;
  playerId: string;
  result: MoveResult;
  createdAt: number;
  /** The client's id for the move, when it sent one: a retry with it is answered with this result. */
  moveId?: string | null;
}

/**
 * Why a store refused a write (the write changed nothing): `unavailable` —
 * the database cannot be reached or failed; `stale` — in a cluster, this node
 * no longer holds the room's lease (another node has taken the room over).
 */
/**
 * A running session already holds the join code (the nodes of a cluster pick
 * codes on their own; the database keeps them unique). Nothing was written:
 * the caller picks another code.
 */
export class CodeTakenError extends Error {
  constructor(readonly code: string) {
    super(`a running session already has the code ${code}`);
    this.name = 'CodeTakenError';
  }
}

export class StoreError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'stale',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** One answer of a student's concept check: answers are final, one per item and sitting. */
export interface CheckAnswerRow {
  sessionId: string;
  playerId: string;
  kind: CheckKind;
  itemId: string;
  /** An option's key, or the number typed. */
  response: string | number;
  createdAt: number;
}

export interface LoadedSession {
  session: SessionRow;
  /** The network the next round starts from (after the last training); null before round 1. */
  network: NetworkJSON | null;
  players: PlayerRow[];
  rounds: RoundRow[];
  moves: MoveRow[];
}

/**
 * One step of a room, written all or nothing: the round that closed, the
 * network its training produced, the round that opened and the session's
 * state after it. A command's plan becomes exactly one step.
 */
export interface RoomStep {
  endRound?: { round: number; reveal: Reveal; endedAt: number };
  network?: NetworkJSON;
  startRound?: RoundRow;
  state: SessionState;
  endedAt: number | null;
}

/**
 * The persistence interface. Every method settles once its writes are
 * committed (durable, in SQLite's FULL mode or Postgres' synchronous commit):
 * a room acknowledges nothing before that. Writes that fail reject and leave
 * nothing behind.
 */
export interface Store {
  createHost(id: string, tokenHash: string, now: number): Promise<void>;
  findHost(tokenHash: string): Promise<string | undefined>;
  /** The session (and whether it ended) of the player holding a resume token, if any. */
  findPlayerToken(
    tokenHash: string,
  ): Promise<{ sessionId: string; endedAt: number | null } | undefined>;
  /** Rejects with CodeTakenError when a running session already has the row's code. */
  createSession(row: SessionRow): Promise<void>;
  saveState(sessionId: string, state: SessionState, endedAt: number | null): Promise<void>;
  addPlayer(row: PlayerRow): Promise<void>;
  kickPlayer(sessionId: string, playerId: string): Promise<void>;
  /** A room's step (see RoomStep), in one transaction. */
  saveStep(sessionId: string, step: RoomStep): Promise<void>;
  /**
   * A scored move; settles once it is committed (rejects on a second move of
   * a player in a round). Moves arriving together may share one commit.
   */
  addMove(row: MoveRow): Promise<void>;
  /** Keeps a check answer (its own table); rejects a second answer to the same item of a sitting. */
  addCheckAnswer(row: CheckAnswerRow): Promise<void>;
  /** A session's check answers, oldest first. */
  checkAnswers(sessionId: string): Promise<CheckAnswerRow[]>;
  /** Sessions not ended, to bring back after a restart. */
  activeSessions(): Promise<LoadedSession[]>;
  loadSession(sessionId: string): Promise<LoadedSession | undefined>;
  hostSessions(hostId: string): Promise<SessionSummary[]>;
  /** Commits what is queued and closes the connection (or file). */
  close(): Promise<void>;
}
