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

/** A token bucket: `rate` tokens a second up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** At most `limit` attempts per key in a sliding window. */
export class WindowLimiter {
  /** Each key's attempt times, oldest first. */
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key has used up its window (nothing is counted). */
  full(key: string): boolean {
    const times = this.hits.get(key);
    if (!times) return false;
    const t = this.now();
    let live = 0;
    for (const x of times) if (t - x < this.windowMs) live++;
    return live >= this.limit;
  }

  /** Milliseconds until the key's oldest attempt leaves the window (0 if it has room now). */
  retryInMs(key: string): number {
    const times = this.hits.get(key);
    if (!times?.length || !this.full(key)) return 0;
    const t = this.now();
    const live = times.filter((x) => t - x < this.windowMs);
    return Math.max(0, live[live.length - this.limit]! + this.windowMs - t);
  }

  allow(key: string): boolean {
    const t = this.now();
    let times = this.hits.get(key);
    if (!times) {
      if (this.hits.size >= 10_000) this.sweep(t);
      times = [];
      this.hits.set(key, times);
    }
    let old = 0;
    while (old < times.length && t - times[old]! >= this.windowMs) old++;
    if (old) times.splice(0, old);
    if (times.length >= this.limit) return false;
    times.push(t);
    return true;
  }

  private sweep(t: number): void {
    for (const [k, v] of this.hits)
      if (!v.length || t - v[v.length - 1]! >= this.windowMs) this.hits.delete(k);
  }
}
