import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlayerWelcome, RoundStart } from '#shared/protocol/views';
import {
  type Client,
  closeAll,
  connect,
  createSession,
  fakeClientDir,
  next,
  ok,
  until,
} from './helpers.ts';
import { type ServerProcess, spawnServer } from './process.ts';

/**
 * The example bot (examples/bot, socket.io-client and its own backprop
 * only) plays a whole session against the real server process, beside a
 * person-like player, and checks every number it is sent: the cost, its
 * moves' ΔC, δ̄, q, speed, points and reasons, the best move against its own
 * search, the gradient demon, the ranks, and the SGD between rounds bit for bit.
 */
const SETTINGS = {
  dataset: 'circle' as const,
  sizes: [2, 4, 3, 1],
  batchSize: 8,
  eps: 1,
  rounds: 5,
  secondsPerRound: 60,
  speedScoring: true,
  sgdSteps: 20,
  eta: 1,
  seed: 2024,
};

const dataDir = mkdtempSync(path.join(tmpdir(), 'bd-bot-'));
const clientDir = fakeClientDir();
let server: ServerProcess | null = null;
let bot: ChildProcess | null = null;
const sockets: Client[] = [];
afterAll(() => {
  closeAll(sockets);
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(clientDir, { recursive: true, force: true });
});

interface BotLine {
  event: string;
  [k: string]: unknown;
}

describe('the example bot against the real server', () => {
  it('plays a full session and finds every score, best move and SGD step as the server does', async () => {
    server = await spawnServer({ DATA_DIR: dataDir, CLIENT_DIR: clientDir });
    const created = await createSession(server.url, SETTINGS);
    const host = await connect(server.url);
    sockets.push(host);
    await ok(host, 'host:join', { code: created.code, token: created.hostToken });

    const lines: BotLine[] = [];
    const child = spawn(
      process.execPath,
      [
        'examples/bot/bot.mjs',
        '--url',
        server.url,
        '--code',
        created.code,
        '--name',
        'Checker',
        '--strategy',
        'mixed',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    bot = child;
    const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      let nl = out.indexOf('\n');
      while (nl >= 0) {
        lines.push(JSON.parse(out.slice(0, nl)) as BotLine);
        out = out.slice(nl + 1);
        nl = out.indexOf('\n');
      }
    });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
    });
    await until(() => lines.some((l) => l.event === 'joined'), 20_000);

    // A second player, moving at random: the reveal then has a class to average over.
    const ada = await connect(server.url);
    sockets.push(ada);
    await ok<PlayerWelcome>(ada, 'player:join', { code: created.code, nickname: 'Ada' });
    let seed = 1;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    ada.on('round:started', (r: RoundStart) => {
      const l = 1 + Math.floor(rand() * 3);
      const j = Math.floor(rand() * SETTINGS.sizes[l]!);
      void ok(ada, 'move:submit', { round: r.round, l, j, dz: 2 * rand() - 1 });
    });

    for (let round = 1; round <= SETTINGS.rounds; round++) {
      const ended = next(host, 'round:ended', () => true, 60_000);
      const trained = next(host, 'round:trained', () => true, 60_000);
      await ok(host, round === 1 ? 'host:start' : 'host:next', {});
      // Both moved: the round closes by itself.
      expect(await ended).toMatchObject({ round, endedBy: 'allMoved' });
      await trained;
      await until(() => lines.some((l) => l.event === 'revealed' && l['round'] === round), 30_000);
    }
    await ok(host, 'host:next', {});
    const code = await exited;
    const summary = lines.find((l) => l.event === 'summary');
    expect(err).toBe('');
    expect(lines.filter((l) => l.event === 'check_failed')).toEqual([]);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ failures: 0, sgdRoundsVerified: SETTINGS.rounds - 1 });
    expect(summary!['checks'] as number).toBeGreaterThan(20 * SETTINGS.rounds);
    // The mixed strategy played each kind of move, and the server gave each its reason.
    const reasons = lines.filter((l) => l.event === 'moved').map((l) => l['reason']);
    expect(reasons).toHaveLength(SETTINGS.rounds);
    expect(reasons[0]).toBe('best');
    expect(reasons[1]).toBe('wrongSign');
    expect(reasons[2]).toBe('noMove');
  });
});
