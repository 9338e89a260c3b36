import Phaser from 'phaser';
import type { PlayStore } from '../../state/playStore.ts';
import { NetworkView } from '../objects/NetworkView.ts';

/** Frames drawn after the last change before the loop sleeps: the change itself, then one to be sure. */
const IDLE_FRAMES = 2;

export interface NetworkSceneOptions {
  /**
   * Stop the game loop while nothing changes, and wake it on the store's next
   * change or a resize: a projector showing one puzzle for a minute then
   * costs no frames at all.
   */
  sleepWhenIdle?: boolean;
}

/** Draws the store's network; all input goes through the DOM overlay above it. */
export class NetworkScene extends Phaser.Scene {
  private view: NetworkView | null = null;
  private idle = 0;

  constructor(
    private readonly store: PlayStore,
    private readonly options: NetworkSceneOptions = {},
  ) {
    super('NetworkScene');
  }

  create(): void {
    this.view = new NetworkView(this, this.store);
    this.scale.on('resize', (size: Phaser.Structs.Size) => {
      this.cameras.main.setSize(size.width, size.height);
      this.wake();
    });
    if (this.options.sleepWhenIdle) this.store.subscribe(() => this.wake());
  }

  /** The next change (or resize) is drawn: the loop runs again until it is idle. */
  wake(): void {
    this.idle = 0;
    // Undefined until the scene boots: an early resize has nothing to wake yet.
    (this.game as Phaser.Game | undefined)?.loop.wake();
  }

  override update(): void {
    const busy = this.view?.update(performance.now()) ?? false;
    if (!this.options.sleepWhenIdle) return;
    this.idle = busy ? 0 : this.idle + 1;
    // The frame that drew the change still renders after this update: then the loop stops.
    if (this.idle >= IDLE_FRAMES) this.game.loop.sleep();
  }
}
