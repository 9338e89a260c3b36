import { z } from 'zod';
import { ACTIVATIONS } from '#shared/engine/activations';
import { COSTS } from '#shared/engine/costs';
import { DATASETS, type DatasetName } from '#shared/engine/datasets';
import { SHOW } from '#shared/game/puzzle';
import { MoveReason } from '#shared/game/scoring';
import { Phase as PhaseCodes, RoundEnd as RoundEndCodes } from './codes.ts';
import { SessionSettings } from './settings.ts';

/**
 * What the server sends, as zod schemas: the types clients receive, and a way
 * for tests and third-party bots to check a message against the protocol.
 */

// The wire's enums are the code's own `as const` objects: a new phase, end or reason is one entry.
const Phase = z.enum(PhaseCodes);
const RoundEnd = z.enum(RoundEndCodes);

/** The puzzle on the wire (puzzleToJSON): everything needed to recompute the round. */
export const PuzzleWire = z.object({
  network: z.object({
    sizes: z.array(z.int()),
    activations: z.array(z.enum(ACTIVATIONS)),
    cost: z.enum(COSTS),
    weights: z.array(z.array(z.number())),
    biases: z.array(z.array(z.number())),
  }),
  batch: z.object({ inputs: z.array(z.array(z.number())), targets: z.array(z.array(z.number())) }),
  eps: z.number(),
  show: z.enum(SHOW),
});
export type PuzzleWire = z.infer<typeof PuzzleWire>;

/** Times are server epoch milliseconds; `serverNow` lets a client correct its clock. */
export const Timer = z.object({
  /** When moves close; null while paused or outside a round. */
  deadline: z.number().nullable(),
  /** Milliseconds left (frozen while paused). */
  remainingMs: z.number(),
  /** The round's whole length in ms, extensions included. */
  limitMs: z.number(),
  serverNow: z.number(),
});
export type Timer = z.infer<typeof Timer>;

export const Status = z.object({
  phase: Phase,
  /** 0 in the lobby, then 1…rounds. */
  round: z.int(),
  rounds: z.int(),
  locked: z.boolean(),
  timer: Timer.nullable(),
});
export type Status = z.infer<typeof Status>;

/**
 * What the SGD after this round uses, so that anyone can recompute the next
 * round's network (docs/protocol.md, "Verifying the server"): the data set is
 * makeDataset(dataset, new Rng(seed), { n: samples, noise }), the mini-batch
 * order comes from the round's own PRNG stream.
 */
export const TrainingWire = z.object({
  dataset: z.enum(Object.keys(DATASETS) as [DatasetName, ...DatasetName[]]),
  samples: z.int(),
  noise: z.number(),
  /** The session's seed (an integer in [0, 2³² − 1]). */
  seed: z.int(),
  eta: z.number(),
  /** SGD steps after this round (fewer are run if η diverges). */
  steps: z.int(),
  batchSize: z.int(),
});
export type TrainingWire = z.infer<typeof TrainingWire>;

export const RoundStart = z.object({
  round: z.int(),
  rounds: z.int(),
  puzzle: PuzzleWire,
  /** C of the puzzle's batch before any move. */
  cost: z.number(),
  timer: Timer,
  training: TrainingWire,
});
export type RoundStart = z.infer<typeof RoundStart>;

export const Nudge = z.object({
  l: z.int(),
  j: z.int(),
  dz: z.number(),
  /** Exact C after − C before. */
  deltaC: z.number(),
  /** δ̄^l_j·Δz, the first-order guess. */
  predicted: z.number(),
});
export type Nudge = z.infer<typeof Nudge>;

/**
 * A scored move: enough to check the server with one's own backprop. It carries
 * the best nudge's ΔC only (q = ΔC / bestDeltaC), not the best move itself: that
 * and the gradient demon's move wait for the reveal, so that a player who has
 * moved cannot pass the answer on to classmates still thinking.
 */
export const MoveResult = Nudge.extend({
  round: z.int(),
  deltaBar: z.number(),
  sigmaPrime: z.number(),
  /** ΔC of the round's best nudge (its l, j, Δz come with the reveal). */
  bestDeltaC: z.number(),
  quality: z.number(),
  /** 1 − t/(2T) with speed scoring on, else 1. */
  speed: z.number(),
  points: z.int(),
  wrongWay: z.boolean(),
  rightSign: z.boolean(),
  saturated: z.boolean(),
  /** Why the move scored as it did (MoveReason in shared/game/scoring.ts). */
  reason: z.enum(MoveReason),
  /** Seconds from the round's start to the move, pauses left out. */
  seconds: z.number(),
  /** The player's total after this move. */
  score: z.int(),
});
export type MoveResult = z.infer<typeof MoveResult>;

export const LeaderboardEntry = z.object({
  id: z.string(),
  nickname: z.string(),
  bot: z.boolean(),
  score: z.int(),
  /**
   * 1 for the leader; equal scores share a rank. Null for the gradient demon
   * as a benchmark (unless the host's demonRanked ranks it): listed where its
   * points put it, it takes no player's place.
   */
  rank: z.int().nullable(),
  /** Places gained since the previous round (negative: lost); null in the first round. */
  rankChange: z.int().nullable(),
  /** Points of the last ended round. */
  lastPoints: z.int(),
  online: z.boolean(),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

/**
 * The gradient demon, a benchmark rather than a contestant: off the podium and
 * out of the players' ranks (unless the host's `demonRanked` setting puts it
 * back among them), shown beside the leaderboard with its points.
 */
export const DemonStanding = z.object({
  id: z.string(),
  nickname: z.string(),
  score: z.int(),
  /** Points of the last ended round. */
  lastPoints: z.int(),
  /** Rounds so far in which the class beat it: the mean points of the players who moved exceeded its points. */
  roundsBeaten: z.int(),
  /** Rounds it has played so far. */
  rounds: z.int(),
  /** It is ranked in the leaderboard among the players (the host's `demonRanked` setting). */
  ranked: z.boolean(),
});
export type DemonStanding = z.infer<typeof DemonStanding>;

export const ClassMove = z.object({
  l: z.int(),
  j: z.int(),
  dz: z.number(),
  deltaC: z.number(),
  rightSign: z.boolean(),
});

export const ClassMoves = z.object({
  answered: z.int(),
  players: z.int(),
  /** Share of the moves whose Δz had the sign of −δ̄ (0 when nobody moved). */
  rightSignShare: z.number(),
  /** counts[l−1][j]: how many players nudged neuron j of layer l. */
  counts: z.array(z.array(z.int())),
  /** Every move, without names: the picture of how the class moved. */
  moves: z.array(ClassMove),
  meanQuality: z.number().nullable(),
});
export type ClassMoves = z.infer<typeof ClassMoves>;

export const Reveal = z.object({
  round: z.int(),
  rounds: z.int(),
  endedBy: RoundEnd,
  /** δ̄^l of layers 1…L, now that the round is over. */
  deltaBar: z.array(z.array(z.number())),
  cost: z.number(),
  best: Nudge,
  /** The gradient demon's move; `sigmaPrime` and `saturated` of its neuron as in MoveResult (absent in older reveals). */
  gradient: Nudge.extend({
    quality: z.number(),
    points: z.int(),
    sigmaPrime: z.number().optional(),
    saturated: z.boolean().optional(),
  }),
  classMoves: ClassMoves,
  /** The players' standings (the gradient demon among them only with `demonRanked`). */
  leaderboard: z.array(LeaderboardEntry),
  /** The gradient demon beside the standings (absent in reveals stored by older servers). */
  demon: DemonStanding.optional(),
  /** Loss on the whole data set so far: before round 1, then after each earlier round's training. */
  lossCurve: z.array(z.number()),
});
export type Reveal = z.infer<typeof Reveal>;

/** After a reveal, k SGD steps trained the network: the loss curve gains this round's point. */
export const Trained = z.object({
  round: z.int(),
  /** Loss on the whole data set: before round 1, then after each round's training (round + 1 points). */
  lossCurve: z.array(z.number()),
  /** SGD steps run (fewer than asked if η made the loss diverge). */
  sgdSteps: z.int(),
});
export type Trained = z.infer<typeof Trained>;

export const PlayerEntry = z.object({
  id: z.string(),
  nickname: z.string(),
  online: z.boolean(),
  score: z.int(),
  /** Moved in the current round. */
  answered: z.boolean(),
  /** How many times as long as the class this player's rounds last (absent: 1). */
  timeFactor: z.number().optional(),
});
export type PlayerEntry = z.infer<typeof PlayerEntry>;

/**
 * A player's own time: their round closes at the class's deadline plus
 * (factor − 1) × the round's length, pauses and extensions included.
 */
export const PlayerTime = z.object({ factor: z.number() });
export type PlayerTime = z.infer<typeof PlayerTime>;

export const PlayersUpdate = z.object({
  players: z.array(PlayerEntry),
  answered: z.int(),
});
export type PlayersUpdate = z.infer<typeof PlayersUpdate>;

/**
 * Moves coming in, to the host only, at most four a second: how many have
 * moved, and who moved since the previous progress message of this round
 * (player ids; the host's welcome and player list carry everyone before).
 */
export const Progress = z.object({
  round: z.int(),
  answered: z.int(),
  players: z.int(),
  moved: z.array(z.string()),
});
export type Progress = z.infer<typeof Progress>;

export const Final = z.object({
  /** The podium and "you finished k of n" read this: players only (the demon too with `demonRanked`). */
  standings: z.array(LeaderboardEntry),
  /** The gradient demon's points and in how many rounds the class beat it. */
  demon: DemonStanding,
  lossCurve: z.array(z.number()),
  rounds: z.int(),
});
export type Final = z.infer<typeof Final>;

/** What a player's join or resume answers: enough to draw the current screen. */
export const PlayerWelcome = z.object({
  sessionId: z.string(),
  code: z.string(),
  playerId: z.string(),
  /** Kept by the client (localStorage) to come back as the same player. Join only. */
  resumeToken: z.string().optional(),
  nickname: z.string(),
  score: z.int(),
  rank: z.int().nullable(),
  status: Status,
  speedScoring: z.boolean(),
  /** The player's time factor (PlayerTime; absent: 1). */
  timeFactor: z.number().optional(),
  round: RoundStart.nullable(),
  /** The player's own scored move of the current round, if any. */
  myMove: MoveResult.nullable(),
  reveal: Reveal.nullable(),
  final: Final.nullable(),
});
export type PlayerWelcome = z.infer<typeof PlayerWelcome>;

/** What the host's join answers: everything the projector shows. */
export const HostWelcome = z.object({
  sessionId: z.string(),
  code: z.string(),
  joinUrl: z.string(),
  settings: SessionSettings,
  status: Status,
  players: z.array(PlayerEntry),
  round: RoundStart.nullable(),
  answered: z.int(),
  reveal: Reveal.nullable(),
  leaderboard: z.array(LeaderboardEntry),
  demon: DemonStanding,
  lossCurve: z.array(z.number()),
  final: Final.nullable(),
});
export type HostWelcome = z.infer<typeof HostWelcome>;
