import type { Misconception } from '#shared/game/concepts/tags';
import type { ClassCheck } from './check.ts';
import type { Phase } from './codes.ts';
import type { SessionSettings } from './schemas.ts';
import type { DemonStanding, LeaderboardEntry, Nudge } from './views.ts';

/** What `POST /api/sessions` answers. */
export interface CreatedSession {
  sessionId: string;
  code: string;
  joinUrl: string;
  hostToken: string;
  settings: SessionSettings;
}

/** One of the host's sessions in `GET /api/sessions`. */
export interface SessionSummary {
  sessionId: string;
  code: string;
  createdAt: number;
  endedAt: number | null;
  phase: Phase;
  round: number;
  rounds: number;
  preset: string | null;
  players: number;
}

/** One player's (or the gradient demon's) move in one round: what the teacher downloads. */
export interface ReportRow {
  round: number;
  playerId: string;
  nickname: string;
  bot: boolean;
  moved: boolean;
  l: number | null;
  j: number | null;
  dz: number | null;
  deltaC: number | null;
  predicted: number | null;
  deltaBar: number | null;
  quality: number | null;
  points: number;
  rightSign: boolean | null;
  /** Batch-mean σ'(z) of the neuron below SATURATION_THRESHOLD (0.02). */
  saturated: boolean | null;
  sigmaPrime: number | null;
  /** Seconds from the round's start to the move, pauses left out. */
  seconds: number | null;
  /** Misconceptions the move is evidence of (empty for the demon, a right move or no move). */
  misconceptions: Misconception[];
}

/** `GET /api/sessions/:id/report`: the whole session for its host. */
export interface Report {
  sessionId: string;
  code: string;
  createdAt: number;
  endedAt: number | null;
  settings: SessionSettings;
  rounds: {
    round: number;
    startedAt: number;
    endedAt: number | null;
    cost: number | null;
    best: Nudge | null;
    answered: number;
  }[];
  lossCurve: number[];
  /** The players' standings (the gradient demon among them only with the `demonRanked` setting). */
  standings: LeaderboardEntry[];
  /** The gradient demon's points and in how many rounds the class beat it. */
  demon: DemonStanding;
  players: {
    id: string;
    nickname: string;
    kicked: boolean;
    score: number;
    /** How many of the player's moves showed each misconception. */
    misconceptions: Partial<Record<Misconception, number>>;
  }[];
  rows: ReportRow[];
  /** The concept check before and after the game (null when the session had none); CSV at `check.csv`. */
  check: ClassCheck | null;
}
