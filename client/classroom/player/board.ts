import type { MoveResult, Reveal, RoundStart } from '#shared/protocol/views';
import { PlayStore } from '../../state/playStore.ts';
import { el } from '../../ui/format.ts';
import { bindKeys, MovePanel } from '../../ui/movePanel.ts';
import { ResultPanel } from '../../ui/resultPanel.ts';
import { Stage } from '../../ui/stage.ts';
import { moveView, revealView } from '../moveView.ts';

/**
 * The player's play view in a class game: the solo game's stage, Δz panel and
 * result panel, fed by the server. Loaded after the lobby shows (it brings
 * Phaser and KaTeX), so a phone on slow wifi sees the lobby first.
 */
export class PlayerBoard {
  readonly root: HTMLElement;
  readonly store = new PlayStore();
  readonly movePanel: MovePanel;
  private readonly result: ResultPanel;
  private readonly stage: Stage;
  readonly extra: HTMLElement;
  private round = 0;
  private myMove: MoveResult | null = null;
  private started = false;

  constructor(
    private readonly onSubmit: (round: number, l: number, j: number, dz: number) => void,
  ) {
    this.stage = new Stage(this.store);
    this.movePanel = new MovePanel(this.store, () => this.submit());
    this.result = new ResultPanel(this.store);
    this.extra = el('div', { class: 'player-extra' });
    this.root = el(
      'div',
      { class: 'play-body player-board' },
      this.stage.root,
      el('aside', { class: 'side' }, this.movePanel.root, this.extra, this.result.root),
    );
    bindKeys(this.store, () => this.submit());
    // Once the move is made the slider has nothing left to do: the phone shows the feedback instead.
    this.store.subscribe(() => {
      this.movePanel.root.hidden = this.store.locked;
    });
  }

  /** Starts Phaser once the board is in the page (it sizes itself to its parent). */
  async mount(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const { startPlayView } = await import('../../game/startPlayView.ts');
    startPlayView(this.stage.canvasHost, this.store);
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
    if (mine) this.store.showResult(moveView(mine, own));
    else if (own) this.store.showResult(revealView(own));
  }

  /** The server scored the move. */
  showMine(r: MoveResult): void {
    this.myMove = r;
    this.setWaiting(false);
    this.store.showResult(moveView(r, null));
  }

  /** The round closed: the gradient demon's move joins the best one on the network. */
  reveal(reveal: Reveal): void {
    if (reveal.round !== this.round) return;
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
