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

export interface Store {
  createHost(id: string, tokenHash: string, now: number): void;
  findHost(tokenHash: string): string | undefined;
  /** The session (and whether it ended) of the player holding a resume token, if any. */
  findPlayerToken(tokenHash: string): { sessionId: string; endedAt: number | null } | undefined;
  createSession(row: SessionRow): void;
  saveState(sessionId: string, state: SessionState, endedAt: number | null): void;
  saveNetwork(sessionId: string, network: NetworkJSON): void;
  addPlayer(row: PlayerRow): void;
  kickPlayer(sessionId: string, playerId: string): void;
  startRound(row: RoundRow): void;
  endRound(sessionId: string, round: number, reveal: Reveal, endedAt: number): void;
  /**
   * Queues a scored move; the promise settles once it is committed (rejects
   * on a second move of a player in a round). Moves of one event-loop turn
   * share one commit; transaction() and flushMoves() commit them at once.
   */
  addMove(row: MoveRow): Promise<void>;
  flushMoves(): void;
  /** Keeps a check answer (its own table); rejects a second answer to the same item of a sitting. */
  addCheckAnswer(row: CheckAnswerRow): Promise<void>;
  /** A session's check answers, oldest first. */
  checkAnswers(sessionId: string): CheckAnswerRow[];
  /** Sessions not ended, to bring back after a restart. */
  activeSessions(): LoadedSession[];
  loadSession(sessionId: string): LoadedSession | undefined;
  hostSessions(hostId: string): SessionSummary[];
  /** Runs fn atomically: all of its writes or none. */
  transaction<T>(fn: () => T): T;
  close(): void;
}
