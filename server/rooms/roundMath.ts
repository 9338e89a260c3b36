import {
  analyse,
  type Batch,
  batchCost,
  DATASETS,
  depth,
  type Network,
  Rng,
  type Trace,
  Trainer,
} from '#shared/engine/index';
import {
  commonMisconception,
  explainMove,
  type MoveTag,
  moveMisconceptions,
} from '#shared/game/misconceptions';
import { type Prediction, scorePrediction } from '#shared/game/prediction';
import { drawBatch, type Puzzle, type PuzzleJSON, puzzleToJSON } from '#shared/game/puzzle';
import {
  pointsFor,
  quality,
  type RoundKey,
  roundKey,
  scoreMove,
  speedFactor,
} from '#shared/game/scoring';
import { ErrorCode } from '#shared/protocol/codes';
import type { MovePayload, SessionSettings } from '#shared/protocol/schemas';
import type { ClassMoves, MoveResult, Nudge, Reveal, TrainingWire } from '#shared/protocol/views';

/**
 * One round's math, as pure functions over the engine: the puzzle, the key
 * (best nudge and gradient demon, computed once), scoring a move, the class's
 * moves and the training between rounds. Nothing here sees a socket.
 */

export interface RoundMath {
  round: number;
  puzzle: Puzzle;
  wire: PuzzleJSON;
  trace: Trace;
  key: RoundKey;
  /** C of the batch before any move. */
  cost: number;
}

/**
 * Runs the puzzle's trace once; the key (best nudge and gradient demon) is the
 * one a worker found, or is searched here when none is given.
 */
export function openRoundMath(round: number, puzzle: Puzzle, key?: RoundKey): RoundMath {
  const trace = analyse(puzzle.network, puzzle.batch);
  return {
    round,
    puzzle,
    wire: puzzleToJSON(puzzle),
    trace,
    key: key ?? roundKey(trace, puzzle.eps),
    cost: trace.cost,
  };
}

function roundRng(seed: number, round: number, stream: number): Rng {
  return new Rng((seed ^ Math.imul(round, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0);
}

/** Round r's puzzle: the network as trained so far and a fresh batch drawn for the round. */
export function nextPuzzle(
  s: SessionSettings,
  network: Network,
  data: Batch,
  round: number,
): Puzzle {
  const batch = drawBatch(data, s.batchSize, roundRng(s.seed, round, 1));
  return { network, batch, eps: s.eps, show: s.show };
}

export type MoveCheck = { ok: true } | { ok: false; code: ErrorCode; message: string };

/** The move's own sense: a neuron that exists, a finite Δz within the budget. */
export function checkMove(m: RoundMath, move: MovePayload): MoveCheck {
  const L = depth(m.puzzle.network);
  if (move.l < 1 || move.l > L)
    return { ok: false, code: ErrorCode.BadLayer, message: `layer l must be 1 to ${L}` };
  const nl = m.puzzle.network.sizes[move.l]!;
  if (move.j < 0 || move.j >= nl)
    return {
      ok: false,
      code: ErrorCode.BadNeuron,
      message: `layer ${move.l} has neurons 0 to ${nl - 1}`,
    };
  if (!Number.isFinite(move.dz))
    return { ok: false, code: ErrorCode.NotFinite, message: 'Δz must be a finite number' };
  if (Math.abs(move.dz) > m.puzzle.eps)
    return {
      ok: false,
      code: ErrorCode.OutOfBudget,
      message: `|Δz| must be at most ε = ${m.puzzle.eps}`,
    };
  return { ok: true };
}

export function toNudge(n: {
  l: number;
  j: number;
  dz: number;
  deltaC: number;
  predicted: number;
}): Nudge {
  return { l: n.l, j: n.j, dz: n.dz, deltaC: n.deltaC, predicted: n.predicted };
}

export interface MoveTiming {
  /** Seconds since the round opened, pauses left out. */
  seconds: number;
  /** The round's length in seconds. */
  limit: number;
  speedScoring: boolean;
}

/** Scores a checked move against the round's key (DESIGN §2). */
export function scoreRoundMove(
  m: RoundMath,
  move: MovePayload,
  t: MoveTiming,
  scoreBefore: number,
): MoveResult {
  const speed = t.speedScoring ? { elapsed: t.seconds, limit: t.limit } : undefined;
  const s = scoreMove(m.trace, m.key, move.l, move.j, move.dz, speed);
  return {
    ...toNudge(s),
    round: m.round,
    deltaBar: s.deltaBar,
    sigmaPrime: s.sigmaPrime,
    bestDeltaC: m.key.best.deltaC,
    quality: s.quality,
    speed: speedFactor(speed),
    points: s.points,
    wrongWay: s.wrongWay,
    rightSign: s.rightSign,
    saturated: s.saturated,
    reason: s.reason,
    seconds: t.seconds,
    score: scoreBefore + s.points,
    // Every neuron of a class round can be moved: the tags compare the pick with all of them.
    tags: moveMisconceptions(m.trace, s),
    ...(move.prediction ? { prediction: predictionOf(move.prediction, s.deltaC) } : {}),
  };
}

function predictionOf(p: Prediction, deltaC: number): NonNullable<MoveResult['prediction']> {
  const r = scorePrediction(p, deltaC);
  return { ...p, signRight: r.signRight, sizeOff: r.sizeOff, score: r.score };
}

/**
 * The round's most common misconception among the class's moves, told in one
 * sentence with the equation that corrects it and the numbers of the first
 * move that showed it.
 */
export function roundMisconception(
  m: RoundMath,
  moves: readonly MoveResult[],
): NonNullable<Reveal['misconception']> | null {
  const common = commonMisconception(moves.map((mv) => ({ tags: mv.tags ?? [] })));
  if (!common) return null;
  const example = moves.find((mv) => mv.tags?.includes(common.tag))!;
  const score = scoreMove(m.trace, m.key, example.l, example.j, example.dz);
  return { ...common, text: explainMove(common.tag as MoveTag, m.trace, score) };
}

/**
 * The gradient demon's move, scored as a player's move is (it always moves at
 * once: no speed penalty), with the σ' of the neuron it picked.
 */
export function gradientScore(m: RoundMath): Reveal['gradient'] {
  const g = m.key.gradient;
  const q = quality(g.deltaC, m.key.best.deltaC);
  const s = scoreMove(m.trace, m.key, g.l, g.j, g.dz);
  return {
    ...toNudge(g),
    quality: q,
    points: pointsFor(q, g.deltaC > 0),
    sigmaPrime: s.sigmaPrime,
    saturated: s.saturated,
  };
}

/** How the class moved: right-sign share, picks per neuron, every move without names. */
export function classMoves(
  m: RoundMath,
  moves: readonly MoveResult[],
  players: number,
): ClassMoves {
  const sizes = m.puzzle.network.sizes;
  const counts = sizes.slice(1).map((n) => new Array<number>(n).fill(0));
  let right = 0;
  let qSum = 0;
  const predicted = moves.flatMap((mv) => (mv.prediction ? [mv.prediction] : []));
  for (const mv of moves) {
    counts[mv.l - 1]![mv.j]!++;
    if (mv.rightSign) right++;
    qSum += mv.quality;
  }
  return {
    answered: moves.length,
    players,
    rightSignShare: moves.length ? right / moves.length : 0,
    counts,
    moves: moves.map((mv) => ({
      l: mv.l,
      j: mv.j,
      dz: mv.dz,
      deltaC: mv.deltaC,
      rightSign: mv.rightSign,
      ...(mv.prediction
        ? { prediction: { sign: mv.prediction.sign, size: mv.prediction.size } }
        : {}),
    })),
    meanQuality: moves.length ? qSum / moves.length : null,
    ...(predicted.length
      ? {
          predictions: {
            count: predicted.length,
            signRight: predicted.filter((p) => p.signRight).length,
            sizeRight: predicted.filter((p) => p.sizeOff === 0).length,
            meanScore: predicted.reduce((a, p) => a + p.score, 0) / predicted.length,
          },
        }
      : {}),
  };
}

/** δ̄ of layers 1…L, for the reveal. */
export function deltaBars(m: RoundMath): number[][] {
  return m.trace.deltaBar.slice(1).map((d) => Array.from(d));
}

/** The cost on the whole data set: one point of the loss curve. */
export function datasetLoss(net: Network, data: Batch): number {
  return batchCost(net, data);
}

/** What trainAfterRound uses, published with every round so that anyone can recompute it. */
export function trainingOf(s: SessionSettings): TrainingWire {
  const shape = DATASETS[s.dataset];
  return {
    dataset: s.dataset,
    samples: shape.defaultN,
    noise: shape.defaultNoise,
    seed: s.seed,
    eta: s.eta,
    steps: s.sgdSteps,
    batchSize: Math.min(s.batchSize, shape.defaultN),
  };
}

/** k SGD steps on the network in place, after round r; returns the steps run (fewer if η diverged). */
export function trainAfterRound(
  s: SessionSettings,
  net: Network,
  data: Batch,
  round: number,
): number {
  if (s.sgdSteps === 0) return 0;
  const trainer = new Trainer(
    net,
    data,
    { eta: s.eta, batchSize: Math.min(s.batchSize, data.n) },
    roundRng(s.seed, round, 2),
  );
  trainer.run(s.sgdSteps);
  return trainer.steps;
}
