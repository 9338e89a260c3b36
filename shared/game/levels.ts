import type { PuzzleSettings } from './puzzle.ts';

/**
 * The campaign: one concept of chapter 2 a level. Each level's puzzle comes
 * from its settings (same seed, same puzzle); the classroom offers the same
 * levels as presets. Stars are earned by quality q = ΔC_move / ΔC_best.
 */
export const LEVEL_IDS = [
  'outputDemon',
  'predictSign',
  'asleepAtEdges',
  'oneLayerBack',
  'hunt',
  'lineLies',
  'biasLever',
  'weightsToo',
  'manySamples',
  'raceGradient',
  'deepTrouble',
  'handBackprop',
] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export interface LevelDef {
  id: LevelId;
  /** The puzzle: network, data, budget and what is shown. */
  settings: PuzzleSettings;
  /** Layers the demon may nudge (all of 1…L when absent). */
  layers?: number[];
  /** q needed for 1, 2 and 3 stars. */
  stars: readonly [number, number, number];
}

const STARS = [0.3, 0.7, 0.9] as const;

const base = {
  dataset: 'xor',
  sizes: [2, 3, 1],
  activations: 'sigmoid',
  cost: 'quadratic',
  batchSize: 4,
  eps: 1,
  show: 'delta',
  seed: 1,
} satisfies PuzzleSettings;

export const LEVELS: readonly LevelDef[] = [
  { id: 'outputDemon', settings: { ...base, sizes: [2, 2], seed: 11 }, layers: [1], stars: STARS },
  {
    id: 'predictSign',
    settings: { ...base, sizes: [2, 3], show: 'forward', seed: 12 },
    layers: [1],
    stars: STARS,
  },
  {
    id: 'asleepAtEdges',
    settings: { ...base, sizes: [2, 4], seed: 13 },
    layers: [1],
    stars: STARS,
  },
  {
    id: 'oneLayerBack',
    settings: { ...base, show: 'nextLayer', seed: 14 },
    layers: [1],
    stars: STARS,
  },
  {
    id: 'hunt',
    settings: {
      ...base,
      dataset: 'circle',
      sizes: [2, 6, 6, 1],
      batchSize: 16,
      eps: 0.5,
      seed: 15,
    },
    stars: STARS,
  },
  { id: 'lineLies', settings: { ...base, eps: 4, seed: 16 }, stars: STARS },
  {
    id: 'biasLever',
    settings: { ...base, dataset: 'clusters', batchSize: 8, seed: 17 },
    stars: STARS,
  },
  { id: 'weightsToo', settings: { ...base, dataset: 'and', seed: 18 }, stars: STARS },
  {
    id: 'manySamples',
    settings: { ...base, dataset: 'circle', batchSize: 16, seed: 19 },
    stars: STARS,
  },
  {
    id: 'raceGradient',
    settings: {
      ...base,
      dataset: 'spirals',
      sizes: [2, 6, 6, 1],
      batchSize: 16,
      eps: 0.5,
      seed: 20,
    },
    stars: STARS,
  },
  { id: 'deepTrouble', settings: { ...base, sizes: [2, 3, 3, 3, 3, 1], seed: 21 }, stars: STARS },
  { id: 'handBackprop', settings: { ...base, show: 'forward', seed: 22 }, stars: STARS },
];

export function levelById(id: string): LevelDef | undefined {
  return LEVELS.find((l) => l.id === id);
}
