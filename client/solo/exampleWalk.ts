import type { LevelDef } from '#shared/game/levels';
import { t } from '../i18n/index.ts';
import type { PassWalk } from '../state/passWalk.ts';
import type { PlayStore } from '../state/playStore.ts';
import { el } from '../ui/format.ts';
import type { PassPanel } from '../ui/passPanel.ts';
import { examplePuzzle } from './example.ts';

/** What the intro's worked example needs of the play view: one with a step-through. */
export interface WalkableView {
  store: PlayStore;
  walk?: PassWalk;
  passPanel?: PassPanel;
}

/**
 * The level intro's "Watch backprop on an example": the level's kind of
 * network on the stage, locked, with the step-through playing; closing the
 * walk (its × or "To the puzzle") puts the level's own puzzle back through
 * `startPuzzle`. `watch` is undefined when the view has no step-through.
 */
export function exampleWalk(
  level: LevelDef,
  view: WalkableView,
  startPuzzle: () => void,
): { watch: (() => void) | undefined; relabel: () => void } {
  const { store, walk, passPanel } = view;
  if (!walk || !passPanel) return { watch: undefined, relabel: () => {} };
  /** True while the example is on the stage instead of the puzzle. */
  let example = false;
  const toPuzzle = el('button', { type: 'button', class: 'primary to-puzzle', hidden: '' });
  toPuzzle.addEventListener('click', () => walk.close());
  passPanel.note.after(toPuzzle);
  walk.subscribe(() => {
    if (example && !walk.open) {
      example = false;
      passPanel.note.hidden = true;
      toPuzzle.hidden = true;
      startPuzzle();
    }
  });
  const relabel = () => {
    passPanel.note.textContent = t('walk.example');
    toPuzzle.textContent = t('walk.toPuzzle');
  };
  relabel();
  const watch = () => {
    const ex = examplePuzzle(level);
    // Loading closes any walk: only then does the example's own walk begin.
    store.load(ex.network, ex.batch, ex.eps, 'delta');
    example = true;
    // The example is for watching: nothing on it can be moved.
    store.locked = true;
    passPanel.note.hidden = false;
    toPuzzle.hidden = false;
    walk.start(true);
    toPuzzle.focus();
  };
  return { watch, relabel };
}
