import { t } from '../../i18n/index.ts';
import { reducedMotion } from '../../state/motion.ts';
import { COLORS, cssColor } from '../../state/theme.ts';
import { el, num } from '../../ui/format.ts';

/** Milliseconds for the curve's newest segment to draw itself after training. */
const GROW_MS = 1500;
const PAD = { left: 64, right: 16, top: 14, bottom: 30 };

/**
 * The session's loss, one point per round on an axis of all the rounds to
 * come, zoomed to the values so that a small drop still shows; the newest
 * segment grows out of the last point after training.
 */
export class LossChart {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private values: number[] = [];
  private rounds = 1;

  constructor() {
    this.canvas = el('canvas', { class: 'loss-canvas' });
    this.caption = el('figcaption', {});
    this.root = el('figure', { class: 'loss-chart' }, this.canvas, this.caption);
    // Attached or resized: draw again at the new size.
    new ResizeObserver(() => {
      if (!this.growing) this.draw(this.values, this.values.length - 1);
    }).observe(this.canvas);
  }

  private growing = false;

  set(values: number[], rounds: number): void {
    const grow = values.length === this.values.length + 1 && this.values.length > 0;
    const old = this.values;
    this.values = [...values];
    this.rounds = Math.max(1, rounds);
    // Before the first reveal the server has no loss to show yet.
    this.root.hidden = values.length === 0;
    const last = values[values.length - 1];
    this.caption.textContent = `${t('cls.reveal.lossCurve')}${last === undefined ? '' : ` · ${num(last, 4)}`}`;
    this.canvas.setAttribute('aria-label', this.caption.textContent);
    if (!grow || reducedMotion()) {
      this.draw(values, values.length - 1);
      return;
    }
    const start = performance.now();
    this.growing = true;
    const frame = () => {
      if (this.values.length !== values.length) return;
      const u = Math.min(1, (performance.now() - start) / GROW_MS);
      this.draw(values, old.length - 1 + u);
      if (u < 1) requestAnimationFrame(frame);
      else this.growing = false;
    };
    frame();
  }

  /** The curve up to x = `upTo` rounds (fractional while the last segment grows). */
  private draw(values: number[], upTo: number): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    // Drawn at the size it is shown, in CSS pixels, so the labels stay readable on a projector.
    const W = this.canvas.clientWidth || 640;
    const H = this.canvas.clientHeight || 220;
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(W * dpr)) this.canvas.width = Math.round(W * dpr);
    if (this.canvas.height !== Math.round(H * dpr)) this.canvas.height = Math.round(H * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    const finite = values.filter(Number.isFinite);
    if (finite.length === 0) return;
    let lo = Math.min(...finite);
    let hi = Math.max(...finite);
    const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.05 || 1e-3;
    lo -= pad;
    hi += pad;
    const x = (i: number) => PAD.left + (i / this.rounds) * (W - PAD.left - PAD.right);
    const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * (H - PAD.top - PAD.bottom);
    const ink = cssColor(COLORS.ink);
    const muted = cssColor(COLORS.muted);
    ctx.font = '18px system-ui, sans-serif';
    ctx.lineWidth = 1;
    ctx.strokeStyle = muted;
    ctx.fillStyle = ink;
    ctx.beginPath();
    ctx.moveTo(PAD.left, PAD.top);
    ctx.lineTo(PAD.left, H - PAD.bottom);
    ctx.lineTo(W - PAD.right, H - PAD.bottom);
    ctx.stroke();
    // Round numbers under the axis: 0 is the network before round 1.
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const every = Math.ceil(this.rounds / 12);
    for (let i = 0; i <= this.rounds; i += every) ctx.fillText(String(i), x(i), H - PAD.bottom + 6);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(num(hi - pad, 3), PAD.left - 8, y(hi - pad));
    if (finite.length > 1) ctx.fillText(num(lo + pad, 3), PAD.left - 8, y(lo + pad));
    const whole = Math.floor(upTo);
    const pts: [number, number][] = [];
    for (let i = 0; i <= Math.min(whole, values.length - 1); i++) pts.push([x(i), y(values[i]!)]);
    if (upTo > whole && whole + 1 < values.length) {
      const f = upTo - whole;
      const a = values[whole]!;
      const b = values[whole + 1]!;
      pts.push([x(whole + f), y(a + (b - a) * f)]);
    }
    ctx.strokeStyle = cssColor(COLORS.positive);
    ctx.lineWidth = 4;
    ctx.beginPath();
    pts.forEach(([px, py], i) => {
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
    ctx.stroke();
    ctx.fillStyle = cssColor(COLORS.positive);
    for (const [px, py] of pts) {
      ctx.beginPath();
      ctx.arc(px, py, 6, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}
