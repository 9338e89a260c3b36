import { describe, expect, it } from 'vitest';
import type { HostWelcome, PlayerWelcome, Reveal } from '#shared/protocol/views';
import { createSession, next, ok, usePlayground } from './helpers.ts';

const playground = usePlayground();

describe('a player kicked after moving', () => {
  it('no longer counts as answered after a restart', async () => {
    const a = await playground.serve();
    const c = await createSession(a.url, { rounds: 2, secondsPerRound: 120 });
    const host = await playground.client(a.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const troll = await playground.client(a.url);
    const t = await ok<PlayerWelcome>(troll, 'player:join', { code: c.code, nickname: 'Troll' });
    for (const name of ['Ada', 'Bob']) {
      const p = await playground.client(a.url);
      await ok(p, 'player:join', { code: c.code, nickname: name });
    }
    const started = next(troll, 'round:started');
    await ok(host, 'host:start');
    await started;
    await ok(troll, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.5 });
    await ok(host, 'host:kick', { playerId: t.playerId });
    playground.dropAll();
    await a.stop();

    const b = await playground.serve({ dataDir: a.dataDir });
    const again = await playground.client(b.url);
    const w = await ok<HostWelcome>(again, 'host:join', { code: c.code, token: c.hostToken });
    // Neither Ada nor Bob has moved: the projector says 0 of 2.
    expect(w.players).toHaveLength(2);
    expect(w.answered).toBe(0);
    const reveal = next<Reveal>(again, 'round:ended');
    await ok(again, 'host:endRound');
    expect((await reveal).classMoves).toMatchObject({ answered: 0, players: 2 });
  });
});
