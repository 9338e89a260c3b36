import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ limits: { sessionsPerMinute: 1000 } });
});
afterAll(async () => {
  await server?.close();
});

const CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self' ws: wss:;worker-src 'self' blob:";

describe('http', () => {
  it('answers /healthz', async () => {
    const r = await fetch(`${server.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true });
  });

  it('serves the client with security headers, the join link, pages, hashed assets and a fallback', async () => {
    const index = await fetch(`${server.url}/`);
    expect(await index.text()).toContain('start page');
    expect(index.headers.get('content-security-policy')).toContain(CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('x-powered-by')).toBeNull();
    expect(await (await fetch(`${server.url}/?code=123456`)).text()).toContain('start page');
    expect(await (await fetch(`${server.url}/host.html`)).text()).toContain('Host');
    const asset = await fetch(`${server.url}/assets/main-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const deep = await fetch(`${server.url}/play/some/where`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('start page');
  });

  it('answers unknown API paths, bad JSON and large bodies with a JSON error and no stack', async () => {
    const nf = await fetch(`${server.url}/api/nothing`);
    expect(nf.status).toBe(404);
    expect(await nf.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"rounds": 3,',
    });
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(JSON.parse(badText)).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    expect(badText).not.toMatch(/node_modules|at .*\.js/);
    const big = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 1, pad: 'x'.repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('names the field of settings out of range', async () => {
    const r = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secondsPerRound: 1 }),
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_SETTINGS');
    expect(body.error.message).toMatch(/^secondsPerRound: /);
  });

  it('keeps one host across sessions with its token; reports are the host’s alone', async () => {
    const a = await createSession(server.url, { rounds: 1 });
    const b = await createSession(server.url, { preset: 'hunt' }, a.hostToken);
    expect(b.hostToken).toBe(a.hostToken);
    const other = await createSession(server.url);
    const auth = { authorization: `Bearer ${a.hostToken}` };
    const list = (await (await fetch(`${server.url}/api/sessions`, { headers: auth })).json()) as {
      data: { sessions: { sessionId: string; preset: string | null }[] };
    };
    expect(list.data.sessions.map((s) => s.sessionId).sort()).toEqual(
      [a.sessionId, b.sessionId].sort(),
    );
    expect(list.data.sessions.find((s) => s.sessionId === b.sessionId)!.preset).toBe('hunt');
    const foreign = await fetch(`${server.url}/api/sessions/${other.sessionId}/report`, {
      headers: auth,
    });
    expect(foreign.status).toBe(404);
    const csv = await fetch(
      `${server.url}/api/sessions/${a.sessionId}/report.csv?token=${encodeURIComponent(a.hostToken)}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    // The byte-order mark is what makes a spreadsheet read the Chinese nicknames as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8', 3)).toMatch(/^round,playerId,nickname,/);
    const wrong = await fetch(`${server.url}/api/sessions`, {
      headers: { authorization: 'Bearer nope-nope-nope-nope' },
    });
    expect(wrong.status).toBe(401);
    const unknownHost = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer not-a-real-token-at-all',
      },
      body: '{}',
    });
    expect(unknownHost.status).toBe(401);
  });
});
