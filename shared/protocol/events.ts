import type { ErrorCode } from './codes.ts';
import type {
  EmptyPayload,
  ExtendPayload,
  ExtraTimePayload,
  HostJoinPayload,
  JoinPayload,
  KickPayload,
  MovePayload,
  ResumePayload,
} from './schemas.ts';
import type {
  Final,
  HostWelcome,
  MoveResult,
  PlayersUpdate,
  PlayerTime,
  PlayerWelcome,
  Progress,
  Reveal,
  RoundStart,
  Status,
  Trained,
} from './views.ts';

/** Every acknowledgement: the data asked for, or a code and a sentence. */
export type AckResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string } };
export type Ack<T> = (result: AckResult<T>) => void;

/** Events a client emits; every one takes an acknowledgement callback. */
export interface ClientToServerEvents {
  'player:join': (payload: JoinPayload, ack: Ack<PlayerWelcome>) => void;
  'player:resume': (payload: ResumePayload, ack: Ack<PlayerWelcome>) => void;
  'move:submit': (payload: MovePayload, ack: Ack<MoveResult>) => void;
  'host:join': (payload: HostJoinPayload, ack: Ack<HostWelcome>) => void;
  'host:start': (payload: EmptyPayload, ack: Ack<Status>) => void;
  'host:pause': (payload: EmptyPayload, ack: Ack<Status>) => void;
  'host:resume': (payload: EmptyPayload, ack: Ack<Status>) => void;
  'host:extend': (payload: ExtendPayload, ack: Ack<Status>) => void;
  'host:skip': (payload: EmptyPayload, ack: Ack<Status>) => void;
  'host:endRound': (payload: EmptyPayload, ack: Ack<Status>) => void;
  'host:next': (payload: EmptyPayload, ack: Ack<Status>) => void;
  'host:kick': (payload: KickPayload, ack: Ack<Status>) => void;
  'host:extraTime': (payload: ExtraTimePayload, ack: Ack<Status>) => void;
  'host:lock': (payload: EmptyPayload, ack: Ack<Status>) => void;
  'host:unlock': (payload: EmptyPayload, ack: Ack<Status>) => void;
  'host:end': (payload: EmptyPayload, ack: Ack<Status>) => void;
}

export type ClientEventName = keyof ClientToServerEvents;

/** The data an event's successful ack carries: what its handler must return. */
export type AckData<E extends ClientEventName> = ClientToServerEvents[E] extends (
  payload: never,
  ack: Ack<infer T>,
) => void
  ? T
  : never;

/** Events the server emits, each to one session's room (or one connection). */
export interface ServerToClientEvents {
  /**
   * Phase, round, lock or timer changed. The host always; players when no
   * other event says it (pause, resume, extend, lock, unlock): round:started,
   * round:ended and session:ended carry the phase for them.
   */
  'session:status': (status: Status) => void;
  /** Joins, leaves (away), kicks, answered flags. The host only. */
  'session:players': (update: PlayersUpdate) => void;
  /** A new puzzle. Everyone in the session. */
  'round:started': (round: RoundStart) => void;
  /** How many have moved (at most 10 a second). The host only. */
  'round:progress': (progress: Progress) => void;
  /** The answers, the class's moves and the leaderboard. Everyone in the session. */
  'round:ended': (reveal: Reveal) => void;
  /** The network trained after a round (k SGD steps): the loss curve's new point. The host only. */
  'round:trained': (trained: Trained) => void;
  /** Final standings. Everyone in the session. */
  'session:ended': (final: Final) => void;
  /** To one player's connections: the host changed how long their rounds last (×1, ×1.5, ×2). */
  'player:time': (info: PlayerTime) => void;
  /** To the kicked player's connections, which are then closed. */
  'player:kicked': (info: { message: string }) => void;
  /** The server is stopping; reconnect with your token in a few seconds. */
  'server:restarting': (info: { message: string }) => void;
}

export type InterServerEvents = Record<string, never>;

/** What the server remembers about a connection. */
export interface SocketData {
  sessionId?: string;
  role?: 'player' | 'host';
  playerId?: string;
  address: string;
}
