import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '#shared/game/levels';
import {
  isUnlocked,
  type KeyValueStore,
  loadProgress,
  recordStars,
} from '../../client/solo/progress.ts';

function memory(
  initial: Record<string, string> = {},
): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('campaign progress', () => {
  it('opens levels in order: the first, then each one after a level with a star', () => {
    const s = memory();
    let p = loadProgress(s);
    expect(LEVEL_IDS.filter((id) => isUnlocked(p, id))).toEqual(['outputDemon']);
    p = recordStars(s, p, 'outputDemon', 0);
    expect(isUnlocked(p, 'predictSign')).toBe(false);
    p = recordStars(s, p, 'outputDemon', 2);
    expect(isUnlocked(p, 'predictSign')).toBe(true);
    expect(isUnlocked(p, 'asleepAtEdges')).toBe(false);
  });

  it('keeps the best stars and survives a reload', () => {
    const s = memory();
    let p = recordStars(s, {}, 'outputDemon', 3);
    p = recordStars(s, p, 'outputDemon', 1);
    expect(p.outputDemon).toBe(3);
    expect(loadProgress(s)).toEqual({ outputDemon: 3 });
  });

  it('ignores corrupt or foreign data instead of breaking the game', () => {
    expect(loadProgress(memory({ 'bd.progress.v1': '{not json' }))).toEqual({});
    expect(
      loadProgress(memory({ 'bd.progress.v1': JSON.stringify({ outputDemon: 7, hunt: 2, x: 3 }) })),
    ).toEqual({ hunt: 2 });
    expect(loadProgress(undefined)).toEqual({});
  });
});
