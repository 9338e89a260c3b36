import { type Batch, depth, type Network, type NeuronRef } from '#shared/engine/index';
import { MNIST_LEVEL, type MnistLevelSpec } from './mnistLevel.ts';
import { buildPuzzle, type Puzzle, type PuzzleSettings } from './puzzle.ts';

/**
 * The campaign: one concept of chapter 2 a level. Each level's puzzle comes
 * from its settings (same seed, same puzzle) and, for a few levels, a scaling
 * of the initial weights; the classroom offers the same levels as presets.
 * Stars are earned by quality q = ΔC_move / ΔC_best.
 */
/** Levels whose puzzle comes from their settings alone: these are the classroom's presets too. */
export const PRESET_LEVEL_IDS = [
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
/** The campaign in order: the presets, then the book's own network on real digits. */
export const LEVEL_IDS = [...PRESET_LEVEL_IDS, 'realDigits'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];
export type PresetLevelId = (typeof PRESET_LEVEL_IDS)[number];

/** What one move of a level is: a Δz nudge, a Δw on one weight (BP4), or a typed δ before a nudge. */
export const LevelKind = { Nudge: 'nudge', Weight: 'weight', HandDelta: 'handDelta' } as const;
export type LevelKind = (typeof LevelKind)[keyof typeof LevelKind];

export interface LevelDef {
  id: LevelId;
  /** The puzzle: network, data, budget and what is shown. */
  settings: PuzzleSettings;
  /** Multiplies w^l and b^l by scale[l−1] after initialisation: large weights saturate neurons. */
  scale?: readonly number[];
  /** Layers where the best move lies, drawn first for the player (all of 1…L when absent). */
  layers?: number[];
  /** Moves in a level; each persists as b^l_j += Δz (BP3) before the next. Default 1. */
  moves?: number;
  kind?: LevelKind;
  /** Inputs (engine index, from 0) that read 0 on every sample: a dead sensor whose weights cannot learn (BP4). */
  inactiveInputs?: readonly number[];
  /** A race against the gradient demon: stars come from the margin of the whole run (raceStars), not from q. */
  race?: true;
  /**
   * The puzzle is the book's [784,30,10] trained on the packed MNIST digits
   * (buildMnistLevel), loaded only when the level opens; `settings` then
   * state its shape and budget, and `levelPuzzle` cannot build it.
   */
  mnist?: MnistLevelSpec;
  /** q needed for 1, 2 and 3 stars (the mean q over the level's moves). */
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
  // One output neuron, δ on show: nudge against its sign. Levels 1–5 keep ε small enough
  // that δΔz predicts the best move's ΔC within 10 % (tests/shared/game/levels.test.ts).
  {
    id: 'outputDemon',
    settings: { ...base, dataset: 'and', sizes: [2, 1], eps: 0.2, seed: 11 },
    stars: STARS,
  },
  // δ hidden: a^L − y and σ'(z^L) give its sign (BP1).
  {
    id: 'predictSign',
    settings: { ...base, dataset: 'or', sizes: [2, 1], show: 'forward', eps: 0.1, seed: 12 },
    stars: STARS,
  },
  // Large first-layer weights put two hidden neurons to sleep (σ' < 0.02): their δ is ≈ 0.
  {
    id: 'asleepAtEdges',
    settings: { ...base, dataset: 'clusters', sizes: [2, 4, 1], eps: 0.2, seed: 263 },
    scale: [6, 1],
    layers: [1],
    stars: STARS,
  },
  // A strong second layer makes a hidden neuron the best lever; its δ comes from BP2.
  {
    id: 'oneLayerBack',
    settings: { ...base, show: 'nextLayer', eps: 0.1, seed: 15 },
    scale: [1, 3],
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
      eps: 0.3,
      seed: 1,
    },
    stars: STARS,
  },
  // ε = 4: the full budget overshoots the target and raises C; the best |Δz| is about 1.6.
  { id: 'lineLies', settings: { ...base, eps: 4, seed: 2 }, stars: STARS },
  // Three moves, each kept as b^l_j += Δz (BP3); the output bias is far from its best, so each full step helps.
  {
    id: 'biasLever',
    settings: { ...base, dataset: 'clusters', batchSize: 8, eps: 0.5, seed: 37 },
    moves: 3,
    stars: STARS,
  },
  // AND's inputs are often 0, and input 2 is a dead sensor (0 on every sample): the weights
  // they feed have ∂C/∂w = a_k δ_j = 0 on those samples, and input 2's weights cannot learn at all.
  {
    id: 'weightsToo',
    settings: { ...base, dataset: 'and', seed: 18 },
    kind: LevelKind.Weight,
    inactiveInputs: [1],
    stars: STARS,
  },
  {
    id: 'manySamples',
    settings: { ...base, dataset: 'circle', batchSize: 8, eps: 0.5, seed: 19 },
    stars: STARS,
  },
  // The gradient demon spends its full budget each move and overshoots on the third: a thinking demon wins.
  {
    id: 'raceGradient',
    settings: {
      ...base,
      dataset: 'spirals',
      sizes: [2, 6, 6, 1],
      batchSize: 16,
      eps: 0.5,
      seed: 7,
    },
    moves: 3,
    race: true,
    stars: STARS,
  },
  // Five sigmoid layers: δ shrinks by σ' ≤ ¼ a layer, so the early layers hardly matter.
  { id: 'deepTrouble', settings: { ...base, sizes: [2, 3, 3, 3, 3, 1], seed: 1 }, stars: STARS },
  // As in level 4, a strong second layer makes the hidden neuron whose δ is asked the best lever.
  {
    id: 'handBackprop',
    settings: { ...base, show: 'forward', seed: 16 },
    scale: [1, 3],
    layers: [1],
    kind: LevelKind.HandDelta,
    stars: STARS,
  },
  // The book's network on real handwriting: one misclassified test digit, three moves of
  // hidden neurons only. The |δ| rule (δ^L through BP2) fixes the digit on the last move.
  {
    id: 'realDigits',
    settings: {
      ...base,
      dataset: 'digits',
      sizes: [784, 30, 10],
      batchSize: 1,
      eps: MNIST_LEVEL.eps,
      seed: MNIST_LEVEL.seed,
    },
    mnist: MNIST_LEVEL,
    layers: [1],
    moves: MNIST_LEVEL.moves,
    stars: STARS,
  },
];

export function levelById(id: string): LevelDef | undefined {
  return LEVELS.find((l) => l.id === id);
}

/** The levels built from their settings alone, in campaign order (every one but the MNIST level). */
export const PRESET_LEVELS: readonly LevelDef[] = LEVELS.filter((l) =>
  (PRESET_LEVEL_IDS as readonly string[]).includes(l.id),
);

/** A classroom preset: a level whose puzzle its settings build (not one that needs the digits). */
export function presetById(id: string): LevelDef | undefined {
  return PRESET_LEVELS.find((l) => l.id === id);
}

/** Multiplies w^l and b^l by the level's scale[l−1], in place (nothing when the level has none). */
export function applyLevelScale(level: LevelDef, net: Network): void {
  if (!level.scale) return;
  for (let l = 1; l <= depth(net); l++) {
    const f = level.scale[l - 1] ?? 1;
    const w = net.w[l]!;
    const b = net.b[l]!;
    for (let i = 0; i < w.length; i++) w[i]! *= f;
    for (let j = 0; j < b.length; j++) b[j]! *= f;
  }
}

/** The level's puzzle: its settings' puzzle, with the level's weight scaling and dead inputs applied. */
export function levelPuzzle(level: LevelDef): { puzzle: Puzzle; data: Batch } {
  if (level.mnist)
    throw new Error(`level ${level.id} is built from the MNIST digits: use buildMnistLevel`);
  const built = buildPuzzle(level.settings);
  applyLevelScale(level, built.puzzle.network);
  const { batch } = built.puzzle;
  for (const k of level.inactiveInputs ?? [])
    for (let x = 0; x < batch.n; x++) batch.x[x * batch.nIn + k] = 0;
  return built;
}

/** Stars (0–3) for a quality q. */
export function starsFor(level: LevelDef, q: number): 0 | 1 | 2 | 3 {
  const [one, two, three] = level.stars;
  return q >= three ? 3 : q >= two ? 2 : q >= one ? 1 : 0;
}

/** The neurons a player may move (engine indices): every neuron of the given layers, or of 1…L. */
export function movableNeurons(net: Network, layers?: readonly number[] | null): NeuronRef[] {
  const out: NeuronRef[] = [];
  for (let l = 1; l <= depth(net); l++) {
    if (layers && !layers.includes(l)) continue;
    for (let j = 0; j < net.sizes[l]!; j++) out.push({ l, j });
  }
  return out;
}

/** How far the player's whole run beat the gradient demon's: (ΔC_demon − ΔC_you) / |ΔC_demon|. */
export function raceMargin(you: number, demon: number): number {
  return (demon - you) / Math.max(Math.abs(demon), 1e-12);
}

/** Margins for 1, 2 and 3 stars in a race: lose by at most half, tie within 5 %, win by 5 %. */
export const RACE_STARS = [-0.5, -0.05, 0.05] as const;

/** Stars for a race: a player who follows the gradient's own rule ties (2 stars); beating it takes thought. */
export function raceStars(you: number, demon: number): 0 | 1 | 2 | 3 {
  const m = raceMargin(you, demon);
  const [one, two, three] = RACE_STARS;
  return m >= three ? 3 : m >= two ? 2 : m >= one ? 1 : 0;
}
