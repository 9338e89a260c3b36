import { describe, expect, it } from 'vitest';
import { analyse, cloneNetwork, nudge } from '#shared/engine/index';
import { LEVELS, LevelKind, levelById, levelPuzzle, raceStars } from '#shared/game/levels';
import { gradientRace } from '#shared/game/race';
import { LevelRun, levelFlags, RunPhase } from '../../client/solo/levelRun.ts';
import type { MoveResultView } from '../../client/state/playStore.ts';

/** A judged move at (l, j) with Δz, its ΔC taken from the engine on the run's network as it stands. */
function move(run: LevelRun, l: number, j: number, dz: number, quality: number): MoveResultView {
  const t = analyse(run.puzzle.network, run.puzzle.batch);
  const r = nudge(t, l, j, dz);
  return {
    move: { l, j, dz, deltaC: r.deltaC },
    predicted: r.predicted,
    deltaBar: t.deltaBar[l]![j]!,
    sigmaPrime: 0.2,
    best: null,
    gradient: null,
    quality,
    points: 0,
    reason: 'best',
  };
}

describe('a level run (the level screen’s state)', () => {
  it('reads the level’s flags, never its id: kind, race, moves and layers', () => {
    for (const level of LEVELS) {
      const f = levelFlags(level);
      expect(f.race).toBe(level.race === true);
      expect(f.kind).toBe(level.kind ?? LevelKind.Nudge);
      expect(f.moves).toBe(level.moves ?? 1);
    }
    expect(LEVELS.filter((l) => levelFlags(l).race)).toHaveLength(1);
  });

  it('bias lever: each kept move adds its Δz to b^l_j, and the Δb are summed per neuron', () => {
    const run = new LevelRun(levelById('biasLever')!);
    const net = run.puzzle.network;
    const b0 = net.b[2]![0]!;
    run.record(move(run, 2, 0, -0.5, 1));
    expect(run.phase).toBe(RunPhase.Result);
    run.nextMove();
    run.record(move(run, 2, 0, -0.3, 1));
    run.nextMove();
    expect(net.b[2]![0]).toBeCloseTo(b0 - 0.8, 12);
    expect(run.biasShifts).toEqual([{ l: 2, j: 0, b0, db: expect.closeTo(-0.8, 12) }]);
    run.record(move(run, 1, 1, 0.5, 0.5));
    expect(run.phase).toBe(RunPhase.Done);
    // The last move is scored but not kept: the level is over.
    expect(run.biasShifts).toHaveLength(1);
    expect(run.meanQuality).toBeCloseTo(2.5 / 3, 12);
    expect(run.stars).toBe(2);
  });

  it('a race is scored on the whole run against the gradient demon’s own run', () => {
    const level = LEVELS.find((l) => l.race)!;
    const run = new LevelRun(level);
    const demon = gradientRace(run.puzzle.network, run.puzzle.batch, run.puzzle.eps, 3);
    let you = 0;
    for (let i = 0; i < 3; i++) {
      const g = demon[i]!;
      const r = move(run, g.l, g.j, g.dz, 1);
      you += r.move.deltaC;
      run.record(r);
      if (i < 2) run.nextMove();
    }
    expect(run.race.gradient).toBeCloseTo(
      demon.reduce((s, r) => s + r.deltaC, 0),
      12,
    );
    expect(run.race.you).toBeCloseTo(you, 12);
    expect(run.stars).toBe(raceStars(run.race.you, run.race.gradient));
  });

  it('Try again starts from the level’s own puzzle, with nothing kept', () => {
    const run = new LevelRun(levelById('biasLever')!);
    const b0 = run.puzzle.network.b[2]![0]!;
    run.record(move(run, 2, 0, 0.5, 1));
    run.nextMove();
    run.start();
    expect(run.puzzle.network.b[2]![0]).toBe(b0);
    expect([run.moveIndex, run.qualities.length, run.biasShifts.length]).toEqual([0, 0, 0]);
  });

  it('a level built from loaded data (MNIST) plays its puzzle, and Try again rebuilds it untouched', () => {
    // A small stand-in for the trained network: what matters is that every start asks for a fresh copy.
    const built = levelPuzzle(levelById('biasLever')!).puzzle;
    let calls = 0;
    const level = levelById('realDigits')!;
    const run = new LevelRun(level, () => {
      calls++;
      return { ...built, network: cloneNetwork(built.network) };
    });
    expect([calls, run.index, run.flags.moves, run.flags.layers]).toEqual([1, 12, 3, [1]]);
    const b0 = built.network.b[1]![0]!;
    run.record(move(run, 1, 0, 1, 1));
    run.nextMove();
    expect(run.puzzle.network.b[1]![0]).toBeCloseTo(b0 + 1, 12);
    expect(built.network.b[1]![0]).toBe(b0);
    run.start();
    expect(calls).toBe(2);
    expect(run.puzzle.network.b[1]![0]).toBe(b0);
    expect(run.nextLevel).toBeUndefined();
  });
});
