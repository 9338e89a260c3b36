import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, trustFrom } from '../../server/http/clientAddress.ts';
import { TokenBucket, WindowLimiter } from '../../server/socket/limits.ts';

describe('abuse limits', () => {
  it('a token bucket allows its burst, then its rate', () => {
    let t = 0;
    const b = new TokenBucket(5, 10, () => t);
    const first = Array.from({ length: 12 }, () => b.take());
    expect(first.filter(Boolean)).toHaveLength(10);
    t = 1000;
    expect(Array.from({ length: 6 }, () => b.take()).filter(Boolean)).toHaveLength(5);
  });

  it('a window limiter counts per key and forgets after the window', () => {
    let t = 0;
    const w = new WindowLimiter(3, 60_000, () => t);
    expect([w.allow('a'), w.allow('a'), w.allow('a'), w.allow('a')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(w.full('a')).toBe(true);
    expect(w.allow('b')).toBe(true);
    t = 60_000;
    expect(w.full('a')).toBe(false);
    expect(w.allow('a')).toBe(true);
  });

  it('takes the address as express’s trust proxy does: from the right, past trusted hops only', () => {
    const req = (peer: string, xff?: string) =>
      ({
        socket: { remoteAddress: peer },
        headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
      }) as unknown as IncomingMessage;
    const loopback = trustFrom(undefined);
    // nginx's $proxy_add_x_forwarded_for: whatever the client typed, then the address nginx saw.
    expect(clientAddressOf(req('127.0.0.1', 'typed-by-client, 203.0.113.7'), loopback)).toBe(
      '203.0.113.7',
    );
    expect(clientAddressOf(req('::ffff:127.0.0.1', '198.51.100.2'), loopback)).toBe('198.51.100.2');
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(clientAddressOf(req('192.0.2.5', '203.0.113.7'), loopback)).toBe('192.0.2.5');
    expect(clientAddressOf(req('127.0.0.1'), loopback)).toBe('127.0.0.1');
    expect(clientAddressOf(req('127.0.0.1', '203.0.113.7'), trustFrom('false'))).toBe('127.0.0.1');
    // Two hops in front (a load balancer, then nginx): the third address from the right.
    expect(clientAddressOf(req('10.0.0.2', '1.1.1.1, 203.0.113.7, 10.0.0.1'), trustFrom('2'))).toBe(
      '203.0.113.7',
    );
    expect(
      clientAddressOf(req('10.0.0.2', '1.1.1.1, 203.0.113.7, 10.0.0.1'), trustFrom('10.0.0.0/8')),
    ).toBe('203.0.113.7');
  });
});
