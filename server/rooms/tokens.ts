import { createHash, randomBytes, randomInt } from 'node:crypto';

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

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function newSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}
