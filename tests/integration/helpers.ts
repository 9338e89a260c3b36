import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connectClient, type Socket } from 'socket.io-client';
import { afterAll, afterEach } from 'vitest';
import type {
  AckResult,
  ClientToServerEvents,
  ServerToClientEvents,
} from '#shared/protocol/events';
import type { SessionSettingsInput } from '#shared/protocol/schemas';
import { type App, createApp } from '../../server/app.ts';
import type { RoundWork } from '../../server/compute/work.ts';
import { PostgresStore } from '../../server/persistence/postgres.ts';
import { SqliteStore } from '../../server/persistence/sqlite.ts';
import type { Store } from '../../server/persistence/store.ts';
import type { Limits } from '../../server/socket/limits.ts';
import { fakeClientDir } from '../support/clientDir.ts';
import { freshDatabase, startPostgres, type TestPostgres } from '../support/postgres.ts';

export { fakeClientDir };

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  app: App;
  dataDir: string;
  /** Stops the server as SIGTERM would (freezing rounds), keeping the data folder. */
  stop(): Promise<void>;
  /** Stops and removes the data folder. */
  close(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  limits?: Partial<Limits>;
  now?: () => number;
  /** The heavy work: a worker pool to test it; inline by default. */
  work?: RoundWork;
  /** Which store: an SQLite file in dataDir (default), or a database of this file's own Postgres. */
  store?: StoreKind;
}

/** The stores the session, restart and reconnect suites run against. */
export const STORES = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORES)[number];

/** One Postgres per test file, started by the first test that needs it, stopped after the file. */
let postgres: Promise<TestPostgres> | null = null;
afterAll(async () => {
  const p = postgres;
  postgres = null;
  if (p) await (await p).close();
});

/**
 * The store of a data folder: SQLite in the folder, or a Postgres database
 * whose URL the folder keeps, so that a restart on the same folder finds the same data.
 */
async function storeIn(dataDir: string, kind: StoreKind): Promise<Store> {
  if (kind === 'sqlite') return new SqliteStore(path.join(dataDir, 'test.sqlite'));
  const urlFile = path.join(dataDir, 'postgres-url');
  if (!existsSync(urlFile)) {
    postgres ??= startPostgres();
    writeFileSync(urlFile, await freshDatabase(await postgres));
  }
  return PostgresStore.open(readFileSync(urlFile, 'utf8'));
}

/** The app on 127.0.0.1, port 0, with its SQLite file in a temp folder (or the one given). */
export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'bd-data-'));
  const clientDir = fakeClientDir();
  const app = await createApp({
    clientDir,
    store: await storeIn(dataDir, opts.store ?? 'sqlite'),
    limits: {
      joinsPerMinute: 10_000,
      joinFailuresPerMinute: 10_000,
      eventsPerSecond: 1000,
      eventBurst: 1000,
      ...opts.limits,
    },
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.work ? { work: opts.work } : {}),
  });
  await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
  const port = (app.httpServer.address() as AddressInfo).port;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.shutdown();
    rmSync(clientDir, { recursive: true, force: true });
  };
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    dataDir,
    stop,
    close: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function connect(url: string): Promise<Client> {
  const socket: Client = connectClient(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Emits an event and resolves with its ack. */
export function call<T = unknown>(
  socket: Client,
  event: string,
  payload?: unknown,
): Promise<AckResult<T>> {
  const s = socket as unknown as {
    timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<AckResult<T>> };
  };
  return s.timeout(10_000).emitWithAck(event, payload);
}

/** The ack's data, failing the test with the server's error otherwise. */
export async function ok<T = unknown>(
  socket: Client,
  event: string,
  payload?: unknown,
): Promise<T> {
  const r = await call<T>(socket, event, payload);
  if (!r.ok) throw new Error(`${event} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** The next `event` (matching `pred`) on the socket. */
export function next<T = unknown>(
  socket: Client,
  event: string,
  pred: (x: T) => boolean = () => true,
  ms = 15_000,
): Promise<T> {
  const s = socket as unknown as {
    on(e: string, f: (x: T) => void): void;
    off(e: string, f: (x: T) => void): void;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, f);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const f = (x: T) => {
      if (!pred(x)) return;
      clearTimeout(timer);
      s.off(event, f);
      resolve(x);
    };
    s.on(event, f);
  });
}

/** Records every message of the given events. */
export function record(socket: Client, events: string[]): Map<string, unknown[]> {
  const log = new Map<string, unknown[]>(events.map((e) => [e, []]));
  const s = socket as unknown as { on(e: string, f: (x: unknown) => void): void };
  for (const e of events) s.on(e, (x) => log.get(e)!.push(x));
  return log;
}

export interface Created {
  sessionId: string;
  code: string;
  joinUrl: string;
  hostToken: string;
}

export async function createSession(
  url: string,
  settings: SessionSettingsInput = {},
  token?: string,
): Promise<Created> {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(settings),
  });
  const body = (await res.json()) as { ok: boolean; data: Created; error?: unknown };
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(body)}`);
  return body.data;
}

export function closeAll(sockets: Iterable<Client>): void {
  for (const s of sockets) s.disconnect();
}

/** Waits until `check` returns true (polling), failing after `ms`. */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What a host would see, without the clock's moving parts: equal before and after means nothing changed. */
export async function hostSnapshot(url: string, code: string, token: string): Promise<unknown> {
  const s = await connect(url);
  try {
    const w = await ok<Record<string, unknown> & { status: { timer: unknown } }>(s, 'host:join', {
      code,
      token,
    });
    const timer = w.status.timer as { deadline: number | null; limitMs: number } | null;
    const round = w['round'] as Record<string, unknown> | null;
    return {
      ...w,
      status: { ...w.status, timer: timer && { deadline: timer.deadline, limitMs: timer.limitMs } },
      round: round && { ...round, timer: null },
    };
  } finally {
    s.disconnect();
  }
}

/**
 * The sockets and servers one test file opens, all closed after each test:
 * `client(url)` connects a player or host, `serve(options)` starts a server.
 */
export function usePlayground(): {
  client(url: string): Promise<Client>;
  serve(opts?: StartOptions): Promise<TestServer>;
  /** Closes every socket opened so far, as a dropped network would. */
  dropAll(): void;
} {
  const sockets: Client[] = [];
  const servers: TestServer[] = [];
  afterEach(async () => {
    closeAll(sockets.splice(0));
    for (const s of servers.splice(0)) await s.close();
  });
  return {
    async client(url) {
      const s = await connect(url);
      sockets.push(s);
      return s;
    },
    async serve(opts) {
      const s = await startServer(opts);
      servers.push(s);
      return s;
    },
    dropAll() {
      closeAll(sockets.splice(0));
    },
  };
}
