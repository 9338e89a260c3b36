import { describe, expect, it } from 'vitest';
import { analyse } from '#shared/engine/index';
import { levelById, levelPuzzle } from '#shared/game/levels';
import { puzzleToJSON } from '#shared/game/puzzle';
import { roundKey, scoreMove } from '#shared/game/scoring';
import { SoloJudge } from '../../client/solo/judge.ts';
import { PickMode, PlayStore } from '../../client/state/playStore.ts';

function storeFor(id: string): PlayStore {
  const { puzzle } = levelPuzzle(levelById(id)!);
  const store = new PlayStore();
  store.setPuzzle(puzzleToJSON(puzzle));
  return store;
}

describe('the play store', () => {
  it('loads a puzzle from its JSON with the same cost as the engine', () => {
    const { puzzle } = levelPuzzle(levelById('hunt')!);
    const store = storeFor('hunt');
    expect(store.trace.cost).toBe(analyse(puzzle.network, puzzle.batch).cost);
    expect(store.eps).toBe(puzzle.eps);
    expect(store.L).toBe(3);
  });

  it('keeps Δz within ±ε and steps it by a tenth of ε', () => {
    const store = storeFor('hunt');
    const eps = store.eps;
    store.setDz(9);
    expect(store.dz).toBe(eps);
    store.setDz(-9);
    expect(store.dz).toBe(-eps);
    store.setDz(0);
    store.stepDz(1);
    store.stepDz(1);
    expect(store.dz).toBeCloseTo(0.2 * eps, 12);
    for (let i = 0; i < 30; i++) store.stepDz(-1);
    expect(store.dz).toBe(-eps);
  });

  it('picks with arrows: the first press picks the output, then up/down and left/right move', () => {
    const store = storeFor('hunt');
    store.moveSelection(1, 0);
    expect(store.selected).toEqual({ l: 3, j: 0 });
    store.moveSelection(-1, 0);
    expect(store.selected).toEqual({ l: 2, j: 0 });
    store.moveSelection(0, -1);
    expect(store.selected).toEqual({ l: 2, j: 5 });
    store.moveSelection(-1, 0);
    store.moveSelection(-1, 0);
    expect(store.selected).toEqual({ l: 1, j: 5 });
  });

  it('never picks the input layer, a layer the level keeps closed, or anything after a move', () => {
    const store = storeFor('asleepAtEdges');
    store.allowedLayers = [1];
    store.select(0, 0);
    expect(store.selected).toBeNull();
    store.select(2, 0);
    expect(store.selected).toBeNull();
    store.moveSelection(1, 0);
    expect(store.selected).toEqual({ l: 1, j: 0 });
    store.moveSelection(1, 0);
    expect(store.selected).toEqual({ l: 1, j: 0 });
    store.setDz(store.eps);
    store.showResult(new SoloJudge(store).judgeNeuron()!);
    store.select(1, 2);
    store.setDz(-1);
    expect(store.selected).toEqual({ l: 1, j: 0 });
    expect(store.dz).toBe(store.eps);
  });

  it('shows δ as the puzzle says: all, only the output layer (BP2 levels), or none until the move', () => {
    expect([1, 2].map((l) => storeFor('hunt').deltaVisible(l))).toEqual([true, true]);
    const back = storeFor('oneLayerBack');
    expect([1, 2].map((l) => back.deltaVisible(l))).toEqual([false, true]);
    const fwd = storeFor('predictSign');
    expect(fwd.deltaVisible(1)).toBe(false);
    expect(fwd.preview()).toBeNull();
    fwd.select(1, 0);
    fwd.setDz(0.5);
    fwd.showResult(new SoloJudge(fwd).judgeNeuron()!);
    expect(fwd.deltaVisible(1)).toBe(true);
  });

  it('previews δ̄Δz where δ is on show', () => {
    const store = storeFor('outputDemon');
    store.select(1, 0);
    store.setDz(-0.1);
    expect(store.preview()).toBeCloseTo(store.trace.deltaBar[1]![0]! * -0.1, 15);
  });

  it('notifies subscribers on every change', () => {
    const store = storeFor('hunt');
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.select(1, 1);
    store.setDz(0.2);
    off();
    store.setDz(0.3);
    expect(calls).toBe(2);
  });
});

describe('the solo judge', () => {
  it('scores a move exactly as scoreMove does, so solo and classroom agree', () => {
    const store = storeFor('lineLies');
    const key = roundKey(store.trace, store.eps);
    store.select(2, 0);
    store.setDz(4);
    const r = new SoloJudge(store).judgeNeuron()!;
    const ref = scoreMove(store.trace, key, 2, 0, 4);
    expect(r.move.deltaC).toBe(ref.deltaC);
    expect(r.quality).toBe(ref.quality);
    expect(r.points).toBe(ref.points);
    expect(r.reason).toBe(ref.reason);
    expect(r.best).toEqual(key.best);
    expect(r.gradient).toEqual(key.gradient);
    // The full budget overshoots: the line promised a fall, the cost rose.
    expect(r.predicted).toBeLessThan(0);
    expect(r.move.deltaC).toBeGreaterThan(0);
  });

  it('gives each sample’s ΔC_x, whose mean is the move’s ΔC', () => {
    const store = storeFor('manySamples');
    store.select(2, 0);
    store.setDz(0.8);
    const r = new SoloJudge(store).judgeNeuron()!;
    const d = r.sampleDeltaC!;
    expect(d).toHaveLength(8);
    expect(d.reduce((a, b) => a + b, 0) / d.length).toBeCloseTo(r.move.deltaC, 12);
    expect(d.some((v) => v > 0) && d.some((v) => v < 0)).toBe(true);
  });

  it('scores weight moves against the best single-weight nudge', () => {
    const store = storeFor('weightsToo');
    store.setMode(PickMode.Weight);
    const judge = new SoloJudge(store);
    store.selectWeight(2, 0, 0);
    store.setDz(-1);
    const good = judge.judgeWeight()!;
    expect(good.move.k).toBe(0);
    expect(good.quality).toBeGreaterThan(0);
    expect(good.quality).toBeLessThanOrEqual(1 + 1e-9);
    expect(good.points).toBe(Math.round(1000 * Math.min(good.quality, 1)));
    expect(good.points).toBeGreaterThan(0);
    store.locked = false;
    store.setDz(1);
    const bad = judge.judgeWeight()!;
    expect(bad.move.deltaC).toBeGreaterThan(0);
    expect(bad.points).toBe(0);
  });
});

describe('after a move, and the quieter rules', () => {
  it('keeps every neuron inspectable after a move, none movable: the move stays where it was', () => {
    const store = storeFor('hunt');
    store.select(2, 1);
    store.setDz(0.3);
    store.showResult(new SoloJudge(store).judgeNeuron()!);
    store.inspect(1, 4);
    expect(store.focus).toEqual({ l: 1, j: 4 });
    expect(store.selected).toEqual({ l: 2, j: 1 });
    store.select(1, 4);
    expect(store.selected).toEqual({ l: 2, j: 1 });
    store.inspect(0, 0);
    expect(store.focus).toEqual({ l: 1, j: 4 });
    store.nextMove();
    expect(store.inspected).toBeNull();
  });

  it('calls a neuron asleep only where σ′ enters its δ: not a sigmoid output under cross-entropy', () => {
    const store = storeFor('asleepAtEdges');
    const asleep = [0, 1, 2, 3].filter((j) => store.asleep(1, j));
    expect(asleep.length).toBeGreaterThan(0);
    for (const j of asleep) expect(store.mean('sp', 1, j)).toBeLessThan(0.02);
    const { puzzle } = levelPuzzle(levelById('outputDemon')!);
    const net = { ...puzzle.network, cost: 'crossEntropy' as const };
    // Saturate the output: a large bias puts σ′(z^L) near 0.
    net.b[1]![0] = 12;
    const ce = new PlayStore();
    ce.load(net, puzzle.batch, 0.2, 'delta');
    expect(ce.mean('sp', 1, 0)).toBeLessThan(0.02);
    expect(ce.asleep(1, 0)).toBe(false);
    const q = new PlayStore();
    q.load({ ...net, cost: 'quadratic' }, puzzle.batch, 0.2, 'delta');
    expect(q.asleep(1, 0)).toBe(true);
  });

  it('arrow keys step through the weights in weight mode', () => {
    const store = storeFor('weightsToo');
    store.setMode(PickMode.Weight);
    store.moveWeightSelection(0, 1);
    expect(store.selectedWeight).toEqual({ l: 2, j: 0, k: 0 });
    store.moveWeightSelection(0, 1);
    expect(store.selectedWeight).toEqual({ l: 2, j: 0, k: 1 });
    store.moveWeightSelection(0, -2);
    expect(store.selectedWeight).toEqual({ l: 2, j: 0, k: 2 });
    store.moveWeightSelection(-1, 0);
    expect(store.selectedWeight).toEqual({ l: 1, j: 0, k: 0 });
    store.moveWeightSelection(0, 5);
    expect(store.selectedWeight).toEqual({ l: 1, j: 2, k: 1 });
  });

  it('names the largest |δ̄| among the neurons the level lets you move', () => {
    const store = storeFor('asleepAtEdges');
    store.allowedLayers = [1];
    const b = store.biggestDelta()!;
    expect(b.l).toBe(1);
    for (let j = 0; j < 4; j++)
      expect(Math.abs(b.d)).toBeGreaterThanOrEqual(Math.abs(store.deltaBar(1, j)));
  });
});

describe('arrow keys after a move', () => {
  it('walk the inspector over any neuron while the move stays put', () => {
    const store = storeFor('hunt');
    store.select(3, 0);
    store.setDz(-0.3);
    store.showResult(new SoloJudge(store).judgeNeuron()!);
    store.moveSelection(-1, 0);
    expect(store.focus).toEqual({ l: 2, j: 0 });
    store.moveSelection(0, -1);
    expect(store.focus).toEqual({ l: 2, j: 5 });
    expect(store.selected).toEqual({ l: 3, j: 0 });
    expect(store.dz).toBe(-0.3);
  });
});
