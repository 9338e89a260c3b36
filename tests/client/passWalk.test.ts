import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { levelById, levelPuzzle } from '#shared/game/levels';
import { puzzleToJSON } from '#shared/game/puzzle';
import { walkEn } from '../../client/i18n/walk.en.ts';
import { walkZhCN } from '../../client/i18n/walk.zhCN.ts';
import { examplePuzzle } from '../../client/solo/example.ts';
import { setReducedMotion } from '../../client/state/motion.ts';
import { STEP_MS, walkOver } from '../../client/state/passWalk.ts';
import { PlayStore } from '../../client/state/playStore.ts';
import { moodOf } from '../../client/ui/mood.ts';

function walkFor(id: string) {
  const store = new PlayStore();
  store.setPuzzle(puzzleToJSON(levelPuzzle(levelById(id)!).puzzle));
  return { store, walk: walkOver(store) };
}

describe('the step-through', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plays one step per STEP_MS at 1×, twice as fast at 2×, and stops on the last step', () => {
    const { walk } = walkFor('hunt');
    walk.start(true);
    expect(walk.index).toBe(0);
    vi.advanceTimersByTime(STEP_MS + 1);
    expect(walk.index).toBe(1);
    walk.setSpeed(2);
    vi.advanceTimersByTime(STEP_MS / 2 + 1);
    expect(walk.index).toBe(2);
    vi.advanceTimersByTime(STEP_MS * 20);
    expect(walk.index).toBe(walk.steps.length - 1);
    expect(walk.current?.kind).toBe('demon');
    expect(walk.playing).toBe(false);
    // Play from the end starts over.
    walk.play();
    expect(walk.index).toBe(0);
  });

  it('pauses, steps both ways within the list, and a new puzzle closes it', () => {
    const { store, walk } = walkFor('hunt');
    walk.start(true);
    walk.pause();
    vi.advanceTimersByTime(STEP_MS * 3);
    expect(walk.index).toBe(0);
    walk.step(-1);
    expect(walk.index).toBe(0);
    walk.step(1);
    walk.step(1);
    expect(walk.current?.kind).toBe('forward');
    expect(walk.index).toBe(2);
    store.setPuzzle(puzzleToJSON(levelPuzzle(levelById('outputDemon')!).puzzle));
    expect(walk.open).toBe(false);
    expect(walk.current).toBeNull();
  });

  it('one sample reads a trace of that row alone; the demon uses only the neurons the level lets you move', () => {
    const { store, walk } = walkFor('oneLayerBack');
    store.allowedLayers = [1];
    walk.start(false);
    const demon = walk.steps[walk.steps.length - 1]!;
    expect(demon.kind === 'demon' && demon.move.l).toBe(1);
    walk.setSample(2);
    const f = walk.steps[0]!;
    const x = store.batch.x;
    expect(f.kind === 'forward' && f.inputs).toEqual([x[4], x[5]]);
    walk.setSample(99); // not a row of the batch: ignored
    expect(walk.sample).toBe(2);
  });

  it('with reduced motion each step is at once where it ends', () => {
    const { walk } = walkFor('hunt');
    walk.start(false);
    setReducedMotion(true);
    expect(walk.phase(walk.stepStart)).toBe(1);
    setReducedMotion(false);
    expect(walk.phase(walk.stepStart)).toBe(0);
  });
});

describe('the demon and the intro example', () => {
  it('is pleased when C falls and winces when it rises', () => {
    expect(moodOf(-1e-9)).toBe('happy');
    expect(moodOf(0.02)).toBe('grimace');
    expect(moodOf(0)).toBe('neutral');
  });

  it('an intro example is a network of the level’s shape, not the puzzle itself', () => {
    const level = levelById('oneLayerBack')!;
    const ex = examplePuzzle(level);
    const { puzzle } = levelPuzzle(level);
    expect(ex.network.sizes).toEqual(puzzle.network.sizes);
    expect(Array.from(ex.network.w[1]!)).not.toEqual(Array.from(puzzle.network.w[1]!));
  });

  it('speaks both languages, with the same placeholders', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(walkZhCN).sort()).toEqual(Object.keys(walkEn).sort());
    for (const [k, v] of Object.entries(walkEn)) {
      const zh = walkZhCN[k as keyof typeof walkEn];
      expect(zh.trim(), k).not.toBe('');
      expect(ph(zh), k).toEqual(ph(v));
    }
  });
});
