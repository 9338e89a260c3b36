import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Client, closeAll, connect, createSession, fakeClientDir, ok } from './helpers.ts';
import { type ServerProcess, spawnServer } from './process.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'bd-metrics-'));
const clientDir = fakeClientDir();
const procs: ServerProcess[] = [];
const sockets: Client[] = [];
afterAll(() => {
  closeAll(sockets);
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(clientDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The value of one sample line of Prometheus text, e.g. `backprop_demon_moves_acked_total`. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : Number.NaN;
}

describe('an operator watching a node', () => {
  it('scrapes rooms, players and move acks on the metrics port, and reads the node on every log line', async () => {
    const metricsPort = await freePort();
    const s = await spawnServer({
      DATA_DIR: dataDir,
      CLIENT_DIR: clientDir,
      METRICS_PORT: String(metricsPort),
      NODE_ID: 'node-a',
    });
    procs.push(s);
    const c = await createSession(s.url, { rounds: 2, secondsPerRound: 120 });
    const host = await connect(s.url);
    const phones = [await connect(s.url), await connect(s.url)];
    sockets.push(host, ...phones);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    await ok(phones[0]!, 'player:join', { code: c.code, nickname: 'Ada' });
    await ok(phones[1]!, 'player:join', { code: c.code, nickname: 'Bo' });
    await ok(host, 'host:start');
    await ok(phones[0]!, 'move:submit', { round: 1, l: 1, j: 1, dz: -0.5 });

    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await scraped.text();
    expect(sample(text, 'backprop_demon_rooms_owned')).toBe(1);
    expect(sample(text, 'backprop_demon_players_connected')).toBe(2);
    expect(sample(text, 'backprop_demon_moves_acked_total')).toBe(1);
    expect(sample(text, 'backprop_demon_move_ack_seconds_count')).toBe(1);
    // The public port does not serve the metrics.
    expect(await (await fetch(`${s.url}/metrics`)).text()).not.toContain('backprop_demon_');

    const logged = s.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const created = logged.find((l) => l.event === 'session_created');
    expect(created).toMatchObject({ node: 'node-a', level: 30 });
    expect(typeof created.time).toBe('string');
  });
});
