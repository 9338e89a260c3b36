import { describe, expect, it } from 'vitest';
import {
  analyse,
  applyBiasNudge,
  batchCost,
  bestNudge,
  cloneNetwork,
  gradientDemon,
  networkToJSON,
} from '#shared/engine/index';
import { levelById, levelPuzzle } from '#shared/game/levels';
import { gradientRace } from '#shared/game/race';

const level = levelById('raceGradient')!;
const { puzzle } = levelPuzzle(level);
const moves = level.moves ?? 3;

describe('the gradient demon’s race', () => {
  it('plays on its own copy: the network given is left as it was', () => {
    const before = JSON.stringify(networkToJSON(puzzle.network));
    gradientRace(puzzle.network, puzzle.batch, puzzle.eps, moves);
    expect(JSON.stringify(networkToJSON(puzzle.network))).toBe(before);
  });

  it('keeps each move as Δb, so its total ΔC is C at the end minus C at the start', () => {
    const run = gradientRace(puzzle.network, puzzle.batch, puzzle.eps, moves);
    expect(run).toHaveLength(moves);
    const replay = cloneNetwork(puzzle.network);
    for (const m of run) {
      // each move is the gradient demon's on the network the earlier moves made
      const expected = gradientDemon(analyse(replay, puzzle.batch), puzzle.eps);
      expect([m.l, m.j, m.dz]).toEqual([expected.l, expected.j, expected.dz]);
      applyBiasNudge(replay, m.l, m.j, m.dz);
    }
    const total = run.reduce((s, m) => s + m.deltaC, 0);
    const c0 = batchCost(puzzle.network, puzzle.batch);
    expect(total).toBeCloseTo(batchCost(replay, puzzle.batch) - c0, 12);
  });

  it('can be beaten: a demon taking the best nudge each move ends lower', () => {
    const run = gradientRace(puzzle.network, puzzle.batch, puzzle.eps, moves);
    const player = cloneNetwork(puzzle.network);
    let you = 0;
    for (let i = 0; i < moves; i++) {
      const b = bestNudge(analyse(player, puzzle.batch), puzzle.eps);
      applyBiasNudge(player, b.l, b.j, b.dz);
      you += b.deltaC;
    }
    const demon = run.reduce((s, m) => s + m.deltaC, 0);
    expect(you).toBeLessThan(demon);
  });
});
