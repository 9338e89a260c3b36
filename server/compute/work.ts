import type { NetworkJSON } from '#shared/engine/index';
import type { PuzzleJSON } from '#shared/game/puzzle';
import type { RoundKey } from '#shared/game/scoring';
import type { SessionSettings } from '#shared/protocol/schemas';

/**
 * The heavy work of a session, behind one door: SGD between rounds and the
 * best-move search of each round. Everything crossing it is plain data, so it
 * can run on a worker thread; the room awaits it and never blocks the loop.
 */

/** Work for the round after `round` (0: before round 1). */
export interface AheadInput {
  settings: SessionSettings;
  /** Round `round`'s network (the puzzle's, before any training); absent for round 0. */
  network?: NetworkJSON;
  round: number;
}

export interface AheadResult {
  round: number;
  /** After round ≥ 1: the network after k SGD steps, the steps run, and the loss on the data set. */
  trained: { network: NetworkJSON; steps: number; loss: number } | null;
  /** Round 0: the loss on the data set of round 1's network (the loss curve's first point). */
  startLoss: number | null;
  /** Round `round` + 1's puzzle and its key; null after the last round. */
  next: { puzzle: PuzzleJSON; key: RoundKey } | null;
}

export interface RoundWork {
  /** Everything needed to go past round `round`: its training and the next round's puzzle and key. */
  ahead(input: AheadInput): Promise<AheadResult>;
  close(): Promise<void>;
}
