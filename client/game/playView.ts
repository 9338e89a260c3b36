import type Phaser from 'phaser';
import { playSounds } from '../audio/playSounds.ts';
import { type PassWalk, walkOver } from '../state/passWalk.ts';
import { PlayStore } from '../state/playStore.ts';
import { DemonSprite } from '../ui/demon.ts';
import { el } from '../ui/format.ts';
import { Inspector } from '../ui/inspector.ts';
import { bindKeys, MovePanel } from '../ui/movePanel.ts';
import { PassPanel } from '../ui/passPanel.ts';
import { ResultPanel } from '../ui/resultPanel.ts';
import { Stage } from '../ui/stage.ts';
import { syncMotionClass } from '../ui/tween.ts';

/**
 * The play view, ready to mount: the network stage (Phaser, loaded on demand)
 * with its DOM overlay, the Δz panel, the move result and the inspector, all
 * reading one store. Feed it with `store.setPuzzle(json)`, answer the player's
 * submit with `store.showResult(view)`; solo and classroom use it alike.
 */
export interface PlayView {
  store: PlayStore;
  stage: Stage;
  movePanel: MovePanel;
  result: ResultPanel;
  inspector: Inspector;
  /** The backprop step-through over the network on show, and its panel (hidden until opened). */
  walk: PassWalk;
  passPanel: PassPanel;
  /** The demon on the stage: on the neuron being nudged, reacting to ΔC. */
  demon: DemonSprite;
  /** The side column: callers add their own sections (hand δ, level done, leaderboard). */
  side: HTMLElement;
  /** Stage and side, side by side (stacked on a phone). */
  root: HTMLElement;
  /** Resolves once Phaser runs. */
  game: Promise<Phaser.Game>;
  /** Stops listening to the keyboard. */
  unbindKeys: () => void;
}

export function createPlayView(onSubmit: () => void): PlayView {
  const store = new PlayStore();
  syncMotionClass();
  const stage = new Stage(store);
  const inspector = new Inspector(store);
  const result = new ResultPanel(store);
  const movePanel = new MovePanel(store, onSubmit);
  const walk = walkOver(store);
  const passPanel = new PassPanel(walk, () => store.network);
  const demon = new DemonSprite(store, stage.root);
  const side = el(
    'aside',
    { class: 'side' },
    passPanel.root,
    movePanel.root,
    result.root,
    inspector.root,
  );
  const root = el('div', { class: 'play-body' }, stage.root, side);
  const unbindKeys = bindKeys(store, onSubmit);
  playSounds(store);
  const game = import('./startPlayView.ts').then((m) => m.startPlayView(stage.canvasHost, store));
  return {
    store,
    stage,
    movePanel,
    result,
    inspector,
    walk,
    passPanel,
    demon,
    side,
    root,
    game,
    unbindKeys,
  };
}
