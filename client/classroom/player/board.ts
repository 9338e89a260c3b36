import type { Prediction } from '#shared/game/prediction';
import type { MoveResult, Reveal } from '#shared/protocol/views';
import { buzz } from '../../audio/cue.ts';
import { createPlayView, type PlayView } from '../../game/playView.ts';
import type { PlayStore } from '../../state/playStore.ts';
import { el } from '../../ui/format.ts';
import type { MovePanel } from '../../ui/movePanel.ts';
import { PredictPanel } from '../../ui/predictPanel.ts';
import { moveView, revealView } from '../moveView.ts';
import { ownReveal, type SessionState } from '../session.ts';
import { DeltaChips } from './deltaChips.ts';

/** The player's move as the board hands it on: the round it is for, the neuron, Δz and any prediction. */
export type SubmitMove = (
  round: number,
  l: number,
  j: number,
  dz: number,
  prediction: Prediction | null,
) => void;

/**
 * The player's play view in a class game: the solo game's play view (stage,
 * Δz panel, result, inspector), fed by the server. Loaded after the lobby shows (it brings
 * Phaser and KaTeX), so a phone on slow wifi sees the lobby first.
 */
export class PlayerBoard {
  readonly root: HTMLElement;
  readonly store: PlayStore;
  readonly movePanel: MovePanel;
  readonly extra: HTMLElement;
  private readonly view: PlayView;
  private round = 0;
  /** The move and reveal the result panel shows now (undefined: nothing drawn for this puzzle). */
  private shown: { move: MoveResult | null; reveal: Reveal | null } | undefined;
  /** Predict rounds: the sign and decade of ΔC, committed before the nudge. */
  private readonly predict = new PredictPanel(() => this.setWaiting(this.waiting));
  private predicting = false;
  private waiting = false;

  constructor(private readonly onSubmit: SubmitMove) {
    this.view = createPlayView(() => this.submit());
    this.store = this.view.store;
    this.movePanel = this.view.movePanel;
    this.extra = el('div', { class: 'player-extra' });
    this.view.side.insertBefore(this.extra, this.view.result.root);
    this.view.side.prepend(new DeltaChips(this.store).root);
    this.view.side.prepend(this.predict.root);
    this.predict.root.hidden = true;
    this.root = this.view.root;
    this.root.classList.add('player-board');
    // Once the move is made the slider has nothing left to do: the phone shows the feedback instead.
    this.store.subscribe(() => {
      this.movePanel.root.hidden = this.store.locked;
      this.predict.root.hidden = !this.predicting || this.store.locked;
    });
  }

  /** Resolves once Phaser draws the network. */
  async mount(): Promise<void> {
    await this.view.game;
  }

  /**
   * Draws the round of the session state: its puzzle, the player's own move,
   * and the best move and the gradient demon's once the round is revealed
   * (never before: nobody can pass the answer on while others still think).
   * A result is redrawn only when the move or the reveal changed.
   */
  render(s: SessionState, waiting: boolean): void {
    const round = s.round;
    if (!round) return;
    if (round.round !== this.round || !this.store.network) {
      this.round = round.round;
      this.store.setPuzzle(round.puzzle);
      this.shown = undefined;
      this.predicting = round.predict === true;
      this.predict.reset();
    }
    this.predict.root.hidden = !this.predicting || !!s.myMove || this.store.locked;
    const reveal = ownReveal(s);
    if (!this.shown || this.shown.move !== s.myMove || this.shown.reveal !== reveal) {
      this.shown = { move: s.myMove, reveal };
      this.store.answerHidden = !reveal;
      if (s.myMove) this.store.showResult(moveView(s.myMove, reveal));
      else if (reveal) this.store.showResult(revealView(reveal));
    }
    this.setWaiting(waiting);
  }

  /** Holds moves back while a submit is on its way or the round is paused. */
  setWaiting(waiting: boolean): void {
    this.waiting = waiting;
    // A predict round's nudge waits for the prediction.
    this.movePanel.enabled = !waiting && (!this.predicting || this.predict.prediction !== null);
    this.movePanel.render();
  }

  private submit(): void {
    const s = this.store;
    if (s.locked || !s.selected || !this.movePanel.enabled) return;
    this.setWaiting(true);
    // A short buzz says "sent" on a phone that can vibrate, before the server's answer comes back.
    buzz();
    this.onSubmit(this.round, s.selected.l, s.selected.j, s.dz, this.predict.prediction);
  }
}
