import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { analyse } from '#shared/engine/index';
import { puzzleFromJSON } from '#shared/game/puzzle';
import { roundKey } from '#shared/game/scoring';
import { MoveResult, PlayerWelcome, Reveal, RoundStart } from '#shared/protocol/views';
import { type Client, createSession, next, ok, usePlayground } from './helpers.ts';

const playground = usePlayground();

/** A player's socket that keeps every event it receives, as a cheater reading the wire would. */
async function listener(url: string, heard: unknown[]): Promise<Client> {
  const s = await playground.client(url);
  s.onAny((event: string, ...args: unknown[]) => heard.push({ event, args }));
  return s;
}

interface Move {
  l: number;
  j: number;
  dz: number;
}

/** Every object with l, j and dz anywhere in the messages, and every key name seen. */
function movesIn(x: unknown, found: Move[] = [], keys = new Set<string>()): Move[] {
  if (Array.isArray(x)) for (const v of x) movesIn(v, found, keys);
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) keys.add(k);
    if (typeof o['l'] === 'number' && typeof o['j'] === 'number' && typeof o['dz'] === 'number')
      found.push({ l: o['l'], j: o['j'], dz: o['dz'] });
    for (const v of Object.values(o)) movesIn(v, found, keys);
  }
  return found;
}

function keysIn(x: unknown): Set<string> {
  const keys = new Set<string>();
  movesIn(x, [], keys);
  return keys;
}

const same = (a: Move, b: Move) => a.l === b.l && a.j === b.j && a.dz === b.dz;

describe('a player who has moved while the round is open', () => {
  it('learns the best ΔC to check q, but not the best or the gradient demon’s move until the reveal', async () => {
    const a = await playground.serve();
    const c = await createSession(a.url, {
      dataset: 'circle',
      sizes: [2, 4, 1],
      batchSize: 8,
      rounds: 2,
      secondsPerRound: 60,
      seed: 11,
    });
    const host = await playground.client(a.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const heard: unknown[] = [];
    const cheater = await listener(a.url, heard);
    const me = PlayerWelcome.parse(
      await ok(cheater, 'player:join', { code: c.code, nickname: 'Mallory' }),
    );
    const classmate = await playground.client(a.url);
    const mate = PlayerWelcome.parse(
      await ok(classmate, 'player:join', { code: c.code, nickname: 'Bob' }),
    );
    const started = next<unknown>(cheater, 'round:started');
    await ok(host, 'host:start');
    const start = RoundStart.parse(await started);
    const puzzle = puzzleFromJSON(start.puzzle);
    const key = roundKey(analyse(puzzle.network, puzzle.batch), puzzle.eps);
    const answers = [key.best, key.gradient];

    // A move that is neither the best nor the gradient demon's.
    const l = 1;
    const j = key.best.l === 1 && key.best.j === 0 ? 1 : 0;
    const dz = 0.37 * puzzle.eps;
    // Acks are kept raw: a schema's parse would drop any extra field a cheater could still read.
    const rawAck = await ok(cheater, 'move:submit', { round: 1, l, j, dz });
    heard.push(rawAck);
    const ack = MoveResult.parse(rawAck);
    expect(ack.bestDeltaC).toBe(key.best.deltaC);
    expect(ack.quality).toBeCloseTo(ack.deltaC / ack.bestDeltaC, 12);

    // A refresh mid-round: the welcome carries the move, still without the answer.
    cheater.disconnect();
    const again = await listener(a.url, heard);
    const rawBack = await ok(again, 'player:resume', { code: c.code, token: me.resumeToken });
    heard.push(rawBack);
    const back = PlayerWelcome.parse(rawBack);
    expect(back.myMove).toEqual(ack);

    // A server restart mid-round, with the move stored the way an older server wrote it (best included).
    await a.stop();
    playground.dropAll();
    const db = new Database(path.join(a.dataDir, 'test.sqlite'));
    const row = db.prepare('SELECT result FROM moves WHERE player_id = ?').get(me.playerId) as {
      result: string;
    };
    const { bestDeltaC: _, ...older } = JSON.parse(row.result) as MoveResult;
    db.prepare('UPDATE moves SET result = ? WHERE player_id = ?').run(
      JSON.stringify({ ...older, best: { ...key.best } }),
      me.playerId,
    );
    db.close();
    const b = await playground.serve({ dataDir: a.dataDir });
    const third = await listener(b.url, heard);
    const rawRestored = await ok(third, 'player:resume', {
      code: c.code,
      token: me.resumeToken,
    });
    heard.push(rawRestored);
    const restored = PlayerWelcome.parse(rawRestored);
    expect(restored.status).toMatchObject({ phase: 'question', round: 1 });
    expect(restored.myMove).toEqual(ack);

    // Everything heard before the reveal: the player's own move, and no answer.
    expect(heard.length).toBeGreaterThan(3);
    const before = movesIn(heard);
    expect(before.some((m) => same(m, { l, j, dz }))).toBe(true);
    for (const m of before) for (const x of answers) expect(same(m, x)).toBe(false);
    const names = keysIn(heard);
    expect(names.has('best')).toBe(false);
    expect(names.has('gradient')).toBe(false);

    // The classmate moves last: the round closes and the reveal brings the answer to everyone.
    const mate2 = await playground.client(b.url);
    await ok(mate2, 'player:resume', { code: c.code, token: mate.resumeToken });
    const ended = next<unknown>(third, 'round:ended');
    await ok(mate2, 'move:submit', { round: 1, l: 1, j: 1, dz: -0.2 * puzzle.eps });
    const reveal = Reveal.parse(await ended);
    expect(reveal.best).toMatchObject({ l: key.best.l, j: key.best.j, dz: key.best.dz });
    expect(reveal.best.deltaC).toBe(ack.bestDeltaC);
    expect(reveal.gradient).toMatchObject({
      l: key.gradient.l,
      j: key.gradient.j,
      dz: key.gradient.dz,
    });
  });
});
