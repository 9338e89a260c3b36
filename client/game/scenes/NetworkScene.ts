import Phaser from 'phaser';
import type { PlayStore } from '../../state/playStore.ts';
import { NetworkView } from '../objects/NetworkView.ts';

/** Frames drawn after a resize before the loop may sleep: the canvas may take its new size a frame late. */
export const RESIZE_FRAMES = 2;

/**
 * Draws the store's network; all input goes through the DOM overlay above it.
 * The game loop stops while nothing changes and wakes on the store's next
 * change, a step of the walk or a resize: a puzzle looked at for a minute
 * costs no frames, and on a slow phone a tap's frame is not queued behind
 * redraws of a picture that did not move.
 */
export class NetworkScene extends Phaser.Scene {
  private view: NetworkView | null = null;
  /** Frames still to draw before the loop may sleep, though nothing moves. */
  private settle = 0;
  private wakeQueued = false;

  constructor(private readonly store: PlayStore) {
    super('NetworkScene');
  }

  create(): void {
    this.view = new NetworkView(this, this.store);
    this.scale.on('resize', (size: Phaser.Structs.Size) => {
      this.cameras.main.setSize(size.width, size.height);
      this.wake(RESIZE_FRAMES);
    });
    // A change the canvas does not show (a pick) leaves the loop asleep: only the DOM redraws.
    this.store.subscribe(() => {
      if (this.view?.stale()) this.wake();
    });
    // A paused walk's step or back button changes the picture without a store change.
    this.store.walk?.subscribe(() => this.wake());
  }

  /**
   * The next change is drawn in the next frame: the loop runs until nothing
   * moves (and `frames` more have been drawn). Phaser's own wake draws at
   * once, inside the event that changed the store; waking from a frame
   * callback instead draws once per frame however many changes came first.
   */
  wake(frames = 0): void {
    this.settle = Math.max(this.settle, frames);
    if (this.wakeQueued) return;
    this.wakeQueued = true;
    requestAnimationFrame(() => {
      this.wakeQueued = false;
      // Undefined until the scene boots: an early resize has nothing to wake yet.
      (this.game as Phaser.Game | undefined)?.loop.wake();
    });
  }

  override update(): void {
    const moving = this.view?.update(performance.now()) ?? false;
    if (moving || this.settle-- > 0) return;
    // This step still renders what update drew; the loop then waits for the next change.
    this.settle = 0;
    this.game.loop.sleep();
  }
}
