import { rmSync } from 'node:fs';
import pg from 'pg';
import { type ServerProcess, spawnServer } from '../integration/process.ts';
import { fakeClientDir } from './clientDir.ts';
import { freePort } from './ports.ts';
import { freshDatabase, startPostgres, type TestPostgres } from './postgres.ts';
import { startRedis, type TestRedis } from './redis.ts';

/** One node: `node --import tsx server/index.ts` with the cluster's settings, on its own port. */
export interface ClusterNodeProcess {
  name: string;
  port: number;
  url: string;
  proc: ServerProcess | null;
  /** Starts it (again, after a kill) on the same port. */
  start(): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

export interface TestCluster {
  postgres: TestPostgres;
  redis: TestRedis;
  databaseUrl: string;
  nodes: ClusterNodeProcess[];
  /** A query on the cluster's database. */
  sql<R extends pg.QueryResultRow>(text: string, args?: unknown[]): Promise<R[]>;
  /** The node whose process holds the live lease of a session. */
  ownerOf(sessionId: string): Promise<ClusterNodeProcess | undefined>;
  close(): Promise<void>;
}

/**
 * A real cluster on this machine: its own Postgres and Redis (temp folders,
 * free ports) and `n` node processes, each on a free port of 127.0.0.1.
 */
export async function startCluster(
  n: number,
  env: Record<string, string> = {},
): Promise<TestCluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await freshDatabase(postgres);
  const clientDir = fakeClientDir();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // A test that stops Postgres drops the idle connections: the pool makes new ones.
  pool.on('error', () => {});
  const nodes: ClusterNodeProcess[] = [];
  for (let i = 1; i <= n; i++) {
    const port = await freePort();
    const node: ClusterNodeProcess = {
      name: `n${i}`,
      port,
      url: `http://127.0.0.1:${port}`,
      proc: null,
      async start() {
        node.proc = await spawnServer({
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          REDIS_URL: redis.url,
          NODE_ID: node.name,
          CLIENT_DIR: clientDir,
          WORKER_THREADS: '1',
          JOIN_LIMIT_PER_MINUTE: '100000',
          JOIN_FAILURES_PER_MINUTE: '100000',
          EVENT_RATE: '1000',
          EVENT_BURST: '1000',
          SESSION_LIMIT_PER_MINUTE: '10000',
          ...env,
        });
      },
      kill(signal) {
        const pid = node.proc?.child.pid;
        if (pid) process.kill(pid, signal);
      },
    };
    nodes.push(node);
  }
  // Started one after another: the first applies the migrations, the others find them done.
  for (const node of nodes) await node.start();
  const sql = async <R extends pg.QueryResultRow>(text: string, args: unknown[] = []) =>
    (await pool.query<R>(text, args)).rows;
  return {
    postgres,
    redis,
    databaseUrl,
    nodes,
    sql,
    async ownerOf(sessionId) {
      const [row] = await sql<{ owner: string }>(
        'SELECT owner FROM room_leases WHERE session_id = $1 AND expires_at > now()',
        [sessionId],
      );
      return row ? nodes.find((x) => row.owner.startsWith(`${x.name}#`)) : undefined;
    },
    async close() {
      for (const node of nodes) {
        const c = node.proc?.child;
        if (c && c.exitCode === null && c.signalCode === null) {
          c.kill('SIGCONT');
          c.kill('SIGKILL');
          await node.proc!.exited;
        }
      }
      await pool.end();
      await redis.close();
      await postgres.close();
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}
