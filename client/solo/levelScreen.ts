import { type LevelDef, LevelKind } from '#shared/game/levels';
import { createPlayView } from '../game/playView.ts';
import { onLangChange, t } from '../i18n/index.ts';
import { PickMode } from '../state/playStore.ts';
import { el } from '../ui/format.ts';
import { examplePuzzle } from './example.ts';
import { handPanel } from './handPanel.ts';
import { introModal } from './introModal.ts';
import { SoloJudge } from './judge.ts';
import { levelDone } from './levelDone.ts';
import { LevelHead } from './levelHead.ts';
import { LevelRun, RunPhase } from './levelRun.ts';
import { loadProgress, recordStars } from './progress.ts';

/**
 * One campaign level: the run's state (`LevelRun`) and the views that render
 * it — head line, play view, hand-δ panel, level-done card. Events change the
 * run, then `render()` draws it; nothing here compares level ids.
 */
export async function levelScreen(
  level: LevelDef,
  host: HTMLElement,
  storage: Storage | undefined,
) {
  const run = new LevelRun(level);
  const { flags } = run;
  const view = createPlayView(() => submit());
  const { store, movePanel, result, side, walk, passPanel } = view;
  const judge = new SoloJudge(store);
  const head = new LevelHead();
  const done = el('section', { class: 'level-done', hidden: '' });
  const hand =
    flags.kind === LevelKind.HandDelta
      ? handPanel(store, () => {
          movePanel.enabled = true;
          movePanel.render();
        })
      : null;
  if (hand) side.prepend(hand.root);
  result.root.after(done);
  const closeIntro = () => {
    intro.hidden = true;
    (document.activeElement as HTMLElement | null)?.blur();
  };
  /** True while the intro's worked example is on the stage instead of the puzzle. */
  let example = false;
  const intro = introModal(level, run.index, closeIntro, () => {
    closeIntro();
    const ex = examplePuzzle(level);
    // Loading closes any walk: only then does the example's own walk begin.
    store.load(ex.network, ex.batch, ex.eps, 'delta');
    example = true;
    // The example is for watching: nothing on it can be moved.
    store.locked = true;
    passPanel.note.hidden = false;
    walk.start(true);
    toPuzzle.hidden = false;
    toPuzzle.focus();
  });
  const toPuzzle = el('button', { type: 'button', class: 'primary to-puzzle', hidden: '' });
  toPuzzle.addEventListener('click', () => walk.close());
  passPanel.note.after(toPuzzle);
  // Closing the example's walk (here or by its ×) starts the level's own puzzle.
  walk.subscribe(() => {
    if (example && !walk.open) {
      example = false;
      passPanel.note.hidden = true;
      toPuzzle.hidden = true;
      start();
    }
  });
  host.append(el('main', { class: 'play' }, head.root, view.root), intro);

  const render = () => {
    head.render(run, store);
    passPanel.note.textContent = t('walk.example');
    toPuzzle.textContent = t('walk.toPuzzle');
    result.actions.replaceChildren();
    if (run.phase === RunPhase.Result) {
      const next = el(
        'button',
        { type: 'button', class: 'primary next-move' },
        t('campaign.nextMove'),
      );
      next.addEventListener('click', nextMove);
      result.actions.append(next);
    }
    done.hidden = run.phase !== RunPhase.Done;
    if (run.phase === RunPhase.Done) done.replaceChildren(...levelDone(run, start));
  };
  store.subscribe(() => head.render(run, store));
  onLangChange(render);

  function start(): void {
    const puzzle = run.start();
    store.allowedLayers = flags.layers;
    store.load(puzzle.network, puzzle.batch, puzzle.eps, puzzle.show);
    if (flags.kind === LevelKind.Weight) store.setMode(PickMode.Weight);
    movePanel.enabled = !hand;
    hand?.reset();
    movePanel.render();
    render();
  }

  function submit(): void {
    // Δz = 0 would only waste the level: the button stays off until Δz is set.
    if (store.locked || !movePanel.enabled || store.dz === 0) return;
    const r = flags.kind === LevelKind.Weight ? judge.judgeWeight() : judge.judgeNeuron();
    if (!r) return;
    run.record(r);
    store.showResult(r);
    if (run.phase === RunPhase.Done) {
      recordStars(storage, loadProgress(storage), level.id, run.stars);
    }
    render();
    result.root.querySelector<HTMLButtonElement>('button.next-move')?.focus();
  }

  function nextMove(): void {
    run.nextMove();
    store.nextMove();
    render();
  }

  start();
  await view.game;
  return store;
}
