import { describe, expect, it } from 'vitest';
import { call, createSession, ok, usePlayground } from './helpers.ts';

const playground = usePlayground();
const HOUR = 3600_000;

describe('an idle lobby', () => {
  it('ends after the stated idle time and leaves the running sessions', async () => {
    let offset = 0;
    const server = await playground.serve({ now: () => Date.now() + offset });
    const idle = await createSession(server.url);
    const used = await createSession(server.url);
    const before = (await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number };
    expect(before.rooms).toBe(2);

    offset = 0.75 * HOUR;
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: used.code, token: used.hostToken });
    offset = 1.1 * HOUR;
    expect(server.app.registry.sweep()).toBe(1);
    const phone = await playground.client(server.url);
    await new Promise((r) => setTimeout(r, 50));
    expect(await call(phone, 'player:join', { code: idle.code, nickname: 'Late' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_ENDED' },
    });
    // The lobby its host came back to 20 minutes ago is still open.
    const other = await playground.client(server.url);
    expect(await call(other, 'player:join', { code: used.code, nickname: 'Ada' })).toMatchObject({
      ok: true,
    });
    const list = (await (
      await fetch(`${server.url}/api/sessions`, {
        headers: { authorization: `Bearer ${idle.hostToken}` },
      })
    ).json()) as { data: { sessions: { phase: string }[] } };
    expect(list.data.sessions[0]?.phase).toBe('ended');
  });

  it('is ended at the next start when it has been idle that long', async () => {
    let offset = 0;
    const a = await playground.serve({ now: () => Date.now() + offset });
    const c = await createSession(a.url);
    await a.stop();
    offset = 2 * HOUR;
    const b = await playground.serve({ dataDir: a.dataDir, now: () => Date.now() + offset });
    const health = (await (await fetch(`${b.url}/healthz`)).json()) as { rooms: number };
    expect(health.rooms).toBe(0);
    const s = await playground.client(b.url);
    expect(await call(s, 'host:join', { code: c.code, token: c.hostToken })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
