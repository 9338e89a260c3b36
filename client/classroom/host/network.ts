import type { ClassMoves, Reveal, RoundStart } from '#shared/protocol/views';
import { t } from '../../i18n/index.ts';
import { reducedMotion } from '../../state/motion.ts';
import { walkOver } from '../../state/passWalk.ts';
import { PlayStore } from '../../state/playStore.ts';
import { DemonSprite } from '../../ui/demon.ts';
import { el } from '../../ui/format.ts';
import { PassPanel } from '../../ui/passPanel.ts';
import { Stage } from '../../ui/stage.ts';
import { syncMotionClass } from '../../ui/tween.ts';
import { revealView } from '../moveView.ts';

/** Milliseconds the network takes to morph into its trained self between rounds. */
const MORPH_MS = 1200;

/**
 * The projector's network: the solo game's stage, read only. Before the
 * reveal it shows the puzzle as the players see it and nothing of their
 * answers; at the reveal, the best and the gradient demon's moves and a badge
 * on each neuron with how many players picked it.
 */
export class HostNetwork {
  readonly store = new PlayStore();
  readonly stage: Stage;
  /** At the reveal, the class can watch backprop on the round's network. */
  readonly walk = walkOver(this.store);
  readonly passPanel = new PassPanel(this.walk, () => this.store.network);
  private readonly badges: HTMLDivElement;
  private counts: ClassMoves['counts'] | null = null;
  private round = 0;
  private started = false;

  constructor() {
    this.stage = new Stage(this.store);
    this.badges = el('div', { class: 'pick-badges', 'aria-hidden': 'true' });
    this.stage.root.append(this.badges);
    this.stage.root.classList.add('host-stage');
    this.store.subscribe(() => this.placeBadges());
    new DemonSprite(this.store, this.stage.root);
    syncMotionClass();
  }

  get root(): HTMLElement {
    return this.stage.root;
  }

  async mount(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const { startPlayView } = await import('../../game/startPlayView.ts');
    startPlayView(this.stage.canvasHost, this.store);
  }

  /** Fetches the Phaser chunk while the lobby fills, so round 1 does not wait for it. */
  static preload(): void {
    void import('../../game/startPlayView.ts');
  }

  /** A new round's puzzle; after training, the old weights glide into the new ones. */
  load(r: RoundStart, reveal: Reveal | null): void {
    if (r.round !== this.round || !this.store.network) {
      const before = this.store.network
        ? this.store.network.w.map((w) => Float64Array.from(w))
        : null;
      const sameShape = before && this.store.network.sizes.join() === r.puzzle.network.sizes.join();
      this.round = r.round;
      this.counts = null;
      this.store.setPuzzle(r.puzzle);
      this.store.locked = true;
      if (before && sameShape) this.morph(before);
    }
    if (reveal && reveal.round === r.round) this.reveal(reveal);
    else this.store.refresh();
  }

  reveal(reveal: Reveal): void {
    // Shown already: a later update (a player leaving) must not replay the animation.
    if (this.counts === reveal.classMoves.counts && this.store.result) return;
    this.counts = reveal.classMoves.counts;
    this.store.showResult(revealView(reveal));
  }

  /** The SGD steps made visible: each weight slides from its old value to the trained one. */
  private morph(before: Float64Array[]): void {
    const net = this.store.network;
    const after = net.w.map((w) => Float64Array.from(w));
    const start = performance.now();
    const step = () => {
      const u = Math.min(1, (performance.now() - start) / MORPH_MS);
      const e = u * u * (3 - 2 * u);
      for (let l = 1; l < after.length; l++) {
        const w = net.w[l]!;
        const a = after[l]!;
        const b = before[l]!;
        for (let i = 0; i < w.length; i++) w[i] = b[i]! + (a[i]! - b[i]!) * e;
      }
      this.store.refresh();
      if (u < 1) requestAnimationFrame(step);
    };
    if (reducedMotion()) return;
    step();
  }

  private placeBadges(): void {
    const counts = this.counts;
    if (!counts || !this.store.result) {
      if (this.badges.childElementCount) this.badges.replaceChildren();
      return;
    }
    const { layout } = this.store;
    const nodes: HTMLElement[] = [];
    counts.forEach((col, i) => {
      col.forEach((n, j) => {
        const p = layout.pos[i + 1]?.[j];
        const r = layout.r[i + 1] ?? 10;
        if (!p || n === 0) return;
        nodes.push(
          el(
            'span',
            {
              class: 'pick-badge',
              // counts[i] is engine layer i + 1, the book's layer i + 2.
              title: t('cls.reveal.pickCount', { l: i + 2, j: j + 1, n }),
              // Left of the neuron, past its rings: the moves' arrows stand above and below it.
              style: `left:${p.x - r - 26}px;top:${p.y}px`,
            },
            `×${n}`,
          ),
        );
      });
    });
    this.badges.replaceChildren(...nodes);
  }
}
