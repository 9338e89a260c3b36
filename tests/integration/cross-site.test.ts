import { io as connectClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { call, createSession, usePlayground } from './helpers.ts';

const playground = usePlayground();

/** A websocket opened by a page of `origin` (a browser always sends its Origin). */
function fromOrigin(url: string, origin: string): Promise<'connected' | 'refused'> {
  const s = connectClient(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin },
  });
  return new Promise((resolve) => {
    s.once('connect', () => {
      s.disconnect();
      resolve('connected');
    });
    s.once('connect_error', () => {
      s.close();
      resolve('refused');
    });
  });
}

describe('another site’s page', () => {
  it('cannot create a session with a text/plain form post, nor from its own origin', async () => {
    const server = await playground.serve();
    const plain = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    const evil = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(evil.status).toBe(403);
    const own = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{}',
    });
    expect(own.status).toBe(201);
  });

  it('cannot open a socket.io connection; the server’s own pages can', async () => {
    const server = await playground.serve();
    expect(await fromOrigin(server.url, 'https://evil.example')).toBe('refused');
    expect(await fromOrigin(server.url, server.url)).toBe('connected');
  });

  it('learns nothing about codes from host:join with a made-up token', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url);
    const other = c.code === '000000' ? '000001' : '000000';
    const s = await playground.client(server.url);
    const right = await call(s, 'host:join', { code: c.code, token: 'y'.repeat(32) });
    const wrong = await call(s, 'host:join', { code: other, token: 'y'.repeat(32) });
    expect(right).toEqual(wrong);
  });
});

describe('odd requests', () => {
  it('get the security headers on socket.io polling and a true error for a malformed path', async () => {
    const server = await playground.serve();
    const poll = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(poll.status).toBe(200);
    expect(poll.headers.get('x-content-type-options')).toBe('nosniff');
    expect(poll.headers.get('content-security-policy')).toContain("default-src 'none'");
    const bad = await fetch(`${server.url}/api/sessions/%E0%A4%A/report`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { message: string } };
    expect(body.error.message).not.toMatch(/JSON/);
    const page = await fetch(`${server.url}/%E0%A4%A`);
    expect(page.status).toBe(400);
    expect(await page.text()).not.toMatch(/at |Error/);
  });
});
