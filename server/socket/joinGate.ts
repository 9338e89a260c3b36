import { ErrorCode } from '#shared/protocol/codes';
import { refuse } from '../rooms/errors.ts';
import { type Limits, WindowLimiter } from './limits.ts';

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
  private readonly attempts: WindowLimiter;
  private readonly misses: WindowLimiter;

  constructor(limits: Limits, now: () => number = Date.now) {
    this.attempts = new WindowLimiter(limits.joinsPerMinute, 60_000, now);
    this.misses = new WindowLimiter(limits.joinFailuresPerMinute, 60_000, now);
  }

  /**
   * Lets the attempt through or refuses it with TOO_MANY_JOINS (the message
   * says when to retry). `known`: it carries a token the server knows.
   */
  admit(kind: AttemptKind, address: string, known = false): void {
    const key = `${kind} ${address}`;
    if (!known && this.misses.full(key)) this.tooMany(this.misses.retryInMs(key));
    if (!this.attempts.allow(key)) this.tooMany(this.attempts.retryInMs(key));
  }

  /** A wrong code or an unknown token: it counts against the address for this kind. */
  missed(kind: AttemptKind, address: string): void {
    this.misses.allow(`${kind} ${address}`);
  }

  private tooMany(ms: number): never {
    const s = Math.max(1, Math.ceil(ms / 1000));
    refuse(ErrorCode.TooManyJoins, `too many join attempts from this address: try again in ${s} s`);
  }
}
