import { z } from 'zod';
import { ACTIVATIONS } from '#shared/engine/activations';
import { COSTS } from '#shared/engine/costs';
import { DATASETS } from '#shared/engine/datasets';
import { LEVEL_IDS } from '#shared/game/levels';
import { SHOW } from '#shared/game/puzzle';
import { NICKNAME_MAX } from './codes.ts';

/**
 * Every payload a client sends, as a zod schema: the server parses each one
 * before it reaches a room, and the TypeScript types come from the same schemas.
 */

const DATASET_NAMES = Object.keys(DATASETS) as [
  keyof typeof DATASETS,
  ...(keyof typeof DATASETS)[],
];

/** Largest classroom network layer: a phone must still draw it. */
export const MAX_CLASS_LAYER = 32;
export const MAX_CLASS_LAYERS = 6;

/**
 * `POST /api/sessions`: a level preset, custom settings, or a preset with some
 * fields overridden. Absent puzzle fields come from the preset, else from the
 * defaults in docs/protocol.md.
 */
export const SessionSettingsInput = z.strictObject({
  preset: z.enum(LEVEL_IDS).optional(),
  dataset: z.enum(DATASET_NAMES).optional(),
  sizes: z.array(z.int().min(1).max(MAX_CLASS_LAYER)).min(2).max(MAX_CLASS_LAYERS).optional(),
  /** One activation for every layer 1…L, or one per layer. */
  activation: z.union([z.enum(ACTIVATIONS), z.array(z.enum(ACTIVATIONS)).min(1)]).optional(),
  cost: z.enum(COSTS).optional(),
  show: z.enum(SHOW).optional(),
  eps: z.number().gt(0).max(10).optional(),
  batchSize: z.int().min(1).max(64).optional(),
  rounds: z.int().min(1).max(30).optional(),
  secondsPerRound: z.int().min(5).max(600).optional(),
  speedScoring: z.boolean().optional(),
  lateJoin: z.boolean().optional(),
  sgdSteps: z.int().min(0).max(1000).optional(),
  eta: z.number().gt(0).max(10).optional(),
  seed: z.int().min(0).max(0xffffffff).optional(),
});
export type SessionSettingsInput = z.infer<typeof SessionSettingsInput>;

/** Settings as the server resolved them: every field explicit. */
export const SessionSettings = z.strictObject({
  preset: z.enum(LEVEL_IDS).nullable(),
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
  lateJoin: z.boolean(),
  sgdSteps: z.int(),
  eta: z.number(),
  seed: z.int(),
});
export type SessionSettings = z.infer<typeof SessionSettings>;

export const Code = z.string().regex(/^\d{6}$/, { error: 'code must be 6 digits' });
export const Token = z.string().min(16).max(128);

export const JoinPayload = z.strictObject({
  code: Code,
  /** Checked by checkNickname, so that a bad one gets NICKNAME_INVALID. */
  nickname: z.string().max(200),
});
export type JoinPayload = z.infer<typeof JoinPayload>;

export const ResumePayload = z.strictObject({ code: Code, token: Token });
export type ResumePayload = z.infer<typeof ResumePayload>;

export const HostJoinPayload = z.strictObject({ code: Code, token: Token });
export type HostJoinPayload = z.infer<typeof HostJoinPayload>;

/** A demon's move: add Δz to z^l_j in round `round`. */
export const MovePayload = z.strictObject({
  round: z.int().min(1).max(1000),
  l: z.int(),
  j: z.int(),
  dz: z.number(),
});
export type MovePayload = z.infer<typeof MovePayload>;

/** Host commands without arguments take `{}` (or nothing, or null). */
export const EmptyPayload = z.strictObject({}).nullish();
export type EmptyPayload = z.infer<typeof EmptyPayload>;

export const ExtendPayload = z.strictObject({ seconds: z.int().min(5).max(600) });
export type ExtendPayload = z.infer<typeof ExtendPayload>;

export const KickPayload = z.strictObject({ playerId: z.string().min(1).max(64) });
export type KickPayload = z.infer<typeof KickPayload>;

// Control and format characters (bidi overrides, zero-width) except the emoji joiner U+200D.
const HIDDEN_CHARS =
  /[\p{Cc}\u2028\u2029\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/u;

export type NicknameCheck =
  | { ok: true; nickname: string; key: string }
  | { ok: false; message: string };

/**
 * A nickname is 1–NICKNAME_MAX (32) characters after trimming, with no control characters;
 * `key` is what "unique ignoring case" compares.
 */
export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.normalize('NFC').trim();
  const length = [...nickname].length;
  if (length < 1 || length > NICKNAME_MAX)
    return { ok: false, message: `nickname must be 1 to ${NICKNAME_MAX} characters` };
  if (HIDDEN_CHARS.test(nickname))
    return { ok: false, message: 'nickname must not hold control characters' };
  return { ok: true, nickname, key: nickname.normalize('NFKC').toLowerCase() };
}
