import { type LevelDef, LevelKind } from '#shared/game/levels';
import type { Puzzle } from '#shared/game/puzzle';
import { cue } from '../audio/cue.ts';
import { createPlayView, type PlayView } from '../game/playView.ts';
import { onLangChange, t } from '../i18n/index.ts';
import { PickMode } from '../state/playStore.ts';
import { el } from '../ui/format.ts';
import { PredictPanel, predictionWords } from '../ui/predictPanel.ts';
import { exampleWalk } from './exampleWalk.ts';
import { handPanel } from './handPanel.ts';
import { introModal } from './introModal.ts';
import { SoloJudge } from './judge.ts';
import { levelDone } from './levelDone.ts';
import { LevelHead } from './levelHead.ts';
import { LevelRun, RunPhase } from './levelRun.ts';
import { loadProgress, recordStars } from './progress.ts';

/** What the level screen needs of a play view: the network stage may be another than Phaser's. */
export type LevelView = Pick<PlayView, 'store' | 'movePanel' | 'result' | 'side' | 'root'> &
  Partial<Pick<PlayView, 'walk' | 'passPanel'>> & {
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
  // Polite: a screen reader hears the stars and the recap once the move's result has been read.
  const done = el('section', { class: 'level-done', hidden: '', 'aria-live': 'polite' });
  const hand =
    flags.kind === LevelKind.HandDelta
      ? handPanel(store, () => {
          movePanel.enabled = true;
          movePanel.render();
        })
      : null;
  if (hand) side.prepend(hand.root);
  // Predict, then nudge: the nudge waits for a committed prediction.
  const predict = flags.predict
    ? new PredictPanel(() => {
        movePanel.enabled = true;
        movePanel.render();
      })
    : null;
  if (predict) side.prepend(predict.root);
  result.root.after(done);
  const closeIntro = () => {
    intro.hidden = true;
    (document.activeElement as HTMLElement | null)?.blur();
  };
  const example = exampleWalk(level, view, () => start());
  const watch = example.watch;
  const intro = introModal(
    level,
    run.index,
    closeIntro,
    watch &&
      (() => {
        closeIntro();
        watch();
      }),
  );
  host.append(el('main', { class: 'play' }, head.root, view.root), intro);

  const render = () => {
    head.render(run, store);
    example.relabel();
    result.actions.replaceChildren();
    const scored = run.predictions[run.results.length - 1];
    if (predict && scored && run.phase !== RunPhase.Moving) {
      const words = predictionWords(scored.prediction);
      result.actions.append(
        el(
          'p',
          { class: 'predict-result', 'data-score': String(scored.score) },
          t('predict.result', {
            ...words,
            actual: t(scored.deltaC < 0 ? 'predict.went.down' : 'predict.went.up'),
            score: scored.score,
          }),
        ),
      );
    }
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
    movePanel.enabled = !hand && !predict;
    hand?.reset();
    predict?.reset();
    movePanel.render();
    render();
  }

  function submit(): void {
    // Δz = 0 would only waste the level: the button stays off until Δz is set.
    if (store.locked || !movePanel.enabled || store.dz === 0) return;
    const r = flags.kind === LevelKind.Weight ? judge.judgeWeight() : judge.judgeNeuron();
    if (!r) return;
    run.record(r, predict?.prediction);
    store.showResult(r);
    if (run.phase === RunPhase.Done) {
      // After the move's own chord has sounded.
      setTimeout(() => cue('levelDone'), 350);
      recordStars(storage, loadProgress(storage), level.id, run.stars);
    }
    render();
    result.root.querySelector<HTMLButtonElement>('button.next-move')?.focus();
  }

  function nextMove(): void {
    run.nextMove();
    store.nextMove();
    if (predict) {
      predict.reset();
      movePanel.enabled = false;
      movePanel.render();
    }
    render();
  }

  start();
  await view.game;
  return store;
}
