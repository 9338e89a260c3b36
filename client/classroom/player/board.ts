import type { MoveResult, Reveal, RoundStart } from '#shared/protocol/views';
import { createPlayView, type PlayView } from '../../game/playView.ts';
import type { PlayStore } from '../../state/playStore.ts';
import { el } from '../../ui/format.ts';
import type { MovePanel } from '../../ui/movePanel.ts';
import { moveView, revealView } from '../moveView.ts';

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
  private myMove: MoveResult | null = null;

  constructor(
    private readonly onSubmit: (round: number, l: number, j: number, dz: number) => void,
  ) {
    this.view = createPlayView(() => this.submit());
    this.store = this.view.store;
    this.movePanel = this.view.movePanel;
    this.extra = el('div', { class: 'player-extra' });
    this.view.side.insertBefore(this.extra, this.view.result.root);
    this.root = this.view.root;
    this.root.classList.add('player-board');
    // Once the move is made the slider has nothing left to do: the phone shows the feedback instead.
    this.store.subscribe(() => {
      this.movePanel.root.hidden = this.store.locked;
    });
  }

  /** Resolves once Phaser draws the network. */
  async mount(): Promise<void> {
    await this.view.game;
  }

  /** A new puzzle (or the same one again after a reconnect, with the move already made). */
  load(round: RoundStart, mine: MoveResult | null, reveal: Reveal | null): void {
    if (round.round !== this.round || !this.store.network) {
      this.round = round.round;
      this.store.setPuzzle(round.puzzle);
    }
    this.myMove = mine;
    this.setWaiting(false);
    // The reveal a welcome carries may be the previous round's: it belongs to the leaderboard, not this puzzle.
    const own = reveal && reveal.round === round.round ? reveal : null;
    this.store.answerHidden = !own;
    if (mine) this.store.showResult(moveView(mine, own));
    else if (own) this.store.showResult(revealView(own));
  }

  /** The server scored the move. */
  showMine(r: MoveResult): void {
    this.myMove = r;
    this.setWaiting(false);
    // The best move waits for the reveal, so that nobody can pass it on while others still think.
    this.store.answerHidden = true;
    this.store.showResult(moveView(r, null));
  }

  /** The round closed: the gradient demon's move joins the best one on the network. */
  reveal(reveal: Reveal): void {
    if (reveal.round !== this.round) return;
    this.store.answerHidden = false;
    this.store.showResult(this.myMove ? moveView(this.myMove, reveal) : revealView(reveal));
  }

  /** Holds moves back while a submit is on its way or the round is paused. */
  setWaiting(waiting: boolean): void {
    this.movePanel.enabled = !waiting;
    this.movePanel.render();
  }

  get moved(): boolean {
    return this.myMove !== null;
  }

  private submit(): void {
    const s = this.store;
    if (s.locked || !s.selected || !this.movePanel.enabled) return;
    this.setWaiting(true);
    this.onSubmit(this.round, s.selected.l, s.selected.j, s.dz);
  }
}
