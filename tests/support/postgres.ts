import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, waitFor } from './ports.ts';

/**
 * A real PostgreSQL 15 of the test's own: a cluster in a temp folder on a
 * free port, 127.0.0.1 only, stopped by its PID. Postgres refuses to run as
 * root, so as root (CI) it runs as the `postgres` user.
 */
export interface TestPostgres {
  url: string;
  port: number;
  /** The postmaster's PID (from postmaster.pid). */
  pid(): number;
  /** Stops the server (fast shutdown) and keeps its folder, for `start()` again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/local/bin'];

function bin(name: string): string {
  for (const d of BIN_DIRS) if (existsSync(path.join(d, name))) return path.join(d, name);
  throw new Error(`${name} not found: install postgresql-15 (apt-get install postgresql)`);
}

const asRoot = process.getuid?.() === 0;

function run(cmd: string, args: string[]): void {
  const [c, a] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(c, a, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bd-pg-'));
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  run(bin('initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let pid = 0;
  const start = async () => {
    run(bin('pg_ctl'), [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200`,
      'start',
    ]);
    pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    await waitFor('postgres', async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.end();
      return true;
    });
  };
  const stop = async () => {
    if (!pid || !alive(pid)) return;
    // SIGINT: Postgres' fast shutdown (sessions ended, a clean checkpoint).
    process.kill(pid, 'SIGINT');
    await waitFor('postgres stop', () => !alive(pid), 20_000);
  };
  await start();
  return {
    url,
    port,
    pid: () => pid,
    start,
    stop,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on the server, so that tests sharing a server do not see each other. */
export async function freshDatabase(server: TestPostgres): Promise<string> {
  const name = `bd_${Math.random().toString(36).slice(2, 10)}`;
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}
