import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WriterReply, WriterRequest } from './sqliteWriter.ts';
import { failure, runBatch, type WriteName } from './sqliteWrites.ts';

// The SQLite writer thread (see threadWriter): one connection, one request at a time, in order.
const { file, synchronous } = workerData as { file: string; synchronous: 'FULL' | 'NORMAL' };
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.pragma('foreign_keys = ON');
// The reading connection may hold the file briefly; wait rather than fail.
db.pragma('busy_timeout = 5000');
const statements = new Map<WriteName, Database.Statement>();

export default function write(m: WriterRequest): WriterReply {
  try {
    if (!('ask' in m)) return { outcomes: runBatch(db, statements, m.ops, m.mode) };
    if (m.ask === 'synchronous')
      return { synchronous: db.pragma('synchronous', { simple: true }) as number };
    if (db.open) db.close();
    return { closed: true };
  } catch (e) {
    return { error: failure(e) };
  }
}
