import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '#shared/protocol/codes';
import { clientAddressOf, trustFrom } from '../../server/http/clientAddress.ts';
import { RoomError } from '../../server/rooms/errors.ts';
import { JoinGate } from '../../server/socket/joinGate.ts';
import { DEFAULT_LIMITS, rateLimits } from '../../server/socket/limits.ts';

describe('abuse limits', () => {
  const limits = {
    ...DEFAULT_LIMITS,
    eventBurst: 10,
    eventsPerSecond: 5,
    joinFailuresPerMinute: 3,
  };

  it('a connection may send its burst of events, then is refused; others are not', async () => {
    const r = rateLimits(limits);
    const first = await Promise.all(Array.from({ length: 12 }, () => r.event('a')));
    expect(first.filter(Boolean)).toHaveLength(10);
    expect(await r.event('b')).toBe(true);
    r.closed('a');
    await new Promise((done) => setTimeout(done, 10));
    expect(await r.event('a')).toBe(true);
  });

  it('wrong codes lock out further joins from the address, never its resumes or known tokens', async () => {
    const gate = new JoinGate(rateLimits(limits));
    for (let i = 0; i < 3; i++) {
      await gate.admit('join', '203.0.113.7');
      await gate.missed('join', '203.0.113.7');
    }
    const refused = await gate.admit('join', '203.0.113.7').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RoomError);
    expect((refused as RoomError).code).toBe(ErrorCode.TooManyJoins);
    expect((refused as RoomError).message).toMatch(/try again in \d+ s/);
    // Another address, a resume from the same one, and a known token all pass.
    await expect(gate.admit('join', '198.51.100.2')).resolves.toBeUndefined();
    await expect(gate.admit('resume', '203.0.113.7')).resolves.toBeUndefined();
    await expect(gate.admit('join', '203.0.113.7', true)).resolves.toBeUndefined();
  });

  it('counts sessions created per address', async () => {
    const r = rateLimits({ ...limits, sessionsPerMinute: 2 });
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await r.sessionCreate('a'));
    expect(made).toEqual([true, true, false]);
    expect(await r.sessionCreate('b')).toBe(true);
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
