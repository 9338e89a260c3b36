import type { Effect } from './effects.ts';

let synth: Promise<typeof import('./synth.ts')> | null = null;

/**
 * Plays a sound effect. The synthesiser is its own chunk, fetched with the
 * first effect, so the first page and the phone's lobby carry none of it.
 */
export function cue(effect: Effect): void {
  synth ??= import('./synth.ts');
  void synth.then((m) => m.play(effect));
}

/** A short buzz where the device offers one (phones; never on desktops or iOS Safari). */
export function buzz(ms = 30): void {
  try {
    navigator.vibrate?.(ms);
  } catch {
    // not allowed here: nothing to do
  }
}
