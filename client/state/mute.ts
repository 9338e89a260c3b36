const KEY = 'bd.muted';
const listeners = new Set<() => void>();

function saved(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let mutedNow = saved();

/**
 * Whether the game's sounds are off, remembered per device. Kept apart from
 * the synthesiser so that the first page can show the switch without loading
 * any sound code.
 */
export function muted(): boolean {
  return mutedNow;
}

export function setMuted(on: boolean): void {
  mutedNow = on;
  try {
    globalThis.localStorage?.setItem(KEY, on ? '1' : '0');
  } catch {
    // the setting then lasts for this page only
  }
  for (const f of listeners) f();
}

export function onMuteChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
