import { io as connectClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { type Client, call, createSession, usePlayground } from './helpers.ts';

const playground = usePlayground();

/** A phone behind nginx on this machine: X-Forwarded-For is what it typed, then its real address. */
function viaProxy(url: string, typed: string, real: string): Promise<Client> {
  const socket: Client = connectClient(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { 'x-forwarded-for': `${typed}, ${real}` },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('behind a reverse proxy', () => {
  it('limits wrong codes by the address the proxy saw, not the one the client typed', async () => {
    const server = await playground.serve({ limits: { joinFailuresPerMinute: 5 } });
    const c = await createSession(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const s = await viaProxy(server.url, `10.9.${i}.1`, '203.0.113.7');
      const guess = String((Number(c.code) + 1 + i) % 1_000_000).padStart(6, '0');
      const r = await call(s, 'player:join', { code: guess, nickname: `g${i}` });
      codes.push(r.ok ? 'OK' : r.error.code);
      s.disconnect();
    }
    expect(codes.slice(5)).toEqual(Array(3).fill('TOO_MANY_JOINS'));
    // Another pupil behind the same proxy, at another address, is not held up.
    const other = await viaProxy(server.url, '10.9.9.9', '203.0.113.8');
    expect(await call(other, 'player:join', { code: c.code, nickname: 'Ada' })).toMatchObject({
      ok: true,
    });
    other.disconnect();
  });

  it('limits session creation by the same rule over REST', async () => {
    const server = await playground.serve({ limits: { sessionsPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.8.${i}.1, 203.0.113.7`,
        },
        body: '{}',
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });
});
