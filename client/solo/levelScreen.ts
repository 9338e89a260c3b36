import { type LevelDef, LevelKind } from '#shared/game/levels';
import type { Puzzle } from '#shared/game/puzzle';
import { createPlayView, type PlayView } from '../game/playView.ts';
import { onLangChange, t } from '../i18n/index.ts';
import { PickMode } from '../state/playStore.ts';
import { el } from '../ui/format.ts';
import { handPanel } from './handPanel.ts';
import { introModal } from './introModal.ts';
import { SoloJudge } from './judge.ts';
import { levelDone } from './levelDone.ts';
import { LevelHead } from './levelHead.ts';
import { LevelRun, RunPhase } from './levelRun.ts';
import { loadProgress, recordStars } from './progress.ts';

/** What the level screen needs of a play view: the network stage may be another than Phaser's. */
export type LevelView = Pick<PlayView, 'store' | 'movePanel' | 'result' | 'side' | 'root'> & {
  /** Resolves once the stage draws. */
  game: Promise<unknown>;
};

/** A level whose puzzle and stage come from elsewhere (the MNIST level: loaded digits, a 28×28 image). */
export interface LevelScreenParts {
  puzzle?: () => Puzzle;
  view?: (onSubmit: () => void) => LevelView;
}

/**
 * One campaign level: the run's state (`LevelRun`) and the views that render
 * it — head line, play view, hand-δ panel, level-done card. Events change the
 * run, then `render()` draws it; nothing here compares level ids.
 */
export async function levelScreen(
  level: LevelDef,
  host: HTMLElement,
  storage: Storage | undefined,
  parts: LevelScreenParts = {},
) {
  const run = new LevelRun(level, parts.puzzle);
  const { flags } = run;
  const view = (parts.view ?? createPlayView)(() => submit());
  const { store, movePanel, result, side } = view;
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
  const intro = introModal(level, run.index, () => {
    intro.hidden = true;
    (document.activeElement as HTMLElement | null)?.blur();
  });
  host.append(el('main', { class: 'play' }, head.root, view.root), intro);

  const render = () => {
    head.render(run, store);
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
