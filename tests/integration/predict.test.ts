import { describe, expect, it } from 'vitest';
import { analyse, depth } from '#shared/engine/index';
import { sizeOf } from '#shared/game/prediction';
import { puzzleFromJSON } from '#shared/game/puzzle';
import type { MoveResult, Reveal, RoundStart } from '#shared/protocol/views';
import { type Client, call, createSession, next, ok, usePlayground } from './helpers.ts';

const playground = usePlayground();

describe('predict, then nudge, in a class round', () => {
  it('asks each move for its prediction, scores it apart, and shows the class predictions against outcomes', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url, {
      rounds: 1,
      secondsPerRound: 120,
      // A fixed network: a move against δ that lowers C is then certain, not a matter of the draw.
      seed: 11,
      predict: true,
      speedScoring: false,
    });
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const players: Client[] = [];
    for (const nickname of ['Ada', 'Bo']) {
      const p = await playground.client(server.url);
      await ok(p, 'player:join', { code: c.code, nickname });
      players.push(p);
    }
    const started = next<RoundStart>(players[0]!, 'round:started');
    await ok(host, 'host:start');
    const round = await started;
    expect(round.predict).toBe(true);
    const puzzle = puzzleFromJSON(round.puzzle);
    const trace = analyse(puzzle.network, puzzle.batch);
    const L = depth(puzzle.network);
    // Small enough that ΔC ≈ δ̄Δz holds: against δ̄'s sign, C goes down.
    const dz = -Math.sign(trace.deltaBar[L]![0]!) * 0.05;
    const move = { round: 1, l: L, j: 0, dz };

    // No prediction: refused, and nothing is scored.
    const bare = await call(players[0]!, 'move:submit', move);
    expect(bare.ok || bare.error.code).toBe('BAD_PAYLOAD');
    const bad = await call(players[0]!, 'move:submit', {
      ...move,
      prediction: { sign: 'sideways', size: 1 },
    });
    expect(bad.ok || bad.error.code).toBe('BAD_PAYLOAD');

    const revealed = next<Reveal>(host, 'round:ended');
    // Ada says C goes down (right), Bo says up (wrong), both in the same decade.
    const [ada, bo] = await Promise.all(
      (['down', 'up'] as const).map((sign, i) =>
        ok<MoveResult>(players[i]!, 'move:submit', { ...move, prediction: { sign, size: 1 } }),
      ),
    );
    expect(ada!.deltaC).toBeLessThan(0);
    const decadeRight = sizeOf(ada!.deltaC) === 1;
    expect(ada!.prediction).toMatchObject({ sign: 'down', signRight: true });
    expect(bo!.prediction).toMatchObject({ sign: 'up', signRight: false });
    expect(ada!.prediction!.score - bo!.prediction!.score).toBe(50);
    // The points are the move's own: the same move scores the same whatever was predicted.
    expect(ada!.points).toBe(bo!.points);
    const reveal = await revealed;
    expect(reveal.classMoves.predictions).toEqual({
      count: 2,
      signRight: 1,
      sizeRight: decadeRight ? 2 : 0,
      meanScore: (ada!.prediction!.score + bo!.prediction!.score) / 2,
    });
    expect(reveal.classMoves.moves.map((m) => m.prediction?.sign).sort()).toEqual(['down', 'up']);
  });
});
