import { describe, expect, it } from 'vitest';
import type { SessionSettingsInput } from '#shared/protocol/schemas';
import type { MoveResult, RoundStart, Status } from '#shared/protocol/views';
import { workerPool } from '../../server/compute/pool.ts';
import { createSession, next, ok, usePlayground } from './helpers.ts';

const playground = usePlayground();

/** The largest settings a host may choose: the heaviest training and search there is. */
const HEAVY: SessionSettingsInput = {
  dataset: 'digits',
  sizes: [25, 32, 32, 32, 32, 10],
  batchSize: 64,
  sgdSteps: 1000,
  rounds: 3,
};

describe('one host at the largest settings', () => {
  it('does not hold up other classrooms: their moves and the health check answer while it trains', async () => {
    const server = await playground.serve({ work: workerPool({ threads: 1 }) });
    const heavy = await createSession(server.url, HEAVY);
    const light = await createSession(server.url, { secondsPerRound: 600 });
    const heavyHost = await playground.client(server.url);
    await ok(heavyHost, 'host:join', { code: heavy.code, token: heavy.hostToken });
    const lightHost = await playground.client(server.url);
    await ok(lightHost, 'host:join', { code: light.code, token: light.hostToken });
    const players = [];
    for (let i = 0; i < 2; i++) {
      const p = await playground.client(server.url);
      await ok(p, 'player:join', { code: light.code, nickname: `P${i}` });
      players.push(p);
    }
    const round = next<RoundStart>(players[0]!, 'round:started');
    await ok(lightHost, 'host:start');
    await round;
    await ok<Status>(heavyHost, 'host:start');

    // Round 1 of the heavy class is open and its 1000 SGD steps are under way; ending the
    // round now, its training lands (round:trained) once those steps are done.
    let trained = false;
    const done = next(heavyHost, 'round:trained', () => true, 30_000).then(() => {
      trained = true;
    });
    await ok<Status>(heavyHost, 'host:endRound');
    let movedFirst = false;
    const moved = ok<MoveResult>(players[0]!, 'move:submit', {
      round: 1,
      l: 1,
      j: 0,
      dz: 0.5,
    }).then(() => {
      movedFirst = !trained;
    });
    let answered = 0;
    while (!trained) {
      const r = await fetch(`${server.url}/healthz`);
      expect(r.status).toBe(200);
      if (!trained) answered++;
    }
    await done;
    await moved;
    // The others were answered all along: the training ran beside the event loop, not on it.
    expect(movedFirst).toBe(true);
    expect(answered).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
