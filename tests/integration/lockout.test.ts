import { describe, expect, it } from 'vitest';
import type { PlayerWelcome } from '#shared/protocol/views';
import { call, createSession, next, ok, usePlayground } from './helpers.ts';

const playground = usePlayground();

/** `n` wrong codes typed into the join form from this machine's one address. */
async function guess(url: string, right: string, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = await playground.client(url);
    const code = String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
    const r = await call(s, 'player:join', { code, nickname: `g${i}` });
    codes.push(r.ok ? 'OK' : r.error.code);
    s.disconnect();
  }
  return codes;
}

describe('one school address', () => {
  it('after wrong codes still lets its playing phones resume and its host come back', async () => {
    const server = await playground.serve({ limits: { joinFailuresPerMinute: 5 } });
    const c = await createSession(server.url);
    const phone = await playground.client(server.url);
    const me = await ok<PlayerWelcome>(phone, 'player:join', { code: c.code, nickname: 'Ada' });
    phone.disconnect();

    const tries = await guess(server.url, c.code, 7);
    expect(tries.slice(5)).toEqual(['TOO_MANY_JOINS', 'TOO_MANY_JOINS']);

    const back = await playground.client(server.url);
    const resumed = await ok<PlayerWelcome>(back, 'player:resume', {
      code: c.code,
      token: me.resumeToken,
    });
    expect(resumed.playerId).toBe(me.playerId);
    const host = await playground.client(server.url);
    expect(await call(host, 'host:join', { code: c.code, token: c.hostToken })).toMatchObject({
      ok: true,
    });
  });

  it('is not locked out by phones still on an ended session’s podium', async () => {
    const a = await playground.serve({ limits: { joinFailuresPerMinute: 5 } });
    const old = await createSession(a.url, { rounds: 1 });
    const host = await playground.client(a.url);
    await ok(host, 'host:join', { code: old.code, token: old.hostToken });
    const tokens: string[] = [];
    for (let i = 0; i < 8; i++) {
      const p = await playground.client(a.url);
      tokens.push(
        (await ok<PlayerWelcome>(p, 'player:join', { code: old.code, nickname: `P${i}` }))
          .resumeToken!,
      );
    }
    const ended = next(host, 'session:ended');
    await ok(host, 'host:end');
    await ended;
    playground.dropAll();
    // A restart: the ended session has left memory, its report stays.
    await a.stop();
    const b = await playground.serve({ dataDir: a.dataDir, limits: { joinFailuresPerMinute: 5 } });

    // Every podium phone of the old class keeps resuming: told the session ended, not a guess.
    for (const token of tokens) {
      const p = await playground.client(b.url);
      expect(await call(p, 'player:resume', { code: old.code, token })).toMatchObject({
        ok: false,
        error: { code: 'SESSION_ENDED' },
      });
    }
    // The next class on the same network joins its own session.
    const fresh = await createSession(b.url);
    const pupil = await playground.client(b.url);
    expect(
      await call(pupil, 'player:join', { code: fresh.code, nickname: 'New pupil' }),
    ).toMatchObject({ ok: true });
  });
});
