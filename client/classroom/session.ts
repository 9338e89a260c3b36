import { Phase } from '#shared/protocol/codes';
import type { SessionSettings } from '#shared/protocol/schemas';
import type {
  DemonStanding,
  Final,
  HostWelcome,
  LeaderboardEntry,
  MoveResult,
  PlayerEntry,
  PlayerWelcome,
  Reveal,
  RoundStart,
  Status,
  Trained,
} from '#shared/protocol/views';
import type { ServerEvent } from '../net/socket.ts';

/**
 * A class session as one page sees it, worked out from the server's events by
 * one pure reducer that the host's and the player's pages share. The pages
 * never decide a phase themselves: they dispatch what the server said and draw
 * the state that comes back.
 */
export interface SessionState {
  /** Null until a welcome: this page has joined nothing yet. */
  status: Status | null;
  code: string;
  sessionId: string;
  /** The player this page plays as; null on the host's page. */
  me: { playerId: string; nickname: string } | null;
  /** The player's total (the host's page: 0). */
  score: number;
  /** The player's rounds last this many times as long as the class's (extra time from the host). */
  timeFactor: number;
  round: RoundStart | null;
  /** The player's own scored move of `round`, if any. */
  myMove: MoveResult | null;
  /** The latest reveal; it stays through the next round (the rank shown beside the score). */
  reveal: Reveal | null;
  final: Final | null;
  /** The host removed this player: nothing brings them back. */
  kicked: boolean;
  /** The server said it is stopping; cleared by the next welcome. */
  restarting: boolean;
  /** What only the host's page gets: settings, join link, players, loss curve. */
  settings: SessionSettings | null;
  joinUrl: string;
  players: PlayerEntry[];
  answered: number;
  leaderboard: LeaderboardEntry[];
  /** The gradient demon beside the standings: its points, the rounds the class beat it. */
  demon: DemonStanding | null;
  lossCurve: number[];
  /** The last `round:trained`: how many SGD steps moved the curve. */
  trained: Trained | null;
}

/** What a page learns: a server event, a welcome (join, resume, host join), or its own move's ack. */
export type SessionEvent =
  | ServerEvent
  | { type: 'player:welcome'; data: PlayerWelcome }
  | { type: 'host:welcome'; data: HostWelcome }
  | { type: 'move:scored'; data: MoveResult };

export const initialSession: SessionState = {
  status: null,
  code: '',
  sessionId: '',
  me: null,
  score: 0,
  timeFactor: 1,
  round: null,
  myMove: null,
  reveal: null,
  final: null,
  kicked: false,
  restarting: false,
  settings: null,
  joinUrl: '',
  players: [],
  answered: 0,
  leaderboard: [],
  demon: null,
  lossCurve: [],
  trained: null,
};

/** The phase after an event that closes the clock: the timer stops with it. */
function closed(status: Status, phase: Phase): Status {
  return { ...status, phase, timer: null };
}

/**
 * The state after one event. Pure: the same events in the same order give the
 * same state, on either page. Events before a welcome change nothing (the
 * welcome carries the whole picture), except a kick.
 */
export function applyEvent(s: SessionState, e: SessionEvent): SessionState {
  switch (e.type) {
    case 'player:welcome': {
      const w = e.data;
      return {
        ...s,
        status: w.status,
        code: w.code,
        sessionId: w.sessionId,
        me: { playerId: w.playerId, nickname: w.nickname },
        score: w.score,
        timeFactor: w.timeFactor ?? 1,
        round: w.round,
        myMove: w.myMove,
        reveal: w.reveal,
        final: w.final,
        demon: w.final?.demon ?? w.reveal?.demon ?? s.demon,
        restarting: false,
      };
    }
    case 'host:welcome': {
      const w = e.data;
      return {
        ...s,
        status: w.status,
        code: w.code,
        sessionId: w.sessionId,
        me: null,
        round: w.round,
        reveal: w.reveal,
        final: w.final,
        restarting: false,
        settings: w.settings,
        joinUrl: w.joinUrl,
        players: w.players,
        answered: w.answered,
        leaderboard: w.leaderboard,
        demon: w.demon,
        lossCurve: w.lossCurve,
      };
    }
    case 'player:kicked':
      return { ...s, kicked: true };
    case 'player:time':
      return { ...s, timeFactor: e.data.factor };
    case 'server:restarting':
      return { ...s, restarting: true };
  }
  const status = s.status;
  if (!status) return s;
  switch (e.type) {
    case 'session:status':
      return { ...s, status: e.data };
    case 'session:players':
      return { ...s, players: e.data.players, answered: e.data.answered };
    case 'round:started': {
      const r = e.data;
      return {
        ...s,
        round: r,
        myMove: null,
        answered: 0,
        // Nobody has moved in a round just opened: last round's ticks go.
        players: s.players.some((p) => p.answered)
          ? s.players.map((p) => ({ ...p, answered: false }))
          : s.players,
        status: {
          ...status,
          phase: Phase.Question,
          round: r.round,
          rounds: r.rounds,
          timer: r.timer,
        },
      };
    }
    case 'round:progress': {
      // A count for another round (late, or a round already skipped) is not this one's.
      if (e.data.round !== s.round?.round) return s;
      const moved = new Set(e.data.moved);
      const players = moved.size
        ? s.players.map((p) => (moved.has(p.id) && !p.answered ? { ...p, answered: true } : p))
        : s.players;
      return { ...s, answered: e.data.answered, players };
    }
    case 'move:scored':
      return { ...s, myMove: e.data, score: e.data.score };
    case 'round:ended': {
      const r = e.data;
      const mine = s.me ? r.leaderboard.find((x) => x.id === s.me?.playerId) : undefined;
      return {
        ...s,
        reveal: r,
        leaderboard: r.leaderboard,
        demon: r.demon ?? s.demon,
        lossCurve: r.lossCurve,
        score: mine?.score ?? s.score,
        status: closed(status, Phase.Reveal),
      };
    }
    case 'round:trained':
      return { ...s, lossCurve: e.data.lossCurve, trained: e.data };
    case 'session:ended':
      return { ...s, final: e.data, demon: e.data.demon, status: closed(status, Phase.Ended) };
  }
}

/** The player's screen: the join form until a welcome, the removal notice once kicked, else the phase. */
export type PlayerScreen = 'join' | 'kicked' | Phase;

export function playerScreen(s: SessionState): PlayerScreen {
  if (s.kicked) return 'kicked';
  if (!s.me || !s.status) return 'join';
  return s.status.phase;
}

/** A round is on screen (open or paused): the clock shows. */
export function inRound(phase: Phase | undefined): boolean {
  return phase === Phase.Question || phase === Phase.Paused;
}

/** The reveal that belongs to the round on screen (a welcome may carry the previous round's). */
export function ownReveal(s: SessionState): Reveal | null {
  return s.reveal && s.round && s.reveal.round === s.round.round ? s.reveal : null;
}

/** The reader's leaderboard entry in the latest reveal. */
export function myEntry(s: SessionState): LeaderboardEntry | undefined {
  const id = s.me?.playerId;
  return id ? s.reveal?.leaderboard.find((x) => x.id === id) : undefined;
}

/** The host's session once joined: its settings and status are known. */
export type HostSession = SessionState & { status: Status; settings: SessionSettings };

export function hostSession(s: SessionState): HostSession | null {
  const { status, settings } = s;
  return status && settings ? { ...s, status, settings } : null;
}
