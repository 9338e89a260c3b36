import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { AheadInput, AheadResult, RoundWork } from './work.ts';

export interface PoolOptions {
  /** Worker threads; by default every core but the event loop's, and at least two. */
  threads?: number;
}

/**
 * Threads when none are asked for: every core but the event loop's, and at
 * least two, so that one class training a large network never makes the
 * others wait for a thread. The workers run at a lower priority (nice +10),
 * so the event loop wins the core whenever they share one.
 */
export function defaultThreads(): number {
  return Math.max(2, availableParallelism() - 1);
}

/**
 * The heavy work on a pool of worker threads (piscina), so that a session
 * training a large network never holds up the moves and health checks of the
 * others. Each room has at most one task in flight (room.ts), so a class with
 * the largest settings takes one thread, never the whole pool. The workers
 * load the TypeScript sources through tsx, as the server itself does.
 */
export function workerPool(opts: PoolOptions = {}): RoundWork {
  const threads = opts.threads ?? defaultThreads();
  const pool = new Piscina<AheadInput, AheadResult>({
    filename: new URL('./worker.ts', import.meta.url).href,
    execArgv: ['--import', 'tsx'],
    minThreads: 1,
    maxThreads: threads,
    // Idle workers go after a minute; a task costs at most a few seconds, so a queue is fine.
    idleTimeout: 60_000,
    niceIncrement: 10,
  });
  return {
    ahead: (input) => pool.run(input),
    close: () => pool.destroy(),
  };
}
