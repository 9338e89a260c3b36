import Phaser from 'phaser';
import type { PlayStore } from '../state/playStore.ts';
import { NetworkScene, RESIZE_FRAMES } from './scenes/NetworkScene.ts';

/** Starts Phaser inside `parent`, sized to it, drawing the store's network. */
export function startPlayView(parent: HTMLElement, store: PlayStore): Phaser.Game {
  const scene = new NetworkScene(store);
  // A sleeping loop does not see its parent resize: the observer wakes it to lay out again.
  new ResizeObserver(() => scene.wake(RESIZE_FRAMES)).observe(parent);
  return new Phaser.Game({
    type:
      new URLSearchParams(location.search).get('renderer') === 'webgl'
        ? Phaser.AUTO
        : Phaser.CANVAS,
    parent,
    transparent: true,
    banner: false,
    // Input goes through the DOM overlay and sound through our own synthesiser: Phaser
    // listening to every touch on the window would only cost a slow phone its frames.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false, windowEvents: false },
    audio: { noAudio: true },
    scale: {
      mode: Phaser.Scale.ScaleModes.RESIZE,
      width: Math.max(parent.clientWidth, 100),
      height: Math.max(parent.clientHeight, 100),
    },
    scene: [scene],
  });
}
