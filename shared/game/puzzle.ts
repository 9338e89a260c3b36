import {
  type ActivationName,
  type Batch,
  type BatchJSON,
  batchFromJSON,
  batchToJSON,
  type CostName,
  check,
  createNetwork,
  type DatasetName,
  EngineErrorCode,
  makeDataset,
  type Network,
  type NetworkJSON,
  networkFromJSON,
  networkToJSON,
  Rng,
  subBatch,
} from '#shared/engine/index';

/**
 * What a puzzle lets the player see. `delta`: δ of every neuron. `nextLayer`:
 * δ hidden, but w^{l+1} and δ^{l+1} shown, so BP2 gives it. `forward`: only z,
 * a, σ'(z), the targets and the cost: δ must be worked out (BP1 and BP2).
 */
export const SHOW = ['delta', 'nextLayer', 'forward'] as const;
export type Show = (typeof SHOW)[number];

/** A demon's puzzle: a network, a batch with targets, a budget ε and what is shown. */
export interface Puzzle {
  network: Network;
  batch: Batch;
  /** The budget: a move's |Δz| may be at most ε. */
  eps: number;
  show: Show;
}

/** The puzzle on the wire: enough to recompute every number of its round. */
export interface PuzzleJSON {
  network: NetworkJSON;
  batch: BatchJSON;
  eps: number;
  show: Show;
}

export interface PuzzleSettings {
  dataset: DatasetName;
  sizes: number[];
  activations: ActivationName | ActivationName[];
  cost: CostName;
  /** Samples in the puzzle's batch. */
  batchSize: number;
  eps: number;
  show: Show;
  seed: number;
}

export function puzzleToJSON(p: Puzzle): PuzzleJSON {
  return {
    network: networkToJSON(p.network),
    batch: batchToJSON(p.batch),
    eps: p.eps,
    show: p.show,
  };
}

export function puzzleFromJSON(json: PuzzleJSON): Puzzle {
  check(
    typeof json === 'object' && json !== null,
    EngineErrorCode.BadArgument,
    'puzzle must be an object',
  );
  const network = networkFromJSON(json.network);
  const sizes = network.sizes;
  const batch = batchFromJSON(json.batch, sizes[0]!, sizes[sizes.length - 1]!);
  check(
    typeof json.eps === 'number' && Number.isFinite(json.eps) && json.eps > 0,
    EngineErrorCode.BadBudget,
    'the budget ε must be a finite number above 0',
  );
  check(
    (SHOW as readonly string[]).includes(json.show),
    EngineErrorCode.BadArgument,
    `show must be one of ${SHOW.join(', ')}`,
  );
  return { network, batch, eps: json.eps, show: json.show };
}

/** `size` distinct samples of a data set, chosen by the PRNG. */
export function drawBatch(data: Batch, size: number, rng: Rng): Batch {
  const order = Array.from({ length: data.n }, (_, i) => i);
  rng.shuffle(order);
  return subBatch(data, order.slice(0, Math.min(size, data.n)));
}

/** A fresh network, data set and batch from settings: the same seed, the same puzzle. */
export function buildPuzzle(settings: PuzzleSettings): { puzzle: Puzzle; data: Batch } {
  const rng = new Rng(settings.seed);
  const data = makeDataset(settings.dataset, rng);
  const network = createNetwork(
    { sizes: settings.sizes, activations: settings.activations, cost: settings.cost },
    rng,
  );
  const batch = drawBatch(data, settings.batchSize, rng);
  return { puzzle: { network, batch, eps: settings.eps, show: settings.show }, data };
}
