import Phaser from 'phaser';
import type { PlayStore } from '../../state/playStore.ts';
import { NetworkView } from '../objects/NetworkView.ts';

/** Draws the store's network; all input goes through the DOM overlay above it. */
export class NetworkScene extends Phaser.Scene {
  private view: NetworkView | null = null;

  constructor(private readonly store: PlayStore) {
    super('NetworkScene');
  }

  create(): void {
    this.view = new NetworkView(this, this.store);
    this.scale.on('resize', (size: Phaser.Structs.Size) => {
      this.cameras.main.setSize(size.width, size.height);
    });
  }

  override update(): void {
    this.view?.update(performance.now());
  }
}
