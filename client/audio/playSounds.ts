import type { PlayStore } from '../state/playStore.ts';
import { cue } from './cue.ts';

/** Milliseconds between two nudge sounds while a slider or a drag sweeps Δz. */
const NUDGE_GAP_MS = 90;

/**
 * The play view's sounds, read off the store: a blip when a neuron or weight
 * is picked, a tick as Δz changes, and when a move is judged a rising chord
 * if the cost went down (ΔC < 0) or a falling one if it went up.
 */
export function playSounds(store: PlayStore): () => void {
  let picked = '';
  let dz = store.dz;
  // A move by its values: the reveal redraws the same move with the best one beside it, which is no new news.
  const moveKey = () => {
    const m = store.result?.move;
    return m ? `${m.l},${m.j},${m.k},${m.dz},${m.deltaC}` : '';
  };
  let result = moveKey();
  let lastNudge = 0;
  return store.subscribe(() => {
    const sel = store.selected;
    const w = store.selectedWeight;
    const now = sel ? `n${sel.l},${sel.j}` : w ? `w${w.l},${w.j},${w.k}` : '';
    if (now && now !== picked) cue('pick');
    picked = now;
    if (store.dz !== dz && now && !store.locked) {
      const t = performance.now();
      if (t - lastNudge > NUDGE_GAP_MS) {
        lastNudge = t;
        cue('nudge');
      }
    }
    dz = store.dz;
    const judged = moveKey();
    if (store.result && judged !== result)
      cue(store.result.move.deltaC < 0 ? 'costDown' : 'costUp');
    result = judged;
  });
}
