import pg from 'pg';
import { StoreError } from './store.ts';

/** int8 (bigint) columns hold milliseconds, well inside a double's exact range: read them as numbers. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? Number
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** Unique violation: a second move of a player in a round (or a second row with one key). */
const UNIQUE = '23505';

/** The store's connections: short timeouts, so that an ack never waits for ever on a dead server. */
export function openPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: 2000,
    // A query stuck on a dead server fails instead of holding an ack for ever.
    query_timeout: 5000,
  });
  // An idle connection that the server dropped: the pool replaces it on the next query.
  pool.on('error', () => {});
  return pool;
}

/** Runs fn in a transaction on one connection; any failure rolls it back and becomes a StoreError. */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (c: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let c: pg.PoolClient;
  try {
    c = await pool.connect();
  } catch (e) {
    throw unavailable(e);
  }
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    c.release();
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    // A connection that failed mid-transaction is not given back to the pool.
    c.release(e instanceof StoreError ? undefined : (e as Error));
    throw e instanceof StoreError || isUnique(e) ? e : unavailable(e);
  }
}

export async function readRows<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  args: unknown[],
): Promise<R[]> {
  try {
    return (await pool.query<R>(sql, args)).rows;
  } catch (e) {
    throw unavailable(e);
  }
}

function isUnique(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === UNIQUE;
}

function unavailable(e: unknown): StoreError {
  return new StoreError(
    'unavailable',
    `the database did not answer: ${e instanceof Error ? e.message : String(e)}`,
  );
}
