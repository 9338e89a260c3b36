import { type ActivationName, DATASETS, type Network } from '#shared/engine/index';
import { applyLevelScale, presetById } from '#shared/game/levels';
import type { PuzzleSettings } from '#shared/game/puzzle';
import {
  SETTINGS_DEFAULTS,
  type SessionSettings,
  SessionSettingsInput,
} from '#shared/protocol/schemas';
import { UNTIMED_ROUND_SECONDS } from '#shared/protocol/timing';

/** A session's settings when the host gives none (shared/protocol/settings.ts). */
export const DEFAULT_SETTINGS: SessionSettings = SETTINGS_DEFAULTS;

export type SettingsResult =
  | { ok: true; settings: SessionSettings }
  | { ok: false; field: string; message: string };

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('') || 'settings';
}

/**
 * Settings from a host's request: a preset's puzzle, overridden field by field,
 * checked for range (zod) and for fit (sizes against the data set, cost
 * against the output activation). An error names the field.
 */
export function resolveSettings(raw: unknown, randomSeed: () => number): SettingsResult {
  const parsed = SessionSettingsInput.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = fieldOf(issue.path);
    return { ok: false, field, message: `${field}: ${issue.message}` };
  }
  const input = parsed.data;
  const level = input.preset ? presetById(input.preset) : undefined;
  const base: PuzzleSettings = level
    ? level.settings
    : { ...DEFAULT_SETTINGS, activations: 'sigmoid' };
  const sizes = input.sizes ?? [...base.sizes];
  const L = sizes.length - 1;
  const given = input.activation ?? base.activations;
  const activations: ActivationName[] =
    typeof given === 'string' ? Array.from({ length: L }, () => given) : [...given];
  const s: SessionSettings = {
    preset: input.preset ?? null,
    dataset: input.dataset ?? base.dataset,
    sizes,
    activations,
    cost: input.cost ?? base.cost,
    show: input.show ?? base.show,
    eps: input.eps ?? base.eps,
    batchSize: input.batchSize ?? base.batchSize,
    rounds: input.rounds ?? DEFAULT_SETTINGS.rounds,
    secondsPerRound: input.secondsPerRound ?? DEFAULT_SETTINGS.secondsPerRound,
    // Untimed play has no clock to be fast against.
    speedScoring: !input.untimed && (input.speedScoring ?? DEFAULT_SETTINGS.speedScoring),
    untimed: input.untimed ?? false,
    lateJoin: input.lateJoin ?? DEFAULT_SETTINGS.lateJoin,
    demonRanked: input.demonRanked ?? DEFAULT_SETTINGS.demonRanked,
    sgdSteps: input.sgdSteps ?? DEFAULT_SETTINGS.sgdSteps,
    eta: input.eta ?? DEFAULT_SETTINGS.eta,
    seed: input.seed ?? (input.preset && level ? level.settings.seed : randomSeed()),
    predict: input.predict ?? false,
    preCheck: input.preCheck ?? false,
    postCheck: input.postCheck ?? false,
  };
  const shape = DATASETS[s.dataset];
  const fail = (field: string, message: string): SettingsResult => ({
    ok: false,
    field,
    message: `${field}: ${message}`,
  });
  if (sizes[0] !== shape.inputs)
    return fail(
      'sizes',
      `layer 0 must have ${shape.inputs} neurons, the inputs of the ${s.dataset} data set`,
    );
  if (sizes[L] !== shape.outputs)
    return fail(
      'sizes',
      `the output layer must have ${shape.outputs} neurons, the targets of the ${s.dataset} data set`,
    );
  if (activations.length !== L)
    return fail(
      'activation',
      `give one activation for each of the ${L} layers after the input, or one for all`,
    );
  if (s.cost === 'crossEntropy' && activations[L - 1] !== 'sigmoid')
    return fail('cost', 'the cross-entropy cost needs a sigmoid output layer');
  const n = shape.defaultN;
  if (s.batchSize > n) return fail('batchSize', `the ${s.dataset} data set has only ${n} samples`);
  return { ok: true, settings: s };
}

/** The puzzle settings of round 1's network. */
export function puzzleSettings(s: SessionSettings): PuzzleSettings {
  return {
    dataset: s.dataset,
    sizes: s.sizes,
    activations: s.activations,
    cost: s.cost,
    batchSize: s.batchSize,
    eps: s.eps,
    show: s.show,
    seed: s.seed,
  };
}

/** A preset's weight scaling (saturated neurons), when the network is the preset's own. */
export function applyPresetScale(s: SessionSettings, net: Network): void {
  const level = s.preset ? presetById(s.preset) : undefined;
  if (level && level.settings.sizes.join() === s.sizes.join()) applyLevelScale(level, net);
}

/** A round's length in seconds: the host's choice, or the untimed backstop. */
export function roundSeconds(s: SessionSettings): number {
  return s.untimed ? UNTIMED_ROUND_SECONDS : s.secondsPerRound;
}
