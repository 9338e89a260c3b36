/**
 * The join code on the client: six digits (the server's `Code` schema checks
 * the same). One place for the rule and for cleaning what a person typed or a
 * link carried: "123 456" and "123-456" are 123456.
 */
export const CODE_LENGTH = 6;

/** What a person typed (or a link carried), as the digits a code is made of. */
export function cleanCode(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, CODE_LENGTH);
}

export function isJoinCode(s: string): boolean {
  return s.length === CODE_LENGTH && /^\d+$/.test(s);
}
