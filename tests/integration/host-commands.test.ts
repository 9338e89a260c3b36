import { describe, expect, it } from 'vitest';
import { Reveal, RoundStart, Status } from '#shared/protocol/views';
import { createSession, next, ok, type TestServer, usePlayground } from './helpers.ts';

const playground = usePlayground();
let server: TestServer;
const client = () => playground.client(server.url);

describe('host commands', () => {
  it('pause, resume, extend, skip, the timer and end, each seen by the players', async () => {
    server = await playground.serve();
    const c = await createSession(server.url, {
      rounds: 4,
      secondsPerRound: 5,
      speedScoring: false,
    });
    const host = await client();
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const p = await client();
    await ok(p, 'player:join', { code: c.code, nickname: 'Ada' });
    const q = await client();
    await ok(q, 'player:join', { code: c.code, nickname: 'Bob' });

    const r1 = next<unknown>(p, 'round:started');
    await ok(host, 'host:start');
    const start = RoundStart.parse(await r1);
    expect(start.timer.limitMs).toBe(5000);

    const paused = next<unknown>(p, 'session:status', (s) => (s as Status).phase === 'paused');
    await ok(host, 'host:pause');
    const ps = Status.parse(await paused);
    expect(ps.timer).toMatchObject({ deadline: null });
    await new Promise((r) => setTimeout(r, 300));
    const resumed = Status.parse(await ok(host, 'host:resume'));
    expect(resumed.timer!.remainingMs).toBeGreaterThan(ps.timer!.remainingMs - 100);

    const extended = Status.parse(await ok(host, 'host:extend', { seconds: 5 }));
    expect(extended.timer!.limitMs).toBe(10_000);
    expect(extended.timer!.deadline! - resumed.timer!.deadline!).toBe(5000);

    // Skip: round 1 closes (reveal sent) and round 2 opens at once.
    const revealed = next<unknown>(p, 'round:ended');
    const r2 = next<unknown>(p, 'round:started');
    const skipped = Status.parse(await ok(host, 'host:skip'));
    expect(skipped).toMatchObject({ phase: 'question', round: 2 });
    expect(Reveal.parse(await revealed)).toMatchObject({ round: 1, endedBy: 'host' });
    expect(RoundStart.parse(await r2).round).toBe(2);

    // Only one of two players moves: the timer ends the round.
    await ok(p, 'move:submit', { round: 2, l: 1, j: 0, dz: 0.5 });
    const byTimer = Reveal.parse(await next<unknown>(q, 'round:ended', () => true, 10_000));
    expect(byTimer).toMatchObject({ round: 2, endedBy: 'timer' });
    expect(byTimer.classMoves).toMatchObject({ answered: 1, players: 2 });

    // End during the reveal: final standings to everyone.
    const final = next<{ standings: unknown[]; demon: { rounds: number } }>(q, 'session:ended');
    expect(await ok(host, 'host:end')).toMatchObject({ phase: 'ended', round: 2 });
    // Two players and the gradient demon, which comes with its two rounds.
    const f = await final;
    expect(f.standings).toHaveLength(3);
    expect(f.demon.rounds).toBe(2);
  });
});
