import type Phaser from 'phaser';
import { weightAt } from '#shared/engine/index';
import { idOf } from '../../state/identity.ts';
import { stripSamples, stripSpan } from '../../state/layout.ts';
import { reducedMotion } from '../../state/motion.ts';
import { type MoveMark, type PlayStore, PULSE_MS_PER_LAYER } from '../../state/playStore.ts';
import { sampleValue } from '../../state/samples.ts';
import { COLORS, onThemeChange } from '../../state/theme.ts';
import { dashedLine, EdgeLayer } from './EdgeLayer.ts';
import { MoveFx } from './MoveFx.ts';
import { PassLayer } from './PassLayer.ts';

/** Edges beyond this many get no travelling pulse dots: they would only add clutter. */
const PULSE_EDGE_LIMIT = 240;

type G = Phaser.GameObjects.Graphics;

function dashedCircle(g: G, x: number, y: number, r: number, segments = 12): void {
  const step = (2 * Math.PI) / segments;
  for (let i = 0; i < segments; i++) {
    g.beginPath();
    g.arc(x, y, r, i * step, i * step + step * 0.6);
    g.strokePath();
  }
}

function mix(a: number, b: number, t: number): number {
  const u = Math.min(1, Math.max(0, t));
  const ch = (s: number) => Math.round(((a >> s) & 255) * (1 - u) + ((b >> s) & 255) * u);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** The network drawn from the store: weights, activations, δ rings, the move and its comparisons. */
export class NetworkView {
  private readonly g: G;
  private readonly fx: G;
  private readonly edges: EdgeLayer;
  private readonly pass: PassLayer;
  private readonly moveFx: MoveFx;
  private drawnKey = '';

  constructor(
    scene: Phaser.Scene,
    private readonly store: PlayStore,
  ) {
    this.edges = new EdgeLayer(scene, store);
    this.g = scene.add.graphics();
    this.moveFx = new MoveFx(scene, store);
    this.pass = new PassLayer(scene, store);
    this.fx = scene.add.graphics();
    // COLORS changes in place with the theme: everything is drawn again in the new one.
    // The store is told too, so a view whose loop sleeps while idle wakes to draw it.
    const off = onThemeChange(() => {
      this.drawnKey = '';
      this.edges.invalidate();
      store.refresh();
    });
    scene.events.once('destroy', off);
  }

  /**
   * Everything the canvas shows, as one string: a store change that leaves it
   * alone (a pick and its Δz, which the stage's DOM shows; the inspector;
   * the predict panel) costs the canvas nothing. The step-through changes
   * which δ rings show, so its step counts.
   */
  private key(): string {
    const s = this.store;
    const w = s.walk;
    const sw = s.selectedWeight;
    const ins = s.inspected;
    return [
      idOf(s.network),
      idOf(s.trace),
      idOf(s.layout),
      s.show,
      s.answerHidden,
      idOf(s.result),
      s.pulses.length,
      sw ? `${sw.l},${sw.j},${sw.k}` : '',
      ins ? `${ins.l},${ins.j}` : '',
      `${w?.open}|${w?.index}|${w?.serial}`,
    ].join('|');
  }

  /** Whether the next frame would draw something new: a change, or an animation still moving. */
  stale(): boolean {
    return this.key() !== this.drawnKey;
  }

  /** Redraws what changed; returns quickly when nothing did. True while something moves. */
  update(now: number): boolean {
    const s = this.store;
    if (!s.network) return false;
    const key = this.key();
    if (key !== this.drawnKey) {
      this.drawnKey = key;
      this.drawNetwork();
    }
    // Either animation still moving keeps the loop awake (a projector's view sleeps when idle).
    const moving = this.moveFx.draw(now);
    const walking = this.pass.draw(now);
    this.drawPulses(now);
    return moving || walking || s.pulses.length > 0;
  }

  private activationShade(a: number, l: number): number {
    const act = this.store.network.act[l];
    const t =
      act === 'tanh'
        ? (a + 1) / 2
        : act === 'relu' || act === 'linear'
          ? Math.tanh(Math.abs(a))
          : a;
    return mix(COLORS.neuronEmpty, COLORS.neuronFull, t);
  }

  private drawNetwork(): void {
    const s = this.store;
    const { network: net, layout } = s;
    const g = this.g;
    g.clear();
    const L = s.L;
    this.edges.update();
    const sw = s.selectedWeight;
    if (sw) {
      const w = weightAt(net, sw.l, sw.j, sw.k);
      const a = layout.pos[sw.l - 1]![sw.k]!;
      const b = layout.pos[sw.l]![sw.j]!;
      g.lineStyle(7, w >= 0 ? COLORS.positive : COLORS.negative, 1);
      if (w >= 0) g.lineBetween(a.x, a.y, b.x, b.y);
      else dashedLine(g, a.x, a.y, b.x, b.y);
    }
    let dMax = 1e-12;
    for (let l = 1; l <= L; l++)
      for (const d of s.trace.deltaBar[l]!) dMax = Math.max(dMax, Math.abs(d));
    for (let l = 0; l <= L; l++) {
      const r = layout.r[l]!;
      // During the step-through δ shows only where the backward pass has reached.
      const walked = s.walk?.label(l, 0) ?? null;
      const showDelta =
        walked === null ? s.deltaVisible(l) : walked !== 'blank' && walked.sym === 'delta';
      layout.pos[l]!.forEach((p, j) => {
        const a = s.mean('a', l, j);
        if (showDelta) {
          const d = s.deltaBar(l, j);
          const width = 1.5 + Math.min(r * 0.45, 10) * Math.sqrt(Math.abs(d) / dMax);
          g.lineStyle(width, d >= 0 ? COLORS.positive : COLORS.negative, 1);
          const rr = r + 3 + width / 2;
          if (d >= 0) g.strokeCircle(p.x, p.y, rr);
          else dashedCircle(g, p.x, p.y, rr);
        }
        // A layer the forward pass has not reached yet is drawn empty.
        g.fillStyle(walked === 'blank' ? COLORS.neuronEmpty : this.activationShade(a, l), 1);
        const asleep = s.asleep(l, j);
        g.lineStyle(2, asleep ? COLORS.muted : COLORS.ink, 1);
        if (l === 0) {
          g.fillRect(p.x - r, p.y - r, 2 * r, 2 * r);
          g.strokeRect(p.x - r, p.y - r, 2 * r, 2 * r);
        } else {
          g.fillCircle(p.x, p.y, r);
          g.strokeCircle(p.x, p.y, r);
        }
      });
    }
    this.drawOutputStrip();
    // The pick's ring and Δz arrow are the stage's DOM (stage.ts), so a drag never redraws this.
    const ins = s.inspected;
    if (ins) {
      // A neuron looked at after the move: a thin ring, so it is not taken for the move.
      const p = layout.pos[ins.l]![ins.j]!;
      g.lineStyle(2, COLORS.muted, 1);
      dashedCircle(g, p.x, p.y, layout.r[ins.l]! + 10, 20);
    }
    if (s.result) {
      const { best, gradient, move } = s.result;
      if (best && !s.answerHidden) this.mark(best, COLORS.best, -1);
      if (gradient && !s.answerHidden) this.mark(gradient, COLORS.gradient, 1);
      this.mark(move, COLORS.ink, 0);
    }
  }

  /** A move on the network: a ring and a Δz arrow (or a thick line for a weight), offset sideways. */
  private mark(m: MoveMark, color: number, side: number): void {
    const { layout } = this.store;
    const g = this.g;
    const p = layout.pos[m.l]![m.j]!;
    const r = layout.r[m.l]!;
    if (m.k !== undefined) {
      const q = layout.pos[m.l - 1]![m.k]!;
      g.lineStyle(side === 0 ? 3 : 5, color, 0.9);
      dashedLine(g, q.x, q.y, p.x, p.y, 10, 4);
      return;
    }
    g.lineStyle(3, color, 1);
    dashedCircle(g, p.x, p.y, r + 20 + 6 * Math.abs(side), 16);
    this.arrow(p.x, p.y, m.dz / this.store.eps, r, color, side);
  }

  /** An arrow up (Δz > 0) or down, its length the share of the budget used. */
  private arrow(x: number, y: number, frac: number, r: number, color: number, side: number): void {
    if (frac === 0) return;
    const g = this.g;
    const ax = x + side * (r + 10);
    const len = Math.max(8, Math.abs(frac) * Math.max(3 * r, 36));
    const dir = frac > 0 ? -1 : 1;
    const tipY = y + dir * len;
    g.lineStyle(4, color, 1);
    g.lineBetween(ax, y, ax, tipY);
    g.fillStyle(color, 1);
    g.fillTriangle(ax - 7, tipY, ax + 7, tipY, ax, tipY + dir * 11);
  }

  /** Each sample's a^L beside its target y: a filled dot and a ring on a 0…1 scale. */
  private drawOutputStrip(): void {
    const s = this.store;
    const g = this.g;
    const { layout, trace } = s;
    const L = s.L;
    const nL = s.network.sizes[L]!;
    const n = stripSamples(layout, nL, trace.n);
    const { x, width } = layout.strip;
    layout.pos[L]!.forEach((p, j) => {
      const { top, span } = stripSpan(layout, j, n);
      const step = n > 1 ? span / (n - 1) : 0;
      g.lineStyle(1, COLORS.muted, 0.6);
      g.lineBetween(x, top - 4, x, top + span + 4);
      g.lineBetween(x + width, top - 4, x + width, top + span + 4);
      for (let sIdx = 0; sIdx < n; sIdx++) {
        const yy = n > 1 ? top + sIdx * step : p.y;
        const a = Math.min(1, Math.max(0, sampleValue(trace.a[L]!, nL, sIdx, j)));
        const y = Math.min(1, Math.max(0, sampleValue(trace.y, nL, sIdx, j)));
        g.lineStyle(1.5, COLORS.muted, 0.8);
        g.lineBetween(x + a * width, yy, x + y * width, yy);
        g.lineStyle(2, COLORS.ink, 1);
        g.strokeCircle(x + y * width, yy, 3.5);
        g.fillStyle(COLORS.positive, 1);
        g.fillCircle(x + a * width, yy, 3);
      }
    });
  }

  /** Dots travelling along the weights: forward left to right, then δ right to left. */
  private drawPulses(now: number): void {
    const s = this.store;
    const fx = this.fx;
    fx.clear();
    if (reducedMotion() || s.pulses.length === 0) return;
    const L = s.L;
    const net = s.network;
    const edges = net.sizes.reduce((acc, n, l) => (l === 0 ? 0 : acc + n * net.sizes[l - 1]!), 0);
    let alive = false;
    for (const pulse of s.pulses) {
      const t = (now - pulse.start) / PULSE_MS_PER_LAYER;
      if (t <= L) alive = true;
      if (t < 0 || t > L) continue;
      if (edges > PULSE_EDGE_LIMIT) continue;
      const l = pulse.kind === 'forward' ? Math.floor(t) + 1 : L - Math.floor(t);
      const u = pulse.kind === 'forward' ? t % 1 : 1 - (t % 1);
      const nIn = net.sizes[l - 1]!;
      for (let j = 0; j < net.sizes[l]!; j++) {
        const color =
          pulse.kind === 'forward'
            ? COLORS.ink
            : s.deltaBar(l, j) >= 0
              ? COLORS.positive
              : COLORS.negative;
        fx.fillStyle(color, 0.85);
        for (let k = 0; k < nIn; k++) {
          const a = s.layout.pos[l - 1]![k]!;
          const b = s.layout.pos[l]![j]!;
          fx.fillCircle(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u, 4);
        }
      }
    }
    if (!alive) s.pulses = [];
  }
}
