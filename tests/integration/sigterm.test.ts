import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MoveResult, PlayerWelcome } from '#shared/protocol/views';
import {
  type Client,
  call,
  closeAll,
  connect,
  createSession,
  fakeClientDir,
  next,
  ok,
} from './helpers.ts';
import { type ServerProcess, spawnServer } from './process.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'bd-sigterm-'));
const clientDir = fakeClientDir();
const procs: ServerProcess[] = [];
const sockets: Client[] = [];
afterAll(() => {
  closeAll(sockets);
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(clientDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('on SIGTERM tells clients, finishes its writes, exits 0, and the session carries on after the next start', async () => {
    const env = { DATA_DIR: dataDir, CLIENT_DIR: clientDir };
    const a = await spawnServer(env);
    procs.push(a);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    const c = await createSession(a.url, { rounds: 2, secondsPerRound: 120 });
    const host = await connect(a.url);
    const phone = await connect(a.url);
    const idle = await connect(a.url);
    sockets.push(host, phone, idle);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const w = await ok<PlayerWelcome>(phone, 'player:join', { code: c.code, nickname: 'Ada' });
    await ok(idle, 'player:join', { code: c.code, nickname: 'Idle' });
    await ok(host, 'host:start');
    const moved = await ok<MoveResult>(phone, 'move:submit', { round: 1, l: 1, j: 1, dz: -0.6 });

    const told = next<{ message: string }>(phone, 'server:restarting');
    a.child.kill('SIGTERM');
    expect((await told).message.length).toBeGreaterThan(0);
    expect(await a.exited).toBe(0);
    // Logs are structured and carry no secrets.
    const events = a.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).event);
    expect(events).toEqual(
      expect.arrayContaining(['listening', 'session_created', 'round_started', 'shutdown']),
    );
    const all = a.lines.join('\n');
    expect(all).not.toContain(c.hostToken);
    expect(all).not.toContain(w.resumeToken!);

    const b = await spawnServer(env);
    procs.push(b);
    const phone2 = await connect(b.url);
    sockets.push(phone2);
    const back = await ok<PlayerWelcome>(phone2, 'player:resume', {
      code: c.code,
      token: w.resumeToken,
    });
    expect(back).toMatchObject({
      playerId: w.playerId,
      score: moved.points,
      status: { phase: 'question', round: 1 },
    });
    expect(back.myMove).toEqual(moved);
    const host2 = await connect(b.url);
    sockets.push(host2);
    await ok(host2, 'host:join', { code: c.code, token: c.hostToken });
    expect(await call(host2, 'host:endRound')).toMatchObject({
      ok: true,
      data: { phase: 'reveal' },
    });
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  });
});
