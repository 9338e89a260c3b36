import type Phaser from 'phaser';
import { reducedMotion } from '../../state/motion.ts';
import type { MoveResultView, PlayStore } from '../../state/playStore.ts';
import { COLORS } from '../../state/theme.ts';

type G = Phaser.GameObjects.Graphics;

/** How long a move's glow lasts, and the burst of a best move. */
const GLOW_MS = 1400;
const BURST_MS = 1100;
const PARTICLES = 28;
/** A move this close to the best possible one (q ≥ 0.95) earns the burst. */
const BEST_Q = 0.95;

function easeOut(u: number): number {
  return 1 - (1 - Math.min(1, Math.max(0, u))) ** 3;
}

/**
 * What a judged move does to the picture for a moment: the edges in and out
 * of the nudged neuron (or the nudged weight) glow and fade — green when C
 * fell, vermillion when it rose — a ring spreads from it, and a move as good
 * as the best one bursts into particles. Nothing of it under reduced motion.
 */
export class MoveFx {
  private readonly g: G;
  private seen: MoveResultView | null = null;
  private start = 0;

  constructor(
    scene: Phaser.Scene,
    private readonly store: PlayStore,
  ) {
    this.g = scene.add.graphics();
  }

  /** Draws the judged move's glow and burst; true while they are still moving. */
  draw(now: number): boolean {
    const g = this.g;
    const r = this.store.result;
    if (r !== this.seen) {
      this.seen = r;
      this.start = now;
    }
    g.clear();
    if (!r || reducedMotion()) return false;
    const t = now - this.start;
    if (t > Math.max(GLOW_MS, BURST_MS)) return false;
    const { layout, network: net } = this.store;
    const { l, j } = r.move;
    const p = layout.pos[l]?.[j];
    if (!p) return false;
    const good = r.move.deltaC < 0;
    const colour = good ? COLORS.gradient : COLORS.negative;
    const fade = 1 - easeOut(t / GLOW_MS);
    if (fade > 0) {
      // The weights that carry this neuron's change: into it from layer l−1, out of it to l+1.
      g.lineStyle(4, colour, 0.7 * fade);
      const k = r.move.k;
      if (k !== undefined) {
        const q = layout.pos[l - 1]![k]!;
        g.lineBetween(q.x, q.y, p.x, p.y);
      } else {
        for (const q of layout.pos[l - 1] ?? []) g.lineBetween(q.x, q.y, p.x, p.y);
        if (l + 1 < net.sizes.length)
          for (const q of layout.pos[l + 1]!) g.lineBetween(p.x, p.y, q.x, q.y);
      }
      g.lineStyle(3, colour, fade);
      g.strokeCircle(p.x, p.y, layout.r[l]! + 8 + 40 * easeOut(t / GLOW_MS));
    }
    if (r.quality >= BEST_Q && t < BURST_MS) {
      const u = easeOut(t / BURST_MS);
      const reach = layout.r[l]! + 70;
      for (let i = 0; i < PARTICLES; i++) {
        const angle = (2 * Math.PI * i) / PARTICLES + (i % 2) * 0.11;
        const d = reach * u * (0.6 + 0.4 * ((i * 7) % 5) * 0.25);
        g.fillStyle(i % 3 === 0 ? COLORS.best : i % 3 === 1 ? COLORS.gradient : 0xf0b400, 1 - u);
        g.fillCircle(p.x + Math.cos(angle) * d, p.y + Math.sin(angle) * d, 5 * (1 - u) + 1.5);
      }
    }
    return true;
  }
}
