import { describe, expect, it } from 'vitest';
import { call, createSession, ok, type TestServer, usePlayground } from './helpers.ts';

const playground = usePlayground();
let server: TestServer;
const client = () => playground.client(server.url);

describe('abuse limits', () => {
  it('limits wrong codes per address, so codes cannot be guessed', async () => {
    server = await playground.serve({ limits: { joinFailuresPerMinute: 5 } });
    const c = await createSession(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const s = await client();
      const guess = String((Number(c.code) + 1 + i) % 1_000_000).padStart(6, '0');
      const r = await call(s, 'player:join', { code: guess, nickname: `g${i}` });
      codes.push(r.ok ? 'OK' : r.error.code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('NOT_FOUND'));
    expect(codes.slice(5)).toEqual(Array(3).fill('TOO_MANY_JOINS'));
    // Even the right code is refused until the window passes; a token guess learns nothing of the code.
    const s = await client();
    expect(await call(s, 'player:join', { code: c.code, nickname: 'late' })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_JOINS', message: expect.stringMatching(/try again in \d+ s/) },
    });
    expect(await call(s, 'player:resume', { code: c.code, token: 'a'.repeat(43) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_TOKEN' },
    });
  });

  it('lets a whole class join from one school address, within the overall limit', async () => {
    server = await playground.serve({ limits: { joinsPerMinute: 45, joinFailuresPerMinute: 20 } });
    const c = await createSession(server.url);
    const results: string[] = [];
    for (let i = 0; i < 46; i++) {
      const s = await client();
      const r = await call(s, 'player:join', { code: c.code, nickname: `Pupil ${i}` });
      results.push(r.ok ? 'OK' : r.error.code);
    }
    expect(results.slice(0, 45)).toEqual(Array(45).fill('OK'));
    expect(results[45]).toBe('TOO_MANY_JOINS');
  });

  it('rate-limits the events of one connection', async () => {
    server = await playground.serve({ limits: { eventsPerSecond: 5, eventBurst: 10 } });
    const c = await createSession(server.url);
    const s = await client();
    await ok(s, 'player:join', { code: c.code, nickname: 'Spammer' });
    const results = await Promise.all(
      Array.from({ length: 40 }, () => call(s, 'move:submit', { round: 1, l: 1, j: 0, dz: 0 })),
    );
    const limited = results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThanOrEqual(25);
    expect(results.filter((r) => !r.ok && r.error.code === 'ROUND_CLOSED').length).toBeGreaterThan(
      0,
    );
  });

  it('drops a connection that sends an oversized message, and stays up', async () => {
    server = await playground.serve();
    const c = await createSession(server.url);
    const s = await client();
    const closed = new Promise<string>((r) => s.once('disconnect', (reason) => r(reason)));
    s.emit('player:join', { code: c.code, nickname: 'x'.repeat(50_000) } as never, () => {});
    expect(await closed).toMatch(/transport/);
    const t = await client();
    expect((await call(t, 'player:join', { code: c.code, nickname: 'Fine' })).ok).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('gives tokens of at least 128 random bits and never the same twice', async () => {
    server = await playground.serve();
    const c = await createSession(server.url);
    const tokens = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const s = await client();
      const w = await ok<{ resumeToken: string }>(s, 'player:join', {
        code: c.code,
        nickname: `p${i}`,
      });
      tokens.add(w.resumeToken);
      // base64url: 6 bits a character.
      expect(w.resumeToken.length * 6).toBeGreaterThanOrEqual(128);
    }
    expect(tokens.size).toBe(20);
    expect(c.hostToken.length * 6).toBeGreaterThanOrEqual(128);
  });
});
