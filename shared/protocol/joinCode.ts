/**
 * The join code: six decimal digits, the one rule every side shares. A code is
 * what a class types from the projector, so anything else a person types
 * (spaces, dashes, the "123 456" grouping the projector shows) is cleaned away.
 */

/** Digits in a code: 10⁶ codes, far more than sessions live at once. */
export const CODE_LENGTH = 6;
/** How many codes exist: a code is an integer in [0, CODE_SPACE) written with leading zeros. */
export const CODE_SPACE = 10 ** CODE_LENGTH;
/** A well-formed code. */
export const CODE_PATTERN = /^\d{6}$/;

/** What a person typed (or a link carried), as the digits a code is made of. */
export function cleanCode(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, CODE_LENGTH);
}

export function isJoinCode(s: string): boolean {
  return CODE_PATTERN.test(s);
}

/** Code number n, 0 ≤ n < CODE_SPACE, as the six digits a class types. */
export function codeFromNumber(n: number): string {
  return String(n).padStart(CODE_LENGTH, '0');
}
