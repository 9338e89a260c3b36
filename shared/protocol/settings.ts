import { z } from 'zod';
import { ACTIVATIONS } from '#shared/engine/activations';
import { COSTS } from '#shared/engine/costs';
import { DATASETS } from '#shared/engine/datasets';
import { PRESET_LEVEL_IDS } from '#shared/game/levels';
import { SHOW } from '#shared/game/puzzle';

/**
 * A classroom session's settings: the bounds a host may choose within, the
 * defaults when they choose nothing, and the schemas built from both. The
 * host form reads SETTINGS_BOUNDS and SETTINGS_DEFAULTS from here, so the form
 * and the server's check cannot drift apart.
 */

const DATASET_NAMES = Object.keys(DATASETS) as [
  keyof typeof DATASETS,
  ...(keyof typeof DATASETS)[],
];

/** Largest classroom network layer: a phone must still draw it. */
export const MAX_CLASS_LAYER = 32;
/** Most layers (input and output included) of a classroom network. */
export const MAX_CLASS_LAYERS = 6;

/**
 * Inclusive bounds of each numeric setting; `eps` and `eta` must also be above
 * their `min` (0), the others are integers. `sizes` bounds one layer's width
 * and `layers` the length of `sizes`.
 */
export const SETTINGS_BOUNDS = {
  sizes: { min: 1, max: MAX_CLASS_LAYER },
  layers: { min: 2, max: MAX_CLASS_LAYERS },
  eps: { min: 0, max: 10, exclusiveMin: true },
  batchSize: { min: 1, max: 64 },
  rounds: { min: 1, max: 30 },
  secondsPerRound: { min: 5, max: 600 },
  sgdSteps: { min: 0, max: 1000 },
  eta: { min: 0, max: 10, exclusiveMin: true },
  seed: { min: 0, max: 0xffffffff },
  /** A host's `host:extend` adds this many seconds. */
  extendSeconds: { min: 5, max: 600 },
} as const;

const B = SETTINGS_BOUNDS;
const intIn = (b: { min: number; max: number }) => z.int().min(b.min).max(b.max);
const aboveZero = (b: { max: number }) => z.number().gt(0).max(b.max);

/**
 * `POST /api/sessions`: a level preset, custom settings, or a preset with some
 * fields overridden. Absent puzzle fields come from the preset, else from
 * SETTINGS_DEFAULTS.
 */
export const SessionSettingsInput = z.strictObject({
  preset: z.enum(PRESET_LEVEL_IDS).optional(),
  dataset: z.enum(DATASET_NAMES).optional(),
  sizes: z.array(intIn(B.sizes)).min(B.layers.min).max(B.layers.max).optional(),
  /** One activation for every layer 1…L, or one per layer. */
  activation: z.union([z.enum(ACTIVATIONS), z.array(z.enum(ACTIVATIONS)).min(1)]).optional(),
  cost: z.enum(COSTS).optional(),
  show: z.enum(SHOW).optional(),
  eps: aboveZero(B.eps).optional(),
  batchSize: intIn(B.batchSize).optional(),
  rounds: intIn(B.rounds).optional(),
  secondsPerRound: intIn(B.secondsPerRound).optional(),
  speedScoring: z.boolean().optional(),
  /** No clock: a round waits for every player (or the host); speed scoring is then off. */
  untimed: z.boolean().optional(),
  lateJoin: z.boolean().optional(),
  /** Rank the gradient demon among the players (podium included); by default it stands beside them. */
  demonRanked: z.boolean().optional(),
  sgdSteps: intIn(B.sgdSteps).optional(),
  eta: aboveZero(B.eta).optional(),
  seed: intIn(B.seed).optional(),
  /** Predict, then nudge: every move first commits the sign and decade of its ΔC. */
  predict: z.boolean().optional(),
  /** The concept check in the lobby, before round 1. */
  preCheck: z.boolean().optional(),
  /** The concept check once the last round has closed (its reveal and the end). */
  postCheck: z.boolean().optional(),
});
export type SessionSettingsInput = z.infer<typeof SessionSettingsInput>;

/** Settings as the server resolved them: every field explicit. */
export const SessionSettings = z.strictObject({
  preset: z.enum(PRESET_LEVEL_IDS).nullable(),
  dataset: z.enum(DATASET_NAMES),
  sizes: z.array(z.int()),
  activations: z.array(z.enum(ACTIVATIONS)),
  cost: z.enum(COSTS),
  show: z.enum(SHOW),
  eps: z.number(),
  batchSize: z.int(),
  rounds: z.int(),
  secondsPerRound: z.int(),
  speedScoring: z.boolean(),
  /** Absent in sessions stored before untimed play existed: timed. */
  untimed: z.boolean().default(false),
  lateJoin: z.boolean(),
  demonRanked: z.boolean(),
  sgdSteps: z.int(),
  eta: z.number(),
  seed: z.int(),
  /** Absent in sessions stored before these existed: off. */
  predict: z.boolean().optional(),
  preCheck: z.boolean().optional(),
  postCheck: z.boolean().optional(),
});
export type SessionSettings = z.infer<typeof SessionSettings>;

/** A session's settings when the host gives none: a small XOR network, δ on show. */
export const SETTINGS_DEFAULTS: SessionSettings = {
  preset: null,
  dataset: 'xor',
  sizes: [2, 3, 1],
  activations: ['sigmoid', 'sigmoid'],
  cost: 'quadratic',
  show: 'delta',
  eps: 1,
  batchSize: 4,
  rounds: 5,
  secondsPerRound: 30,
  speedScoring: true,
  untimed: false,
  lateJoin: true,
  demonRanked: false,
  sgdSteps: 20,
  eta: 0.5,
  seed: 1,
  predict: false,
  preCheck: false,
  postCheck: false,
};
