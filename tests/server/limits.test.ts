import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../server/socket/handlers.ts';
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

  it('trusts X-Forwarded-For only from a proxy on this machine', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7, 10.0.0.1')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', ['198.51.100.2'])).toBe('198.51.100.2');
    expect(clientAddress('192.0.2.5', '203.0.113.7')).toBe('192.0.2.5');
    expect(clientAddress('127.0.0.1', undefined)).toBe('127.0.0.1');
  });
});
