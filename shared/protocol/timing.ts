/**
 * How long a round runs, in constants a page can import without the settings'
 * schemas (zod, the engine, the levels): the phone's clock needs only these.
 */

/**
 * An untimed session's round: no clock on the screens and speed scoring off;
 * the round closes when everyone has moved or the host ends it (this long is
 * only a backstop, so that a forgotten round still ends).
 */
export const UNTIMED_ROUND_SECONDS = 4 * 3600;

/** The more time a host may give one player: their round lasts this many times as long. */
export const TIME_FACTORS = [1, 1.5, 2] as const;
export type TimeFactor = (typeof TIME_FACTORS)[number];
