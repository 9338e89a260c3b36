import type Phaser from 'phaser';
import type { PassStep } from '#shared/engine/index';
import type { PlayStore } from '../../state/playStore.ts';
import { COLORS } from '../../state/theme.ts';

type G = Phaser.GameObjects.Graphics;

/** Most edges one step draws, and most dots that travel along them: enough to see the flow on the largest network. */
const EDGE_CAP = 600;
const DOT_CAP = 160;
/** Up to this many edges in a step, negative ones are dashed (sign is never colour alone). */
const DASH_CAP = 300;
/** Thickness steps of BP4's gradient lines: each step is one path. */
const BANDS = 6;

/** A colour from a CSS custom property (#rrggbb), so the page's palette reaches the canvas too. */
function cssColor(name: string, fallback: number): number {
  const v = globalThis.getComputedStyle?.(document.documentElement).getPropertyValue(name).trim();
  const m = v ? /^#([0-9a-f]{6})$/i.exec(v) : null;
  return m ? Number.parseInt(m[1]!, 16) : fallback;
}

/** The largest |v| of a step's numbers, at least 1e−12 (a scale to divide by). */
const maxima = new WeakMap<object, number>();
function maxAbs(key: object, values: () => Iterable<number>): number {
  let m = maxima.get(key);
  if (m === undefined) {
    m = 1e-12;
    for (const v of values()) m = Math.max(m, Math.abs(v));
    maxima.set(key, m);
  }
  return m;
}

/** Adds a line to the current path, as dashes when `dashed` (7 on, 5 off, as the weights are drawn). */
function segment(g: G, x1: number, y1: number, x2: number, y2: number, dashed: boolean): void {
  if (!dashed) {
    g.moveTo(x1, y1);
    g.lineTo(x2, y2);
    return;
  }
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  for (let d = 0; d < len; d += 12) {
    const e = Math.min(len, d + 7);
    g.moveTo(x1 + ux * d, y1 + uy * d);
    g.lineTo(x1 + ux * e, y1 + uy * e);
  }
}

function ring(g: G, x: number, y: number, r: number, dashed: boolean): void {
  if (!dashed) {
    g.strokeCircle(x, y, r);
    return;
  }
  const step = (2 * Math.PI) / 12;
  for (let i = 0; i < 12; i++) {
    g.beginPath();
    g.arc(x, y, r, i * step, i * step + step * 0.6);
    g.strokePath();
  }
}

/**
 * The step-through drawn on the network: the layer the current step works
 * on glows, its values arrive along the edges (left to right for the forward
 * pass, right to left for δ), and BP3 and BP4 light every bias and weight by
 * its gradient. Each step eases in over its first moments (at once when
 * motion is reduced); sign is a colour and a dash, never colour alone.
 */
export class PassLayer {
  private readonly g: G;
  private glow: number = COLORS.ink;
  private colourFor = -1;

  constructor(
    scene: Phaser.Scene,
    private readonly store: PlayStore,
  ) {
    this.g = scene.add.graphics();
  }

  /** Draws the current step; true while the step-through is on screen (it moves with time). */
  draw(now: number): boolean {
    const g = this.g;
    g.clear();
    const walk = this.store.walk;
    const step = walk?.current;
    if (!walk || !step || !walk.fresh()) return false;
    if (this.colourFor !== walk.serial) {
      this.colourFor = walk.serial;
      this.glow = cssColor('--walk-glow', 0xf0b400);
    }
    const u = walk.phase(now);
    const prev = walk.steps[walk.index - 1];
    switch (step.kind) {
      case 'forward':
        this.flow(step.l - 1, step.l, u, () => COLORS.ink);
        this.rings(step.l, u, null, step.focus);
        return true;
      case 'bp1':
        this.rings(step.l, u, step.delta, step.focus);
        return true;
      case 'bp2': {
        const next = prev?.kind === 'bp1' || prev?.kind === 'bp2' ? prev.delta : null;
        const net = this.store.network;
        const nl = net.sizes[step.l]!;
        // Each edge carries w^{l+1}_kj δ^{l+1}_k back to neuron j: its sign is the edge's colour.
        this.flow(step.l + 1, step.l, u, (j, k) =>
          net.w[step.l + 1]![k * nl + j]! * (next?.[k] ?? 0) >= 0
            ? COLORS.positive
            : COLORS.negative,
        );
        this.rings(step.l, u, step.delta, step.focus);
        return true;
      }
      case 'bp3':
        this.biasBadges(step, u);
        return true;
      case 'bp4':
        this.weightLines(step, u);
        return true;
      case 'demon': {
        const { l, j } = step.move;
        const p = this.store.layout.pos[l]?.[j];
        if (!p) return true;
        const r = this.store.layout.r[l]!;
        g.lineStyle(4, COLORS.gradient, 1 - 0.6 * u);
        g.strokeCircle(p.x, p.y, r + 6 + 18 * u);
        return true;
      }
    }
    return true;
  }

  /**
   * The edges between layers `from` and `to` glow, and dots carry the values
   * across. Edges of one colour go into one path and one stroke, the dots
   * into one fill: a thousand separate strokes a frame would cost the frame.
   */
  private flow(
    from: number,
    to: number,
    u: number,
    colour: (j: number, k: number) => number,
  ): void {
    const g = this.g;
    const { layout, network: net } = this.store;
    const a = from < to ? from : to;
    const b = from < to ? to : from;
    const nIn = net.sizes[a]!;
    const count = nIn * net.sizes[b]!;
    const edgeStride = Math.max(1, Math.ceil(count / EDGE_CAP));
    const dotStride = Math.max(1, Math.ceil(count / DOT_CAP));
    const dashed = count <= DASH_CAP;
    const s = from < to ? u : 1 - u;
    for (const c of new Set([COLORS.ink, COLORS.positive, COLORS.negative])) {
      const dash = dashed && c === COLORS.negative;
      g.lineStyle(2, c, 0.15 + 0.45 * u);
      g.beginPath();
      let any = false;
      for (let i = 0; i < count; i += edgeStride) {
        // j is the neuron of the later layer b, k of the earlier layer a.
        const j = Math.floor(i / nIn);
        const k = i % nIn;
        // In BP2 the colour reads (neuron of layer l, neuron of layer l+1).
        if ((from < to ? colour(j, k) : colour(k, j)) !== c) continue;
        const p = layout.pos[a]![k]!;
        const q = layout.pos[b]![j]!;
        segment(g, p.x, p.y, q.x, q.y, dash);
        any = true;
      }
      if (!any) continue;
      g.strokePath();
      if (u >= 1) continue;
      g.fillStyle(c, 0.9);
      g.beginPath();
      for (let i = 0; i < count; i += dotStride) {
        const j = Math.floor(i / nIn);
        const k = i % nIn;
        if ((from < to ? colour(j, k) : colour(k, j)) !== c) continue;
        const p = layout.pos[a]![k]!;
        const q = layout.pos[b]![j]!;
        const x = p.x + (q.x - p.x) * s;
        const y = p.y + (q.y - p.y) * s;
        g.moveTo(x + 4, y);
        g.arc(x, y, 4, 0, 2 * Math.PI);
      }
      g.fillPath();
    }
  }

  /** A ring on every neuron of layer l: the glow colour, or δ's sign and size when `delta` is given. */
  private rings(l: number, u: number, delta: number[] | null, focus: number): void {
    const g = this.g;
    const { layout } = this.store;
    const r = layout.r[l]!;
    const max = delta ? maxAbs(delta, () => delta) : 1;
    layout.pos[l]!.forEach((p, j) => {
      const d = delta?.[j] ?? 0;
      const width = delta ? 2 + 8 * Math.sqrt(Math.abs(d) / max) * u : j === focus ? 5 : 3;
      g.lineStyle(width, delta ? (d >= 0 ? COLORS.positive : COLORS.negative) : this.glow, u);
      ring(g, p.x, p.y, r + 8 + width / 2, !!delta && d < 0);
      if (j === focus) {
        g.lineStyle(2, this.glow, u);
        g.strokeCircle(p.x, p.y, r + 18 + width);
      }
    });
  }

  /** BP3: a dot on each neuron, its area ∝ |∂C/∂b|, solid for + and hollow for −. */
  private biasBadges(step: PassStep & { kind: 'bp3' }, u: number): void {
    const g = this.g;
    const { layout } = this.store;
    const max = maxAbs(step.nablaB, () => step.nablaB.flat());
    step.nablaB.forEach((col, l) => {
      col.forEach((v, j) => {
        const p = layout.pos[l]![j]!;
        const r = layout.r[l]!;
        const size = (2 + 9 * Math.sqrt(Math.abs(v) / max)) * u;
        const x = p.x + r * 0.9;
        const y = p.y - r * 0.9;
        const c = v >= 0 ? COLORS.positive : COLORS.negative;
        if (v >= 0) {
          g.fillStyle(c, 1);
          g.fillCircle(x, y, size);
        } else {
          g.lineStyle(2.5, c, 1);
          g.strokeCircle(x, y, size);
        }
      });
    });
    const f = step.focus;
    const p = layout.pos[f.l]![f.j]!;
    g.lineStyle(3, this.glow, u);
    g.strokeCircle(p.x, p.y, layout.r[f.l]! + 14);
  }

  /** BP4: every weight redrawn by its gradient, thick where |∂C/∂w| is large; one path per sign and thickness step. */
  private weightLines(step: PassStep & { kind: 'bp4' }, u: number): void {
    const g = this.g;
    const { layout, network: net } = this.store;
    // The maximum is found once per step, not once per frame.
    const max = maxAbs(step.nablaW, () => step.nablaW.flat());
    const dashed = step.nablaW.reduce((n, w) => n + w.length, 0) <= DASH_CAP;
    for (const sign of [1, -1]) {
      for (let band = 1; band <= BANDS; band++) {
        const sBand = band / BANDS;
        g.lineStyle(
          1 + 6 * sBand,
          sign > 0 ? COLORS.positive : COLORS.negative,
          u * (0.3 + 0.7 * sBand),
        );
        g.beginPath();
        let any = false;
        for (let l = 1; l < net.sizes.length; l++) {
          const nIn = net.sizes[l - 1]!;
          const w = step.nablaW[l]!;
          for (let i = 0; i < w.length; i++) {
            const v = w[i]!;
            const s = Math.abs(v) / max;
            // Too faint to see, the other sign, or another thickness step.
            if (
              s < 0.03 ||
              (v >= 0 ? 1 : -1) !== sign ||
              Math.max(1, Math.ceil(s * BANDS)) !== band
            )
              continue;
            const a = layout.pos[l - 1]![i % nIn]!;
            const b = layout.pos[l]![Math.floor(i / nIn)]!;
            segment(g, a.x, a.y, b.x, b.y, dashed && sign < 0);
            any = true;
          }
        }
        if (any) g.strokePath();
      }
    }
    const f = step.focus;
    const a = layout.pos[f.l - 1]![f.k]!;
    const b = layout.pos[f.l]![f.j]!;
    g.lineStyle(3, this.glow, u);
    g.strokeCircle((a.x + b.x) / 2, (a.y + b.y) / 2, 10);
  }
}
