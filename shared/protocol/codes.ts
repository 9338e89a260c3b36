/**
 * Every error the server can answer, as a stable code a client can switch on.
 * The `message` beside it is English for logs and bots; clients show their own
 * translated sentence for the code.
 */
export const ErrorCode = {
  /** The payload does not match the event's schema. */
  BadPayload: 'BAD_PAYLOAD',
  /** Session settings out of range; the message names the field. */
  BadSettings: 'BAD_SETTINGS',
  /** No running session has that code (or no session that id). */
  NotFound: 'NOT_FOUND',
  SessionEnded: 'SESSION_ENDED',
  LobbyLocked: 'LOBBY_LOCKED',
  /** The game has started and the host turned late join off. */
  LateJoinClosed: 'LATE_JOIN_CLOSED',
  /** Nickname not well-formed, empty or longer than NICKNAME_MAX (32) characters after trimming, or holding invisible characters (checkNickname). */
  NicknameInvalid: 'NICKNAME_INVALID',
  /** Another player's nickname looks the same (its confusable skeleton), or it starts like the gradient demon's. */
  NicknameTaken: 'NICKNAME_TAKEN',
  /** The host removed this player; the session does not take them back. */
  Kicked: 'KICKED',
  /** A resume or host token that the session does not know. */
  BadToken: 'BAD_TOKEN',
  /** This connection already joined a session (as a player or as the host). */
  AlreadyJoined: 'ALREADY_JOINED',
  /** The event needs a joined player (or host) on this connection. */
  NotJoined: 'NOT_JOINED',
  /** A host command from a connection that is not the session's host. */
  Forbidden: 'FORBIDDEN',
  /** The command does not fit the session's phase (e.g. pause in the lobby). */
  WrongPhase: 'WRONG_PHASE',
  /** The move is for a round that is not open: too late, paused, or another round. */
  RoundClosed: 'ROUND_CLOSED',
  /** This player already moved this round. */
  AlreadyMoved: 'ALREADY_MOVED',
  /** The move names a layer that does not exist or cannot be nudged (layer 0). */
  BadLayer: 'BAD_LAYER',
  /** The move names a neuron that its layer does not have. */
  BadNeuron: 'BAD_NEURON',
  /** |Δz| is larger than the budget ε. */
  OutOfBudget: 'OUT_OF_BUDGET',
  /** Δz is missing, null, NaN or infinite. */
  NotFinite: 'NOT_FINITE',
  /** The kicked player id is not a player of this session. */
  NoSuchPlayer: 'NO_SUCH_PLAYER',
  /** Too many events from this connection in a short time. */
  RateLimited: 'RATE_LIMITED',
  /** Too many join attempts from this address: wait a minute. */
  TooManyJoins: 'TOO_MANY_JOINS',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** A REST call without a valid host token. */
  Unauthorized: 'UNAUTHORIZED',
  /** The server is restarting: try again in a moment. */
  ShuttingDown: 'SHUTTING_DOWN',
  /** The database (or, in a cluster, the room's node) cannot be reached: nothing was recorded, try again. */
  Unavailable: 'UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Phases of a session. `question`: a round is open for moves; `reveal`: its answers are shown. */
export const Phase = {
  Lobby: 'lobby',
  Question: 'question',
  Paused: 'paused',
  Reveal: 'reveal',
  Ended: 'ended',
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** Why a round closed. */
export const RoundEnd = {
  Timer: 'timer',
  AllMoved: 'allMoved',
  Host: 'host',
} as const;
export type RoundEnd = (typeof RoundEnd)[keyof typeof RoundEnd];

/** Longest nickname, in characters after trimming: room for a name on a projector, and for a markup-like name to be shown whole as text. */
export const NICKNAME_MAX = 32;
/** Moves that arrive this long after the deadline still count (network and clock slack). */
export const MOVE_GRACE_MS = 500;
/** The gradient demon's id on the leaderboard. */
export const GRADIENT_DEMON_ID = 'gradient-demon';
