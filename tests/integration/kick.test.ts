import { describe, expect, it } from 'vitest';
import { HostWelcome, type PlayerWelcome, Reveal } from '#shared/protocol/views';
import { call, createSession, next, ok, type TestServer, usePlayground } from './helpers.ts';

const playground = usePlayground();
let server: TestServer;
const client = () => playground.client(server.url);

describe('a kicked player', () => {
  it('is told, disconnected, and kept out: not by token, not by nickname, not after a restart', async () => {
    server = await playground.serve();
    const c = await createSession(server.url, { rounds: 2 });
    const host = await client();
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const troll = await client();
    const w = await ok<PlayerWelcome>(troll, 'player:join', { code: c.code, nickname: 'Troll' });
    const nice = await client();
    await ok(nice, 'player:join', { code: c.code, nickname: 'Nice' });

    const told = next<{ message: string }>(troll, 'player:kicked');
    const gone = new Promise<void>((r) => troll.once('disconnect', () => r()));
    await ok(host, 'host:kick', { playerId: w.playerId });
    expect((await told).message).toMatch(/removed/);
    await gone;

    const back = await client();
    expect(await call(back, 'player:resume', { code: c.code, token: w.resumeToken })).toMatchObject(
      {
        ok: false,
        error: { code: 'KICKED' },
      },
    );
    expect(await call(back, 'player:join', { code: c.code, nickname: 'troll' })).toMatchObject({
      ok: false,
      error: { code: 'KICKED' },
    });
    expect(await call(host, 'host:kick', { playerId: w.playerId })).toMatchObject({
      ok: false,
      error: { code: 'NO_SUCH_PLAYER' },
    });

    // Not in the host's list, not on the leaderboard.
    const host2 = await client();
    const hw = HostWelcome.parse(
      await ok(host2, 'host:join', { code: c.code, token: c.hostToken }),
    );
    expect(hw.players.map((p) => p.nickname)).toEqual(['Nice']);
    // A round waiting only for a player the host then kicks closes at once.
    const slow = await client();
    const sw = await ok<PlayerWelcome>(slow, 'player:join', { code: c.code, nickname: 'Slow' });
    const ended = next<unknown>(nice, 'round:ended');
    await ok(host, 'host:start');
    await ok(nice, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.2 });
    await ok(host, 'host:kick', { playerId: sw.playerId });
    const reveal = Reveal.parse(await ended);
    expect(reveal.endedBy).toBe('allMoved');
    expect(reveal.classMoves).toMatchObject({ answered: 1, players: 1 });
    expect(reveal.leaderboard.map((e) => e.nickname)).not.toContain('Troll');

    // A restart does not forgive.
    await server.stop();
    playground.dropAll();
    const dataDir = server.dataDir;
    server = await playground.serve({ dataDir });
    const again = await client();
    expect(
      await call(again, 'player:resume', { code: c.code, token: w.resumeToken }),
    ).toMatchObject({
      ok: false,
      error: { code: 'KICKED' },
    });
  });
});
