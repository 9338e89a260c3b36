import { createHash, randomBytes, randomInt } from 'node:crypto';
import { CODE_SPACE, codeFromNumber } from '#shared/protocol/joinCode';

/**
 * The server's random secrets and names: host and resume tokens (kept only as
 * hashes), ids, join codes and seeds. Not the client's saved tokens
 * (client/net/tokens.ts), which are the other side of the same handshake.
 */

/** 192 random bits, URL-safe: host and resume tokens. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Tokens are stored only as their sha256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A short random id (96 bits) for sessions and players. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** A random join code (see shared/protocol/joinCode.ts for the rule). */
export function newCode(): string {
  return codeFromNumber(randomInt(0, CODE_SPACE));
}

export function newSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}
