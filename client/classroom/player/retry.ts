/**
 * Trying again after "not now" (too many joins, no answer, a restart): waits
 * that double from 1 s up to 30 s, each drawn in [½, 1]·w so that a class of
 * phones refused together does not come back together (full jitter's milder
 * cousin: the wait never drops below half, so the countdown stays honest).
 */
export const RETRY_BASE_MS = 1000;
export const RETRY_MAX_MS = 30_000;

/** The wait before try `attempt` + 1 (attempt 0 is the first retry). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const w = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(w * (0.5 + random() / 2));
}

/** One pending retry at a time, with a per-second countdown for the page to show. */
export class Retry {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly random: () => number = Math.random) {}

  /** Runs `again` after the next wait; `tick` gets the whole seconds left, now and every second. */
  schedule(again: () => void, tick: (seconds: number) => void): void {
    this.cancel();
    const ms = backoffMs(this.attempt++, this.random);
    const until = Date.now() + ms;
    const show = () => {
      const left = until - Date.now();
      if (left > 0) tick(Math.ceil(left / 1000));
    };
    show();
    this.ticker = setInterval(show, 1000);
    this.timer = setTimeout(() => {
      this.cancel();
      again();
    }, ms);
  }

  /** Stops a pending retry (a new connection starts its own). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.ticker) clearInterval(this.ticker);
    this.timer = null;
    this.ticker = null;
  }

  /** It worked, or failed for good: the next trouble starts from the shortest wait. */
  reset(): void {
    this.cancel();
    this.attempt = 0;
  }
}
