import { describe, expect, it } from 'vitest';
import type { PlayersUpdate, PlayerWelcome } from '#shared/protocol/views';
import { createSession, ok, record, until, usePlayground } from './helpers.ts';

const playground = usePlayground();
const N = 120;

describe('a class coming back at once', () => {
  it('costs the projector a few coalesced player lists, not one per phone', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url);
    const joined: PlayerWelcome[] = [];
    for (let i = 0; i < N; i++) {
      const p = await playground.client(server.url);
      joined.push(await ok<PlayerWelcome>(p, 'player:join', { code: c.code, nickname: `P${i}` }));
    }
    playground.dropAll();
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const log = record(host, ['session:players']);
    // Every phone resumes at the same moment, as after a restart.
    const sockets = await Promise.all(joined.map(() => playground.client(server.url)));
    await Promise.all(
      sockets.map((s, i) =>
        ok(s, 'player:resume', { code: c.code, token: joined[i]!.resumeToken }),
      ),
    );
    const last = () => log.get('session:players')!.at(-1) as PlayersUpdate | undefined;
    await until(() => last()?.players.filter((p) => p.online).length === N);
    const lists = log.get('session:players')!.length;
    expect(lists).toBeLessThan(N / 4);
    const bytes = log
      .get('session:players')!
      .reduce((a: number, x) => a + JSON.stringify(x).length, 0);
    // A full list per resume would be N lists of N entries.
    expect(bytes).toBeLessThan((N * N * JSON.stringify(last()!.players[0]).length) / 4);
  }, 60_000);
});
