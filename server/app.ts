import { createServer, type Server as HttpServer } from 'node:http';
import express from 'express';
import { Server } from 'socket.io';
import type { ClusterNode } from './cluster/node.ts';
import { inlineWork } from './compute/inline.ts';
import type { RoundWork } from './compute/work.ts';
import { apiRouter } from './http/api.ts';
import { trustFrom } from './http/clientAddress.ts';
import { originAllowed, originRule } from './http/origins.ts';
import { clientRouter, securityHeaders } from './http/static.ts';
import { type Log, silentLog } from './log.ts';
import { addGaugeSource } from './metrics.ts';
import { SqliteStore } from './persistence/sqlite.ts';
import type { Store } from './persistence/store.ts';
import { Registry } from './rooms/registry.ts';
import { attachHandlers } from './socket/handlers.ts';
import { DEFAULT_LIMITS, type LimitStoreClient, type Limits, rateLimits } from './socket/limits.ts';
import { type GameServer, roomOutput } from './socket/output.ts';
import { localOps } from './socket/sessionOps.ts';

export interface AppDeps {
  /** Folder of the built client (vite's output). */
  clientDir: string;
  /** Where sessions are kept; an in-memory SQLite database when absent. */
  store?: Store;
  log?: Log;
  limits?: Partial<Limits>;
  /** A Redis client for rate limits shared by the nodes of a cluster; in memory when absent. */
  limitStore?: LimitStoreClient;
  now?: () => number;
  /** Training and best-move searches; inline on this thread when absent. */
  work?: RoundWork;
  /** `TRUST_PROXY`: which proxies may name the client's address (see http/clientAddress.ts); `loopback` when absent. */
  trustProxy?: string;
  /** `ALLOWED_ORIGINS`: other web origins whose pages may use the API and socket.io (comma list, or `*`); same origin only when absent. */
  allowedOrigins?: string;
  /** Origin for join links (e.g. https://demon.school.example); the request's own host when absent. */
  publicUrl?: string;
  /** Cluster mode (REDIS_URL): this node's leases, forwarding and placement; one process when absent. */
  cluster?: ClusterNode;
}

export interface App {
  app: express.Express;
  httpServer: HttpServer;
  io: GameServer;
  registry: Registry;
  /** Cluster mode: stop taking sessions and hand the owned ones to other nodes (/readyz then fails). */
  drain(): Promise<void>;
  /** Stops joins, tells every session the server is restarting, freezes open rounds, closes the store. */
  shutdown(): Promise<void>;
}

/** On shutdown, requests still being sent or answered get this long before their connections close. */
export const SHUTDOWN_GRACE_MS = 2000;

/** helmet's headers, for the responses socket.io's engine writes itself. */
const POLLING_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
};

function origin(publicUrl: string | undefined, host: string | undefined, secure: boolean): string {
  return publicUrl?.replace(/\/$/, '') ?? `${secure ? 'https' : 'http'}://${host ?? 'localhost'}`;
}

/** The whole server, wired but not listening (sessions restored from the store): tests start it on port 0. */
export async function createApp(deps: AppDeps): Promise<App> {
  const log = deps.log ?? silentLog;
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const rates = rateLimits(limits, deps.limitStore);
  const store = deps.store ?? new SqliteStore(':memory:');
  const cluster = deps.cluster;
  const now = deps.now ?? Date.now;
  const joinUrl = (code: string, base: string) => `${base}/?code=${code}`;

  const app = express();
  app.disable('x-powered-by');
  // One rule for REST (req.ip) and socket.io (the join limits).
  const trust = trustFrom(deps.trustProxy);
  app.set('trust proxy', trust);
  app.use(securityHeaders());
  const httpServer = createServer(app);
  const origins = originRule(deps.allowedOrigins, deps.publicUrl);
  const io: GameServer = new Server(httpServer, {
    maxHttpBufferSize: limits.maxPayloadBytes,
    // A page of another site may not open a connection with a visitor's browser.
    allowRequest: (req, done) =>
      done(
        originAllowed(origins, req.headers.origin, req.headers.host) ? null : 'origin not allowed',
        originAllowed(origins, req.headers.origin, req.headers.host),
      ),
    pingInterval: 10_000,
    pingTimeout: 10_000,
    serveClient: false,
  });
  const work = deps.work ?? inlineWork;
  // socket.io answers its long-polling requests itself, before express: give them the same headers.
  io.engine.on('headers', (headers: Record<string, string>) => {
    Object.assign(headers, POLLING_HEADERS);
  });
  const registry = new Registry({
    store,
    log,
    now,
    work,
    lobbyIdleMs: limits.lobbyIdleMs,
    output: (room) => roomOutput(io, room),
    ...(cluster ? cluster.registryHooks() : {}),
  });
  const sweeper = setInterval(() => registry.sweep(), 60_000);
  sweeper.unref();
  const dropGauges = addGaugeSource({
    rooms: () => registry.size(),
    players: () => {
      let n = 0;
      for (const s of io.of('/').sockets.values()) if (s.data.role === 'player') n++;
      return n;
    },
  });
  // One process restores every open session; a cluster node takes sessions over by their leases.
  const restored = cluster ? 0 : await registry.restoreAll();
  if (restored) log('sessions_restored', { count: restored });
  const ops = cluster ? await cluster.attach(io, registry) : localOps(registry);
  const draining = () => registry.draining || !!cluster?.draining;

  app.get('/healthz', (_req, res) => {
    res.json({
      ok: true,
      rooms: registry.size(),
      // Open socket.io connections on this node (a proxy's spread can be read off it).
      connections: io.engine.clientsCount,
      uptime: Math.round(process.uptime()),
      ...(cluster ? { node: cluster.nodeId, draining: draining() } : {}),
    });
  });
  // A load balancer sends no new connections to a node that is draining or stopping.
  app.get('/readyz', (_req, res) => {
    res.status(draining() ? 503 : 200).json({ ok: !draining() });
  });
  app.use(
    '/api',
    apiRouter({
      registry,
      store,
      log,
      limits: rates,
      ...(cluster ? { place: (input, token) => cluster.place(input, token) } : {}),
      origins,
      joinUrl: (code, req) => joinUrl(code, origin(deps.publicUrl, req.get('host'), req.secure)),
    }),
  );
  app.use(clientRouter(deps.clientDir));
  // Anything left (a malformed % in a path, say): a short answer, never a stack trace.
  app.use(
    (
      err: { status?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
      res
        .status(status)
        .type('text/plain')
        .send(status === 500 ? 'server error' : 'bad request');
    },
  );
  attachHandlers(
    io,
    registry,
    ops,
    rates,
    log,
    (code, socket) =>
      joinUrl(code, origin(deps.publicUrl, socket.handshake.headers.host, socket.handshake.secure)),
    trust,
  );

  let stopping: Promise<void> | null = null;
  const shutdown = () => {
    stopping ??= (async () => {
      clearInterval(sweeper);
      dropGauges();
      // A cluster node hands its sessions to the others first: no waiting for leases to lapse.
      await cluster?.drain().catch(() => {});
      await registry.shutdown('the server is restarting: you will be reconnected');
      // Let the notices leave before the connections close.
      await new Promise((r) => setTimeout(r, 100));
      await new Promise<void>((r) => {
        io.close(() => r());
        // A browser's preconnect or a half-sent request would hold the close open for ever.
        httpServer.closeIdleConnections();
        setTimeout(() => httpServer.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      });
      await cluster?.close();
      await store.close();
      await work.close();
      log('stopped', {});
    })();
    return stopping;
  };
  const drain = async () => {
    await cluster?.drain();
  };
  return { app, httpServer, io, registry, drain, shutdown };
}
