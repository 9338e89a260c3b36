import path from 'node:path';
import { createApp } from './app.ts';
import { clusterNodeId, limitRedis } from './cluster/env.ts';
import { ClusterNode } from './cluster/node.ts';
import { workerPool } from './compute/pool.ts';
import { jsonLog } from './log.ts';
import { metricsServer } from './metrics.ts';
import { PostgresStore } from './persistence/postgres.ts';
import { SqliteStore } from './persistence/sqlite.ts';
import { limitsFromEnv } from './socket/limits.ts';

// The composition root: reads the environment, builds the app, listens.
const port = Number(process.env['PORT'] ?? 3000);
const host = process.env['HOST'] ?? '0.0.0.0';
const dataDir = path.resolve(process.env['DATA_DIR'] ?? 'data');
// DATABASE_URL=postgres://… keeps sessions in PostgreSQL (migrations applied now); else an SQLite
// file in DATA_DIR. SQLITE_SYNCHRONOUS=NORMAL trades power-loss durability for speed (the load bench compares them).
const databaseUrl = process.env['DATABASE_URL'];
const store = databaseUrl
  ? await PostgresStore.open(databaseUrl)
  : new SqliteStore(path.join(dataDir, 'backprop-demon.sqlite'), {
      synchronous: process.env['SQLITE_SYNCHRONOUS'] === 'NORMAL' ? 'NORMAL' : 'FULL',
    });
// REDIS_URL=redis://… makes this process one node of a cluster (Postgres required): see docs/deploy.md.
const redisUrl = process.env['REDIS_URL'];
if (redisUrl && !(store instanceof PostgresStore)) {
  jsonLog('error', { message: 'REDIS_URL (cluster mode) needs DATABASE_URL=postgres://…' });
  process.exit(1);
}
const cluster =
  redisUrl && store instanceof PostgresStore
    ? new ClusterNode({ store, redisUrl, nodeId: clusterNodeId(), log: jsonLog })
    : undefined;
const { httpServer, shutdown, drain } = await createApp({
  clientDir: path.resolve(process.env['CLIENT_DIR'] ?? 'dist/client'),
  store,
  log: jsonLog,
  limits: limitsFromEnv(process.env),
  // Training and best-move searches run on worker threads (WORKER_THREADS, default: cores − 1).
  work: workerPool(
    Number(process.env['WORKER_THREADS']) > 0
      ? { threads: Number(process.env['WORKER_THREADS']) }
      : {},
  ),
  ...(process.env['PUBLIC_URL'] ? { publicUrl: process.env['PUBLIC_URL'] } : {}),
  ...(process.env['ALLOWED_ORIGINS'] ? { allowedOrigins: process.env['ALLOWED_ORIGINS'] } : {}),
  ...(process.env['TRUST_PROXY'] !== undefined ? { trustProxy: process.env['TRUST_PROXY'] } : {}),
  // The rate limits count per address across the nodes of a cluster.
  ...(redisUrl ? { limitStore: limitRedis(redisUrl) } : {}),
  ...(cluster ? { cluster } : {}),
});
httpServer.listen(port, host, () => {
  const addr = httpServer.address();
  const shown = typeof addr === 'object' && addr ? addr.port : port;
  jsonLog('config', { store: databaseUrl ? 'postgres' : 'sqlite', dataDir, host });
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: `http://localhost:${shown}` })}\n`,
  );
});
// Prometheus scrapes METRICS_PORT (off the public port); no metrics listener when unset.
const metricsPort = Number(process.env['METRICS_PORT']);
if (Number.isInteger(metricsPort) && metricsPort > 0) {
  const metricsHost = process.env['METRICS_HOST'] ?? '127.0.0.1';
  metricsServer()
    .listen(metricsPort, metricsHost, () =>
      jsonLog('metrics_listening', { metricsHost, metricsPort }),
    )
    .unref();
}
/** The process exits within this long of SIGTERM or Ctrl-C, whatever holds it up. */
const EXIT_DEADLINE_MS = 10_000;
const stop = (signal: string) => {
  jsonLog('shutdown', { signal });
  setTimeout(() => {
    jsonLog('shutdown_forced', { afterMs: EXIT_DEADLINE_MS });
    process.exit(1);
  }, EXIT_DEADLINE_MS).unref();
  shutdown().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
// SIGUSR2: drain (cluster mode): no new sessions here, owned ones handed over, /readyz fails.
process.on('SIGUSR2', () => {
  jsonLog('drain', {});
  drain().catch(() => {});
});
process.on('SIGINT', () => stop('SIGINT'));
