const KEY = 'bd.reduceMotion';
const listeners = new Set<() => void>();

function mediaPrefers(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function saved(): boolean | null {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === null || v === undefined ? null : v === '1';
  } catch {
    return null;
  }
}

let reduce = saved() ?? mediaPrefers();

/** Whether animations should be skipped: the in-game toggle, else the system's prefers-reduced-motion. */
export function reducedMotion(): boolean {
  return reduce;
}

export function setReducedMotion(on: boolean): void {
  reduce = on;
  try {
    globalThis.localStorage?.setItem(KEY, on ? '1' : '0');
  } catch {
    // the setting then lasts for this page only
  }
  for (const f of listeners) f();
}

export function onMotionChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
