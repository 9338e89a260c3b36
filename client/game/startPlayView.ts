import Phaser from 'phaser';
import type { PlayStore } from '../state/playStore.ts';
import { NetworkScene, type NetworkSceneOptions } from './scenes/NetworkScene.ts';

/** Starts Phaser inside `parent`, sized to it, drawing the store's network. */
export function startPlayView(
  parent: HTMLElement,
  store: PlayStore,
  options: NetworkSceneOptions = {},
): Phaser.Game {
  const scene = new NetworkScene(store, options);
  // A sleeping loop does not see its parent resize: the observer wakes it to lay out again.
  if (options.sleepWhenIdle) new ResizeObserver(() => scene.wake()).observe(parent);
  return new Phaser.Game({
    type:
      new URLSearchParams(location.search).get('renderer') === 'webgl'
        ? Phaser.AUTO
        : Phaser.CANVAS,
    parent,
    transparent: true,
    banner: false,
    scale: {
      mode: Phaser.Scale.ScaleModes.RESIZE,
      width: Math.max(parent.clientWidth, 100),
      height: Math.max(parent.clientHeight, 100),
    },
    scene: [scene],
  });
}
