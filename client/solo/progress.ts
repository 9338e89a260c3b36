import { LEVEL_IDS, type LevelId } from '#shared/game/levels';

/** The little of Storage that progress needs, so tests can pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'bd.progress.v1';

/** Best stars per level, kept in the browser. */
export type Progress = Partial<Record<LevelId, number>>;

export function loadProgress(storage: KeyValueStore | undefined): Progress {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Progress = {};
    for (const id of LEVEL_IDS) {
      const v = (parsed as Record<string, unknown>)[id];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3) out[id] = v;
    }
    return out;
  } catch {
    // corrupt or blocked storage: start afresh rather than break the game
    return {};
  }
}

/** Records stars for a level, keeping the best ever; returns the new progress. */
export function recordStars(
  storage: KeyValueStore | undefined,
  progress: Progress,
  id: LevelId,
  stars: number,
): Progress {
  const next = { ...progress, [id]: Math.max(progress[id] ?? 0, stars) };
  try {
    storage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // progress then lasts for this visit only
  }
  return next;
}

/** Levels open in order: the first always, each next one once the one before has a star. */
export function isUnlocked(progress: Progress, id: LevelId): boolean {
  const i = LEVEL_IDS.indexOf(id);
  if (i <= 0) return true;
  return (progress[LEVEL_IDS[i - 1]!] ?? 0) >= 1;
}
