import { describe, expect, it } from 'vitest';
import { analyse, depth } from '#shared/engine/index';
import { puzzleFromJSON } from '#shared/game/puzzle';
import type { Report } from '#shared/protocol/rest';
import type { MoveResult, PlayerWelcome, Reveal, RoundStart } from '#shared/protocol/views';
import { type Client, createSession, next, ok, usePlayground } from './helpers.ts';

const playground = usePlayground();

describe('misconceptions read from the class’s moves', () => {
  it('tags each move, names the round’s most common one in the reveal, and counts them per student', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url, { rounds: 1, secondsPerRound: 120, seed: 7 });
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const names = ['Ada', 'Bo', 'Cy'];
    const players: Client[] = [];
    for (const nickname of names) {
      const p = await playground.client(server.url);
      await ok<PlayerWelcome>(p, 'player:join', { code: c.code, nickname });
      players.push(p);
    }
    const started = next<RoundStart>(players[0]!, 'round:started');
    await ok(host, 'host:start');
    const round = await started;
    // The script reads δ̄ of the output neuron from the puzzle, as the player's own backprop would.
    const puzzle = puzzleFromJSON(round.puzzle);
    const trace = analyse(puzzle.network, puzzle.batch);
    const L = depth(puzzle.network);
    const d = trace.deltaBar[L]![0]!;
    const along = Math.sign(d) * 0.3;
    const revealed = next<Reveal>(host, 'round:ended');
    // Ada and Bo nudge along δ (the cost rises); Cy nudges against it.
    const moves = await Promise.all(
      [along, along, -along].map((dz, i) =>
        ok<MoveResult>(players[i]!, 'move:submit', { round: 1, l: L, j: 0, dz }),
      ),
    );
    expect(moves[0]!.tags).toContain('alongDelta');
    expect(moves[2]!.tags).not.toContain('alongDelta');
    const reveal = await revealed;
    expect(reveal.misconception).toMatchObject({ tag: 'alongDelta', count: 2 });
    expect(reveal.misconception!.share).toBeCloseTo(2 / 3, 12);
    // One sentence with the correcting equation and this round's numbers, book numbering (layer L + 1).
    const text = reveal.misconception!.text;
    expect(text.en).toContain(`\\delta^{${L + 1}}_{1}`);
    expect(text.en).toContain('\\Delta C \\approx \\delta\\Delta z');
    expect(text.en).toContain(`\\Delta z = ${along > 0 ? '+' : '-'}0.3`);
    expect(text.zh).toMatch(/代价上升/);

    const res = await fetch(`${server.url}/api/sessions/${c.sessionId}/report`, {
      headers: { authorization: `Bearer ${c.hostToken}` },
    });
    const report = ((await res.json()) as { data: Report }).data;
    const count = (name: string) =>
      report.players.find((p) => p.nickname === name)!.misconceptions.alongDelta ?? 0;
    expect(names.map(count)).toEqual([1, 1, 0]);
    const csv = await (
      await fetch(`${server.url}/api/sessions/${c.sessionId}/report.csv`, {
        headers: { authorization: `Bearer ${c.hostToken}` },
      })
    ).text();
    const head = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    const ada = csv
      .split('\r\n')
      .find((l) => l.includes('"Ada"'))!
      .split(',');
    expect(ada[head.indexOf('misconceptions')]).toContain('alongDelta');
  });
});
