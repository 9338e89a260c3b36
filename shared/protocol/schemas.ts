import { z } from 'zod';
import { PredictSign } from '#shared/game/prediction';
import { NICKNAME_MAX } from './codes.ts';
import { CODE_LENGTH, CODE_PATTERN } from './joinCode.ts';
import { SETTINGS_BOUNDS } from './settings.ts';
import { TIME_FACTORS } from './timing.ts';

/**
 * Every payload a client sends, as a zod schema: the server parses each one
 * before it reaches a room, and the TypeScript types come from the same schemas.
 */

export {
  MAX_CLASS_LAYER,
  MAX_CLASS_LAYERS,
  SETTINGS_BOUNDS,
  SETTINGS_DEFAULTS,
  SessionSettings,
  SessionSettingsInput,
} from './settings.ts';

export const Code = z.string().regex(CODE_PATTERN, { error: `code must be ${CODE_LENGTH} digits` });
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
  /**
   * The client's own id for this move (optional; older clients send none).
   * Sending the same move again with the same id — a retry after a lost ack
   * or a failover — is answered with the stored result, never scored twice.
   */
  moveId: z.string().min(1).max(64).optional(),
  /**
   * Predict, then nudge: the sign and decade of ΔC the player committed before
   * this move (shared/game/prediction.ts). A round of a session with `predict`
   * needs it; it is scored on its own, as calibration.
   */
  prediction: z
    .strictObject({
      sign: z.enum(PredictSign),
      size: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    })
    .optional(),
});
export type MovePayload = z.infer<typeof MovePayload>;

/** Host commands without arguments take `{}` (or nothing, or null). */
export const EmptyPayload = z.strictObject({}).nullish();
export type EmptyPayload = z.infer<typeof EmptyPayload>;

export const ExtendPayload = z.strictObject({
  seconds: z.int().min(SETTINGS_BOUNDS.extendSeconds.min).max(SETTINGS_BOUNDS.extendSeconds.max),
});
export type ExtendPayload = z.infer<typeof ExtendPayload>;

export const KickPayload = z.strictObject({ playerId: z.string().min(1).max(64) });
export type KickPayload = z.infer<typeof KickPayload>;

/** More time for one player: their rounds last `factor` times as long (1 takes it back). */
export const ExtraTimePayload = z.strictObject({
  playerId: z.string().min(1).max(64),
  factor: z.union(TIME_FACTORS.map((f) => z.literal(f))),
});
export type ExtraTimePayload = z.infer<typeof ExtraTimePayload>;

/** Control, format and other characters that draw nothing (bidi overrides, zero-width, fillers, tags). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cn}\u2028\u2029\u2800]/u;
/** The emoji joiner and the emoji presentation selector, where they join or style an emoji. */
const EMOJI_GLUE =
  /(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200D(?=\p{Extended_Pictographic})|(?<=[\p{Extended_Pictographic}#*0-9])\uFE0F/gu;
/** Marks stacked on one character: three cover every script's needs (Thai, Vietnamese, Indic). */
const STACKED_MARKS = /\p{M}{4,}/u;
/** Something a person can see: a letter, digit, symbol or punctuation. */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; message: string };

/**
 * A nickname is 1–NICKNAME_MAX (32) characters after NFC and trimming, well
 * formed (no lone surrogate, which a store would turn into U+FFFD), with
 * nothing invisible in it — no control or format character, no zero-width
 * joiner or variation selector outside an emoji, no filler such as U+3164 or
 * U+2800 — no more than three marks stacked on a character, and something
 * visible. Whether it looks like another player's name is the server's
 * uniqueness check (server/rooms/nickname.ts).
 */
export function checkNickname(raw: string): NicknameCheck {
  if (/\p{Cs}/u.test(raw))
    return { ok: false, message: 'nickname must be well-formed text (a lone surrogate)' };
  const nickname = raw.normalize('NFC').trim();
  const length = [...nickname].length;
  if (length < 1 || length > NICKNAME_MAX)
    return { ok: false, message: `nickname must be 1 to ${NICKNAME_MAX} characters` };
  if (INVISIBLE.test(nickname.replace(EMOJI_GLUE, '')))
    return { ok: false, message: 'nickname must not hold invisible or control characters' };
  if (STACKED_MARKS.test(nickname))
    return { ok: false, message: 'nickname must not stack more than three marks on a character' };
  if (!VISIBLE.test(nickname))
    return { ok: false, message: 'nickname must hold a visible character' };
  return { ok: true, nickname };
}
