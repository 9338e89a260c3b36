import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** Abuse limits; the defaults suit a classroom, a load test raises them (see docs/protocol.md). */
export interface Limits {
  /** Join, resume and host-join attempts per address per minute (a whole class behind one address fits). */
  joinsPerMinute: number;
  /** Of those, attempts with a wrong code or token per address per minute: codes cannot be guessed. */
  joinFailuresPerMinute: number;
  /** Events a connection may send per second, on average… */
  eventsPerSecond: number;
  /** …and in a burst. */
  eventBurst: number;
  /** Largest socket.io message a client may send, bytes. */
  maxPayloadBytes: number;
  /** Sessions an address may create per minute. */
  sessionsPerMinute: number;
  /** A lobby nobody has joined, resumed or commanded for this long is ended and leaves memory. */
  lobbyIdleMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  joinsPerMinute: 600,
  joinFailuresPerMinute: 20,
  eventsPerSecond: 5,
  eventBurst: 20,
  maxPayloadBytes: 8 * 1024,
  sessionsPerMinute: 20,
  lobbyIdleMs: 60 * 60_000,
};

/** Limits from the environment (JOIN_LIMIT_PER_MINUTE, JOIN_FAILURES_PER_MINUTE, EVENT_RATE, EVENT_BURST, SESSION_LIMIT_PER_MINUTE, LOBBY_IDLE_MINUTES). */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    joinsPerMinute: num('JOIN_LIMIT_PER_MINUTE', DEFAULT_LIMITS.joinsPerMinute),
    joinFailuresPerMinute: num('JOIN_FAILURES_PER_MINUTE', DEFAULT_LIMITS.joinFailuresPerMinute),
    eventsPerSecond: num('EVENT_RATE', DEFAULT_LIMITS.eventsPerSecond),
    eventBurst: num('EVENT_BURST', DEFAULT_LIMITS.eventBurst),
    maxPayloadBytes: DEFAULT_LIMITS.maxPayloadBytes,
    sessionsPerMinute: num('SESSION_LIMIT_PER_MINUTE', DEFAULT_LIMITS.sessionsPerMinute),
    lobbyIdleMs: num('LOBBY_IDLE_MINUTES', DEFAULT_LIMITS.lobbyIdleMs / 60_000) * 60_000,
  };
}

/** A Redis client rate-limiter-flexible accepts (ioredis; node-redis with `useRedisPackage`). */
export type LimitStoreClient = object;

/** The rate limits a node applies, shared by every node of a cluster where a Redis client is given. */
export interface RateLimits {
  /** One more event on a connection: false when it is over its rate (kept per node: a connection lives on one). */
  event(connectionId: string): Promise<boolean>;
  /** The connection closed: its count is dropped. */
  closed(connectionId: string): void;
  /** One more session created from an address: false when it is over its minute's share. */
  sessionCreate(address: string): Promise<boolean>;
  /** The join attempts per address (see JoinGate). */
  joinAttempts: RateLimiterAbstract;
  /** The failed join attempts per address. */
  joinMisses: RateLimiterAbstract;
}

/**
 * The limits on rate-limiter-flexible. Per-address counts (joins, guesses,
 * sessions created) go to Redis when `redis` is given, so a guesser who spreads
 * attempts over the nodes of a cluster meets one count; if Redis stops
 * answering, each node falls back to its own in-memory count (the insurance
 * limiter) rather than refusing every join. A connection's event rate is kept
 * in memory on its node: it never costs a round trip per move.
 *
 * The event limit is `eventBurst` events in any window of eventBurst / eventsPerSecond
 * seconds: 20 in 4 s by default, 5 a second on average.
 */
export function rateLimits(limits: Limits, redis?: LimitStoreClient): RateLimits {
  const shared = (keyPrefix: string, points: number, durationS: number): RateLimiterAbstract => {
    const local = new RateLimiterMemory({ keyPrefix, points, duration: durationS });
    if (!redis) return local;
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `bd:rl:${keyPrefix}`,
      points,
      duration: durationS,
      insuranceLimiter: local,
      rejectIfRedisNotReady: true,
    });
  };
  const events = new RateLimiterMemory({
    keyPrefix: 'event',
    points: limits.eventBurst,
    duration: limits.eventBurst / limits.eventsPerSecond,
  });
  const sessions = shared('session', limits.sessionsPerMinute, 60);
  return {
    event: (id) => allowed(events.consume(id)),
    closed: (id) => {
      void events.delete(id);
    },
    sessionCreate: (address) => allowed(sessions.consume(address)),
    joinAttempts: shared('join', limits.joinsPerMinute, 60),
    joinMisses: shared('joinMiss', limits.joinFailuresPerMinute, 60),
  };
}

/** A consume's outcome as allowed or not; a store error (no insurance) is thrown on. */
async function allowed(consume: Promise<RateLimiterRes>): Promise<boolean> {
  try {
    await consume;
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}
