import type { ActivationName } from '#shared/engine/activations';
import { DATASETS } from '#shared/engine/datasets';
import { PRESET_LEVEL_IDS, presetById } from '#shared/game/levels';
import type { Show } from '#shared/game/puzzle';
import {
  SETTINGS_BOUNDS,
  SETTINGS_DEFAULTS,
  type SessionSettingsInput,
} from '#shared/protocol/settings';

/**
 * The host form's state, and the settings it asks the server for: pure, so
 * the form (createView.ts) only draws these values and reads them back.
 * Bounds come from the schema the server checks with, so the two cannot drift.
 */

export const CUSTOM = 'custom';
type Preset = (typeof PRESET_LEVEL_IDS)[number] | typeof CUSTOM;
type DatasetName = keyof typeof DATASETS;

/** The form's fields as typed (text), with what the selects and checkboxes hold. */
export interface SettingsValues {
  preset: Preset;
  rounds: string;
  secondsPerRound: string;
  speedScoring: boolean;
  lateJoin: boolean;
  /** Rank the gradient demon among the players (by default it is a benchmark beside them). */
  demonRanked: boolean;
  sgdSteps: string;
  eta: string;
  /** Empty: the preset's own budget. */
  eps: string;
  dataset: DatasetName;
  /** Neurons per hidden layer, "4,4". */
  hidden: string;
  activation: ActivationName;
  show: Show;
  batchSize: string;
}

export type NumberField = 'rounds' | 'secondsPerRound' | 'sgdSteps' | 'eta' | 'eps' | 'batchSize';

export interface Bound {
  min: number;
  max: number;
  /** The setting must be above `min`, not equal to it. */
  exclusiveMin: boolean;
  integer: boolean;
}

const B = SETTINGS_BOUNDS;
const bound = (
  b: { min: number; max: number; exclusiveMin?: boolean },
  integer: boolean,
): Bound => ({
  min: b.min,
  max: b.max,
  exclusiveMin: b.exclusiveMin ?? false,
  integer,
});

/** Each numeric field's range, as the server's schema checks it (ε and η are > 0 and need not be whole). */
export const BOUNDS: Record<NumberField | 'layer', Bound> = {
  rounds: bound(B.rounds, true),
  secondsPerRound: bound(B.secondsPerRound, true),
  sgdSteps: bound(B.sgdSteps, true),
  eta: bound(B.eta, false),
  eps: bound(B.eps, false),
  batchSize: bound(B.batchSize, true),
  layer: bound(B.sizes, true),
};

/** What a session gets when the host changes nothing: the first level's puzzle, the server's defaults for the rest. */
export const DEFAULTS = { ...SETTINGS_DEFAULTS, preset: 'outputDemon' } as const;

export function defaultValues(): SettingsValues {
  const d = DEFAULTS;
  return {
    preset: d.preset,
    rounds: String(d.rounds),
    secondsPerRound: String(d.secondsPerRound),
    speedScoring: d.speedScoring,
    lateJoin: d.lateJoin,
    demonRanked: d.demonRanked,
    sgdSteps: String(d.sgdSteps),
    eta: String(d.eta),
    eps: '',
    dataset: d.dataset,
    hidden: d.sizes.slice(1, -1).join(','),
    activation: d.activations[0] ?? 'sigmoid',
    show: d.show,
    batchSize: String(d.batchSize),
  };
}

/** The budget an empty ε field means: the preset's own, else the default. */
export function presetEps(preset: Preset): number {
  return presetById(preset)?.settings.eps ?? DEFAULTS.eps;
}

export function isPreset(s: string): s is Preset {
  return s === CUSTOM || (PRESET_LEVEL_IDS as readonly string[]).includes(s);
}

export type SettingsCheck =
  | { ok: true; settings: SessionSettingsInput }
  | { ok: false; field: NumberField | 'hidden' };

function inBounds(v: number, b: Bound): boolean {
  return (
    Number.isFinite(v) &&
    (b.exclusiveMin ? v > b.min : v >= b.min) &&
    v <= b.max &&
    (!b.integer || Number.isInteger(v))
  );
}

/**
 * What `POST /api/sessions` takes, or the first field out of its range. An
 * empty number field means its default; the batch is cut to the data set's size.
 */
export function toSettings(v: SettingsValues): SettingsCheck {
  const num = (f: NumberField, fallback: number): number | null => {
    const text = v[f].trim();
    const n = text === '' ? fallback : Number(text);
    return inBounds(n, BOUNDS[f]) ? n : null;
  };
  const fields: [NumberField, number][] = [
    ['rounds', DEFAULTS.rounds],
    ['secondsPerRound', DEFAULTS.secondsPerRound],
    ['sgdSteps', DEFAULTS.sgdSteps],
    ['eta', DEFAULTS.eta],
    ['eps', presetEps(v.preset)],
  ];
  const n: Partial<Record<NumberField, number>> = {};
  for (const [f, fallback] of fields) {
    const x = num(f, fallback);
    if (x === null) return { ok: false, field: f };
    n[f] = x;
  }
  const s: SessionSettingsInput = {
    rounds: n.rounds,
    secondsPerRound: n.secondsPerRound,
    speedScoring: v.speedScoring,
    lateJoin: v.lateJoin,
    demonRanked: v.demonRanked,
    sgdSteps: n.sgdSteps,
    eta: n.eta,
  };
  if (v.eps.trim()) s.eps = n.eps;
  if (v.preset !== CUSTOM) return { ok: true, settings: { ...s, preset: v.preset } };
  const hidden = v.hidden
    .split(/[,\s，]+/)
    .filter(Boolean)
    .map(Number);
  if (!hidden.every((h) => inBounds(h, BOUNDS.layer))) return { ok: false, field: 'hidden' };
  const batch = num('batchSize', DEFAULTS.batchSize);
  if (batch === null) return { ok: false, field: 'batchSize' };
  const shape = DATASETS[v.dataset];
  return {
    ok: true,
    settings: {
      ...s,
      dataset: v.dataset,
      sizes: [shape.inputs, ...hidden, shape.outputs],
      activation: v.activation,
      show: v.show,
      batchSize: Math.min(batch, shape.defaultN),
    },
  };
}
