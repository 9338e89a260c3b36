import { PlayStore } from '../../state/playStore.ts';
import { el } from '../../ui/format.ts';
import { Inspector } from '../../ui/inspector.ts';
import { bindKeys, MovePanel } from '../../ui/movePanel.ts';
import { ResultPanel } from '../../ui/resultPanel.ts';
import type { LevelView } from '../levelScreen.ts';
import { type DigitOnShow, DigitStage } from './digitStage.ts';

/**
 * The play view of the MNIST level: the digit stage where the other levels
 * have Phaser's network, and the same Δz panel, move result and inspector
 * beside it, all reading one store — so the feedback is the same as anywhere.
 */
export function digitPlayView(digit: DigitOnShow, onSubmit: () => void): LevelView {
  const store = new PlayStore();
  const stage = new DigitStage(store, digit);
  const inspector = new Inspector(store);
  const result = new ResultPanel(store);
  const movePanel = new MovePanel(store, onSubmit);
  const side = el('aside', { class: 'side' }, movePanel.root, result.root, inspector.root);
  const root = el('div', { class: 'play-body digit-body' }, stage.root, side);
  bindKeys(store, onSubmit);
  return { store, movePanel, result, side, root, game: Promise.resolve() };
}
