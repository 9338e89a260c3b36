import type Database from 'better-sqlite3';
import { Piscina } from 'piscina';
import {
  asError,
  type BatchMode,
  type OpOutcome,
  runBatch,
  type WriteName,
  type WriteOp,
} from './sqliteWrites.ts';

/** Commits batches of writes; each settles once its commit is durable. */
export interface Writer {
  /** Rejects as a whole if the commit failed; else one outcome per statement. */
  run(ops: WriteOp[], mode: BatchMode): Promise<OpOutcome[]>;
  /** The committing connection's `synchronous` (2 FULL, 1 NORMAL). */
  synchronous(): Promise<number>;
  close(): Promise<void>;
}

/** Commits on the caller's own connection (an in-memory database has no other). */
export function inlineWriter(db: Database.Database): Writer {
  const statements = new Map<WriteName, Database.Statement>();
  return {
    run: async (ops, mode) => runBatch(db, statements, ops, mode),
    synchronous: async () => db.pragma('synchronous', { simple: true }) as number,
    close: async () => {},
  };
}

export type WriterRequest = { ops: WriteOp[]; mode: BatchMode } | { ask: 'synchronous' | 'close' };
export type WriterReply =
  | { outcomes: OpOutcome[] }
  | { synchronous: number }
  | { closed: true }
  | { error: { message: string; code?: string } };

/**
 * Commits on a connection of its own in a worker thread. With
 * `synchronous = FULL` each commit waits for an fsync (~10–20 ms on a
 * disk); on the event loop that wait would hold up every other room's moves,
 * here only the acks of the moves in that commit wait for it. One thread
 * taking one task at a time (piscina, as for the compute pool): requests are
 * committed in the order they were sent. Reads stay on the caller's
 * connection, which sees each commit once it is reported (WAL).
 */
export function threadWriter(file: string, synchronous: 'FULL' | 'NORMAL'): Writer {
  const pool = new Piscina<WriterRequest, WriterReply>({
    filename: new URL('./sqliteWriter.worker.ts', import.meta.url).href,
    execArgv: ['--import', 'tsx'],
    workerData: { file, synchronous },
    minThreads: 1,
    maxThreads: 1,
    concurrentTasksPerWorker: 1,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  const ask = async (req: WriterRequest): Promise<WriterReply> => {
    const r = await pool.run(req);
    if ('error' in r) throw asError(r.error);
    return r;
  };
  let closed = false;
  return {
    run: async (ops, mode) => {
      const r = await ask({ ops, mode });
      return 'outcomes' in r ? r.outcomes : [];
    },
    synchronous: async () => {
      const r = await ask({ ask: 'synchronous' });
      return 'synchronous' in r ? r.synchronous : 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      // Queued after every request sent so far: they are committed first.
      await ask({ ask: 'close' }).catch(() => {});
      await pool.destroy();
    },
  };
}
