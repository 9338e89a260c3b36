import { analyse, type Batch, networkFromJSON, networkToJSON } from '#shared/engine/index';
import { buildPuzzle, type Puzzle, puzzleToJSON } from '#shared/game/puzzle';
import { roundKey } from '#shared/game/scoring';
import type { SessionSettings } from '#shared/protocol/schemas';
import { datasetLoss, nextPuzzle, trainAfterRound } from '../rooms/roundMath.ts';
import { applyPresetScale, puzzleSettings } from '../rooms/settings.ts';
import type { AheadInput, AheadResult } from './work.ts';

/**
 * The heavy work as plain functions of plain data: what a worker thread runs
 * (server/compute/worker.ts), and what runs inline in tests and when no pool
 * is wanted. Same input, same output, bit for bit, wherever it runs.
 */

/** A session's data set and round 1's puzzle, rebuilt from its settings (the seed decides them). */
export function sessionStart(settings: SessionSettings): { first: Puzzle; data: Batch } {
  const built = buildPuzzle(puzzleSettings(settings));
  applyPresetScale(settings, built.puzzle.network);
  return { first: built.puzzle, data: built.data };
}

/** The last few sessions' data sets: a worker keeps them, rather than rebuilding one per task. */
const recent = new Map<string, { first: Puzzle; data: Batch }>();
function startOf(settings: SessionSettings): { first: Puzzle; data: Batch } {
  const key = JSON.stringify(settings);
  let hit = recent.get(key);
  if (!hit) {
    hit = sessionStart(settings);
    if (recent.size >= 16) recent.delete(recent.keys().next().value!);
    recent.set(key, hit);
  }
  return hit;
}

function keyed(p: Puzzle): {
  puzzle: ReturnType<typeof puzzleToJSON>;
  key: ReturnType<typeof roundKey>;
} {
  return { puzzle: puzzleToJSON(p), key: roundKey(analyse(p.network, p.batch), p.eps) };
}

/** Round 0: round 1's puzzle and key and the first loss; round r ≥ 1: k SGD steps, then round r + 1. */
export function ahead(input: AheadInput): AheadResult {
  const { settings, round } = input;
  const { first, data } = startOf(settings);
  if (round === 0 || !input.network)
    return {
      round: 0,
      trained: null,
      startLoss: datasetLoss(first.network, data),
      next: keyed(first),
    };
  const network = networkFromJSON(input.network);
  const steps = trainAfterRound(settings, network, data, round);
  const loss = datasetLoss(network, data);
  const next =
    round < settings.rounds ? keyed(nextPuzzle(settings, network, data, round + 1)) : null;
  return {
    round,
    trained: { network: networkToJSON(network), steps, loss },
    startLoss: null,
    next,
  };
}
