import type Phaser from 'phaser';
import type { PlayStore } from '../../state/playStore.ts';
import { COLORS } from '../../state/theme.ts';

/** Steps of |w|/max|w| the drawing distinguishes: finer changes would not show. */
const LEVELS = 32;
/** Networks with more weights than this get solid lines (dashes cost too many strokes). */
const DASH_LIMIT = 300;

type G = Phaser.GameObjects.Graphics;

/** A line of dashes from (x1, y1) to (x2, y2): negative signs are dashed, never colour alone. */
export function dashedLine(
  g: G,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  dash = 7,
  gap = 5,
): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  for (let s = 0; s < len; s += dash + gap) {
    const e = Math.min(len, s + dash);
    g.lineBetween(x1 + ux * s, y1 + uy * s, x1 + ux * e, y1 + uy * e);
  }
}

/**
 * The weights, drawn by a Phaser Graphics into a canvas of their own that
 * lies under the game's canvas. They are drawn again only when what the eye
 * can see changes (a weight's sign or thickness step, or the layout), and the
 * browser composites the layer without redrawing it: a network training by
 * SGD costs a thousand strokes only on the frames where its picture moves.
 */
export class EdgeLayer {
  private readonly g: G;
  private canvas: HTMLCanvasElement | null = null;
  private serial = 0;
  private layoutDrawn = -1;
  private wRef = 1;
  private readonly q: Int8Array[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly store: PlayStore,
  ) {
    this.g = scene.make.graphics({}, false);
  }

  /** Draw again on the next update whatever moved: the colours changed (a new theme). */
  invalidate(): void {
    this.layoutDrawn = -1;
  }

  update(): void {
    const s = this.store;
    const { width, height } = s.layout;
    if (!this.stale() && this.canvas) return;
    const canvas = this.ensureCanvas(Math.ceil(width), Math.ceil(height));
    this.draw();
    canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height);
    this.g.generateTexture(canvas, canvas.width, canvas.height);
  }

  /**
   * Whether the picture must change: the layout did, or some weight moved a
   * whole thickness step (1/32 of the largest |w|) away from how it is drawn.
   * Each edge is drawn within one step of its weight, an error of a tenth of
   * a pixel, so SGD's tiny moves do not cost a full redraw every frame.
   */
  private stale(): boolean {
    const s = this.store;
    const net = s.network;
    let changed = false;
    const layoutId = this.serialOf(s.layout);
    if (layoutId !== this.layoutDrawn) {
      this.layoutDrawn = layoutId;
      changed = true;
    }
    let wMax = 1e-9;
    for (let l = 1; l < net.sizes.length; l++)
      for (const w of net.w[l]!) wMax = Math.max(wMax, Math.abs(w));
    // The scale follows the largest weight only when it moved by a tenth: else every edge would shift.
    if (changed || Math.abs(wMax - this.wRef) > 0.1 * this.wRef) {
      this.wRef = wMax;
      changed = true;
    }
    for (let l = 1; l < net.sizes.length; l++) {
      const w = net.w[l]!;
      if (!this.q[l] || this.q[l]!.length !== w.length) {
        this.q[l] = new Int8Array(w.length);
        changed = true;
      }
      const q = this.q[l]!;
      for (let i = 0; i < w.length; i++) {
        const v = (w[i]! / this.wRef) * LEVELS;
        const drawn = q[i]!;
        if (changed || Math.abs(v - drawn) >= 1 || Math.sign(v) !== Math.sign(drawn)) {
          // Never 0 for a non-zero weight, so the drawn sign is always the weight's.
          const step =
            v === 0 ? 0 : Math.sign(v) * Math.max(1, Math.min(LEVELS, Math.round(Math.abs(v))));
          if (step !== drawn) changed = true;
          q[i] = step;
        }
      }
    }
    return changed;
  }

  private layouts = new WeakMap<object, number>();
  /** A number for each layout object, so a new layout always redraws. */
  private serialOf(layout: object): number {
    let n = this.layouts.get(layout);
    if (n === undefined) {
      n = ++this.serial;
      this.layouts.set(layout, n);
    }
    return n;
  }

  private ensureCanvas(width: number, height: number): HTMLCanvasElement {
    let c = this.canvas;
    if (!c) {
      c = document.createElement('canvas');
      c.className = 'edge-layer';
      // Under the game's canvas, inside the same host.
      const game = this.scene.game.canvas;
      game.parentElement!.insertBefore(c, game);
      this.canvas = c;
    }
    if (c.width !== width || c.height !== height) {
      c.width = Math.max(1, width);
      c.height = Math.max(1, height);
    }
    return c;
  }

  private draw(): void {
    const s = this.store;
    const { network: net, layout } = s;
    const g = this.g;
    g.clear();
    const big = net.w.reduce((n, w) => n + w.length, 0) > DASH_LIMIT;
    for (let l = 1; l < net.sizes.length; l++) {
      const nIn = net.sizes[l - 1]!;
      const from = layout.pos[l - 1]!;
      const to = layout.pos[l]!;
      const q = this.q[l]!;
      for (let j = 0; j < net.sizes[l]!; j++) {
        for (let k = 0; k < nIn; k++) {
          const step = q[j * nIn + k]!;
          const u = Math.abs(step) / LEVELS;
          // On big networks the faintest weights are left out and lines stay thinner.
          if (big && u < 0.04) continue;
          const width = big ? 0.5 + 3 * u : 0.75 + 5 * u;
          g.lineStyle(
            width,
            step >= 0 ? COLORS.positive : COLORS.negative,
            COLORS.edgeFloor + (0.85 - COLORS.edgeFloor) * u,
          );
          const a = from[k]!;
          const b = to[j]!;
          if (step >= 0 || big) g.lineBetween(a.x, a.y, b.x, b.y);
          else dashedLine(g, a.x, a.y, b.x, b.y);
        }
      }
    }
  }
}
