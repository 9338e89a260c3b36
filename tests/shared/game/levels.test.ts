import { describe, expect, it } from 'vitest';
import { analyse, applyBiasNudge, bestWeightNudge, weightNudge } from '#shared/engine/index';
import {
  LEVEL_IDS,
  LEVELS,
  LevelKind,
  levelById,
  levelPuzzle,
  movableNeurons,
  PRESET_LEVELS,
  starsFor,
} from '#shared/game/levels';
import { roundKey, SATURATION_THRESHOLD, scoreMove } from '#shared/game/scoring';

function setup(id: string) {
  const level = levelById(id)!;
  const { puzzle } = levelPuzzle(level);
  const trace = analyse(puzzle.network, puzzle.batch);
  const movable = movableNeurons(puzzle.network, level.layers);
  return { level, puzzle, trace, key: roundKey(trace, puzzle.eps, movable) };
}

describe('the campaign levels', () => {
  it('lists thirteen levels, in the order of LEVEL_IDS, the MNIST level last', () => {
    expect(LEVELS.map((l) => l.id)).toEqual([...LEVEL_IDS]);
    expect(LEVELS).toHaveLength(13);
    expect(PRESET_LEVELS.map((l) => l.id)).toEqual([...LEVEL_IDS.slice(0, 12)]);
    expect(LEVELS.at(-1)!.mnist).toBeDefined();
    expect(() => levelPuzzle(LEVELS.at(-1)!)).toThrow(/MNIST/);
  });

  // The MNIST level's own puzzle and stars are tested in tests/shared/data/mnistLevel.test.ts.
  for (const level of PRESET_LEVELS) {
    describe(level.id, () => {
      it('gives 3 stars to the best move and fewer to the same move with the wrong sign', () => {
        const { puzzle, trace, key } = setup(level.id);
        if (level.kind === LevelKind.Weight) {
          const best = bestWeightNudge(trace, puzzle.eps);
          expect(best.deltaC).toBeLessThan(0);
          const wrong = weightNudge(trace, best.l, best.j, best.k, -best.dw);
          expect(wrong.deltaC).toBeGreaterThan(0);
          return;
        }
        expect(key.best.deltaC).toBeLessThan(0);
        const best = scoreMove(trace, key, key.best.l, key.best.j, key.best.dz);
        expect(starsFor(level, best.quality)).toBe(3);
        const wrong = scoreMove(trace, key, key.best.l, key.best.j, -key.best.dz);
        expect(starsFor(level, wrong.quality)).toBeLessThan(3);
        expect(wrong.points).toBe(0);
        if (level.layers) expect(level.layers).toContain(key.best.l);
      });
    });
  }

  it('every move of a multi-move level can still reach 3 stars after the earlier ones persist as Δb', () => {
    for (const level of PRESET_LEVELS.filter((l) => (l.moves ?? 1) > 1)) {
      const { puzzle } = levelPuzzle(level);
      for (let m = 0; m < level.moves!; m++) {
        const trace = analyse(puzzle.network, puzzle.batch);
        const key = roundKey(trace, puzzle.eps, movableNeurons(puzzle.network, level.layers));
        expect(key.best.deltaC, `${level.id} move ${m + 1}`).toBeLessThan(0);
        const s = scoreMove(trace, key, key.best.l, key.best.j, key.best.dz);
        expect(starsFor(level, s.quality)).toBe(3);
        applyBiasNudge(puzzle.network, key.best.l, key.best.j, key.best.dz);
      }
    }
  });

  it('asleep at the edges: two hidden neurons are saturated, and the best move is on an awake one', () => {
    const { trace, key } = setup('asleepAtEdges');
    const n = trace.n;
    const spMean = (j: number) => {
      let s = 0;
      for (let x = 0; x < n; x++) s += trace.sp[1]![x * 4 + j]!;
      return s / n;
    };
    const asleep = [0, 1, 2, 3].filter((j) => spMean(j) < SATURATION_THRESHOLD);
    expect(asleep.length).toBeGreaterThanOrEqual(2);
    expect(key.best.l).toBe(1);
    expect(asleep).not.toContain(key.best.j);
    const onAsleep = scoreMove(
      trace,
      key,
      1,
      asleep[0]!,
      -Math.sign(trace.deltaBar[1]![asleep[0]!]!),
    );
    expect(onAsleep.saturated).toBe(true);
    expect(starsFor(levelById('asleepAtEdges')!, onAsleep.quality)).toBeLessThan(3);
  });

  it('one layer back: the best lever is a hidden neuron, not the output', () => {
    const { key } = setup('oneLayerBack');
    expect(key.best.l).toBe(1);
  });

  it('when the line lies: the best |Δz| is well inside ε, and the full budget raises the cost', () => {
    const { puzzle, key } = setup('lineLies');
    expect(Math.abs(key.best.dz)).toBeLessThan(0.6 * puzzle.eps);
    expect(Math.abs(key.gradient.dz)).toBe(puzzle.eps);
    expect(key.gradient.predicted).toBeLessThan(0);
    expect(key.gradient.deltaC).toBeGreaterThan(0);
  });

  it('deep trouble: δ of the first layer is under 2% of the output layer’s', () => {
    const { trace } = setup('deepTrouble');
    const biggest = (l: number) => Math.max(...Array.from(trace.deltaBar[l]!, Math.abs));
    expect(biggest(1)).toBeLessThan(0.02 * biggest(5));
  });

  it('weights too: a weight fed by an input that is mostly 0 has a smaller gradient, and the dead input’s weights cannot learn', () => {
    const { trace } = setup('weightsToo');
    // Input 1 of AND is 0 on half the batch: its weight sees only half the δ's.
    const g = weightNudge(trace, 1, 0, 0, 1e-3).gradient;
    let full = 0;
    for (let x = 0; x < trace.n; x++) full += trace.delta[1]![x * 3]!;
    expect(Math.abs(g)).toBeLessThan(Math.abs(full / trace.n) + 1e-12);
    // Input 2 reads 0 on every sample: ∂C/∂w = a·δ = 0, and no Δw changes the cost.
    for (let x = 0; x < trace.n; x++) expect(trace.a[0]![x * 2 + 1]).toBe(0);
    for (let j = 0; j < 3; j++) {
      const dead = weightNudge(trace, 1, j, 1, 1);
      expect(dead.gradient).toBe(0);
      expect(dead.deltaC).toBe(0);
    }
  });

  it('hand backprop: the hidden neuron with the largest |δ| (the one asked for) is the best lever', () => {
    const { trace, key } = setup('handBackprop');
    const hidden = Array.from(trace.deltaBar[1]!, Math.abs);
    expect(key.best.l).toBe(1);
    expect(key.best.j).toBe(hidden.indexOf(Math.max(...hidden)));
  });

  it('stars follow the thresholds', () => {
    const level = LEVELS[0]!;
    expect(starsFor(level, 1)).toBe(3);
    expect(starsFor(level, 0.8)).toBe(2);
    expect(starsFor(level, 0.4)).toBe(1);
    expect(starsFor(level, -1)).toBe(0);
  });
});
