import { describe, expect, it } from 'vitest';
import type { PlayerWelcome, Reveal } from '#shared/protocol/views';
import { createSession, next, ok, record, usePlayground } from './helpers.ts';

const playground = usePlayground();

describe('a round while players are reconnecting', () => {
  it('stays open for a player who is away, and closes once they are back and have moved', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url, { secondsPerRound: 120, rounds: 2 });
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const ended = record(host, ['round:ended']);
    const ada = await playground.client(server.url);
    const bob = await playground.client(server.url);
    await ok(ada, 'player:join', { code: c.code, nickname: 'Ada' });
    const bobMe = await ok<PlayerWelcome>(bob, 'player:join', { code: c.code, nickname: 'Bob' });
    const started = next(ada, 'round:started');
    await ok(host, 'host:start');
    await started;

    // Bob's wifi drops; Ada moves. The round must wait for Bob, not close on Ada alone.
    bob.disconnect();
    await ok(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.5 });
    const back = await playground.client(server.url);
    const resumed = await ok<PlayerWelcome>(back, 'player:resume', {
      code: c.code,
      token: bobMe.resumeToken,
    });
    expect(resumed.status.phase).toBe('question');
    expect(ended.get('round:ended')).toHaveLength(0);

    // Bob moves after coming back: his move counts, and now everyone has moved.
    const reveal = next<Reveal>(host, 'round:ended');
    const move = await ok<{ points: number }>(back, 'move:submit', {
      round: 1,
      l: 1,
      j: 1,
      dz: -0.5,
    });
    expect(move.points).toBeGreaterThanOrEqual(0);
    const r = await reveal;
    expect(r.endedBy).toBe('allMoved');
    expect(r.classMoves.answered).toBe(2);
  });
});
