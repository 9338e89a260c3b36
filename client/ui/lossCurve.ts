import { COLORS, cssColor } from '../state/theme.ts';
import { el } from './format.ts';

/** The loss over training steps, redrawn on demand into a small canvas. */
export class LossCurve {
  readonly root: HTMLCanvasElement;
  private points: { step: number; loss: number }[] = [];

  constructor() {
    this.root = el('canvas', { class: 'loss-curve', width: '320', height: '120' });
  }

  reset(): void {
    this.points = [];
    this.draw();
  }

  push(step: number, loss: number): void {
    if (!Number.isFinite(loss)) return;
    this.points.push({ step, loss });
    // Thin old points so a long run stays cheap to draw.
    if (this.points.length > 600) this.points = this.points.filter((_, i) => i % 2 === 0);
  }

  draw(): void {
    const c = this.root;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const { width: w, height: h } = c;
    ctx.clearRect(0, 0, w, h);
    ctx.strokeStyle = cssColor(COLORS.muted);
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
    if (this.points.length < 2) return;
    const maxL = Math.max(...this.points.map((p) => p.loss), 1e-9);
    const first = this.points[0]!.step;
    const span = Math.max(1, this.points[this.points.length - 1]!.step - first);
    ctx.strokeStyle = cssColor(COLORS.positive);
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    this.points.forEach((p, i) => {
      const x = 4 + ((p.step - first) / span) * (w - 8);
      const y = h - 4 - (p.loss / maxL) * (h - 8);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
  }
}
