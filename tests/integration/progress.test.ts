import { describe, expect, it } from 'vitest';
import type { PlayerWelcome, Progress } from '#shared/protocol/views';
import { Progress as ProgressSchema } from '#shared/protocol/views';
import { createSession, next, ok, record, usePlayground } from './helpers.ts';

const playground = usePlayground();

describe('the host hears who has moved', () => {
  it('names every mover once, in a few coalesced messages, and only to the host', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url, { rounds: 1, secondsPerRound: 120 });
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const log = record(host, ['round:progress']);
    const players = [];
    for (let i = 0; i < 12; i++) {
      const s = await playground.client(server.url);
      const w = await ok<PlayerWelcome>(s, 'player:join', { code: c.code, nickname: `P${i + 1}` });
      players.push({ s, id: w.playerId, log: record(s, ['round:progress']) });
    }
    const started = next(players[0]!.s, 'round:started');
    await ok(host, 'host:start');
    await started;
    // Ten of twelve move, in two bursts: the round stays open, the host sees the ten.
    const movers = players.slice(0, 10);
    await Promise.all(
      movers.slice(0, 6).map((p) => ok(p.s, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.5 })),
    );
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(
      movers.slice(6).map((p) => ok(p.s, 'move:submit', { round: 1, l: 1, j: 0, dz: -0.5 })),
    );
    await new Promise((r) => setTimeout(r, 600));
    const msgs = log.get('round:progress') as Progress[];
    for (const m of msgs) expect(ProgressSchema.safeParse(m).success).toBe(true);
    const named = msgs.flatMap((m) => m.moved);
    expect(new Set(named).size).toBe(named.length);
    expect(named.sort()).toEqual(movers.map((p) => p.id).sort());
    expect(msgs.at(-1)).toMatchObject({ round: 1, answered: 10, players: 12 });
    // Coalesced: ten moves in two bursts make a handful of messages, not ten.
    expect(msgs.length).toBeLessThanOrEqual(4);
    for (const p of players) expect(p.log.get('round:progress')).toHaveLength(0);
  });
});
