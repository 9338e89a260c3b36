import { type Batch, depth, type Network, Trace } from '#shared/engine/index';
import { COLORS, cssColor } from '../state/theme.ts';
import { el } from './format.ts';

/** Grid cells per side of the decision-boundary picture. */
const GRID = 40;

/**
 * The decision boundary of a 2-D, one-output network: a^L over the plane,
 * blue above ½ and vermillion below, paler near ½, with the data on top
 * (class 1 filled dots, class 0 rings, so shape carries the class too).
 */
export class Heatmap {
  readonly root: HTMLCanvasElement;
  private grid: Batch | null = null;
  private trace: Trace | null = null;
  private range: [number, number] = [-1.2, 1.2];

  constructor() {
    this.root = el('canvas', { class: 'heatmap', width: '240', height: '240' });
  }

  /** Prepares for a network and data set; truth tables live on [0, 1]², the rest on [−1, 1]². */
  setup(net: Network, truthTable: boolean): void {
    this.range = truthTable ? [-0.25, 1.25] : [-1.25, 1.25];
    const [lo, hi] = this.range;
    const x = new Float64Array(GRID * GRID * 2);
    for (let r = 0; r < GRID; r++) {
      for (let c = 0; c < GRID; c++) {
        const i = r * GRID + c;
        x[2 * i] = lo + ((c + 0.5) / GRID) * (hi - lo);
        x[2 * i + 1] = hi - ((r + 0.5) / GRID) * (hi - lo);
      }
    }
    this.grid = { n: GRID * GRID, nIn: 2, nOut: 1, x, y: new Float64Array(GRID * GRID) };
    this.trace = new Trace(net, GRID * GRID).load(this.grid);
  }

  draw(data: Batch): void {
    const ctx = this.root.getContext('2d');
    if (!ctx || !this.trace) return;
    const t = this.trace;
    t.forward();
    const aL = t.a[depth(t.net)]!;
    const { width: w, height: h } = this.root;
    const cw = w / GRID;
    const ch = h / GRID;
    for (let i = 0; i < GRID * GRID; i++) {
      const a = Math.min(1, Math.max(0, aL[i]!));
      const s = Math.abs(a - 0.5) * 2;
      const c = a >= 0.5 ? COLORS.positive : COLORS.negative;
      const mixc = (shift: number) =>
        Math.round(255 - (255 - ((c >> shift) & 255)) * (0.15 + 0.6 * s));
      ctx.fillStyle = `rgb(${mixc(16)},${mixc(8)},${mixc(0)})`;
      ctx.fillRect((i % GRID) * cw, Math.floor(i / GRID) * ch, cw + 0.5, ch + 0.5);
    }
    const [lo, hi] = this.range;
    const px = (v: number) => ((v - lo) / (hi - lo)) * w;
    const py = (v: number) => ((hi - v) / (hi - lo)) * h;
    const ink = cssColor(COLORS.ink);
    const one = cssColor(COLORS.positive);
    for (let s = 0; s < data.n; s++) {
      ctx.beginPath();
      ctx.arc(px(data.x[2 * s]!), py(data.x[2 * s + 1]!), 3.5, 0, 2 * Math.PI);
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = ink;
      ctx.fillStyle = data.y[s]! > 0.5 ? one : '#ffffff';
      ctx.fill();
      ctx.stroke();
    }
  }
}
