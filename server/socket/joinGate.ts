import { RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '#shared/protocol/codes';
import { metrics } from '../metrics.ts';
import { refuse } from '../rooms/errors.ts';
import type { RateLimits } from './limits.ts';

/** The kinds of attempt to enter a session, each with its own limits per address. */
export type AttemptKind = 'join' | 'resume' | 'host';

/**
 * The join limits, per (address, kind of attempt): a class behind one school
 * address joins by the dozen, a guesser fails by the dozen. Wrong codes typed
 * into the join form lock out only further joins from that address, never
 * the resumes of phones already playing or the host's projector; and an
 * attempt with a token the server knows is never counted as a guess.
 */
export class JoinGate {
  constructor(private readonly limits: RateLimits) {}

  /**
   * Lets the attempt through or refuses it with TOO_MANY_JOINS (the message
   * says when to retry). `known`: it carries a token the server knows.
   */
  async admit(kind: AttemptKind, address: string, known = false): Promise<void> {
    const key = `${kind} ${address}`;
    const { joinAttempts, joinMisses } = this.limits;
    if (!known) {
      const misses = await joinMisses.get(key);
      if (misses && misses.consumedPoints >= joinMisses.points) this.tooMany(misses.msBeforeNext);
    }
    try {
      await joinAttempts.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) this.tooMany(e.msBeforeNext);
      throw e;
    }
  }

  /** A wrong code or an unknown token: it counts against the address for this kind. */
  async missed(kind: AttemptKind, address: string): Promise<void> {
    // Over the limit already: the refusal is the caller's; nothing more to count.
    await this.limits.joinMisses.consume(`${kind} ${address}`).catch((e: unknown) => {
      if (!(e instanceof RateLimiterRes)) throw e;
    });
  }

  private tooMany(ms: number): never {
    metrics.rateLimited.inc({ kind: 'join' });
    const s = Math.max(1, Math.ceil(ms / 1000));
    refuse(ErrorCode.TooManyJoins, `too many join attempts from this address: try again in ${s} s`);
  }
}
