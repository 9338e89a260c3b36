import { nudge, type Trace, weightNudge } from '#shared/engine/index';
import { t } from '../i18n/index.ts';
import type { MoveMark, MoveResultView } from '../state/playStore.ts';
import { COLORS, cssColor } from '../state/theme.ts';
import { num, signed } from './format.ts';
import { bookLayer, bookNeuron, weightText } from './notation.ts';

/** Grid points across [−ε, ε]: enough for a smooth curve, cheap with the engine's exact nudge. */
const GRID = 81;
const W = 300;
const H = 180;
const PAD = { left: 46, right: 10, top: 10, bottom: 30 };

export interface CostCurve {
  /** Δz (or Δw) of each grid point, from −ε to ε. */
  xs: number[];
  /** C at each point: C before the move + the exact ΔC of that nudge. */
  cs: number[];
  /** C before any move. */
  c0: number;
  /** The slope at 0: δ̄ (or ∂C/∂w), so the tangent is C₀ + slope·Δz. */
  slope: number;
}

/** C against Δz for one neuron (or Δw for one weight) over [−ε, ε], from the engine's exact nudges. */
export function costCurve(
  trace: Trace,
  m: Pick<MoveMark, 'l' | 'j' | 'k'>,
  eps: number,
): CostCurve {
  const xs: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < GRID; i++) {
    const x = -eps + (2 * eps * i) / (GRID - 1);
    const dc =
      m.k === undefined
        ? nudge(trace, m.l, m.j, x).deltaC
        : weightNudge(trace, m.l, m.j, m.k, x).deltaC;
    xs.push(x);
    cs.push(trace.cost + dc);
  }
  const slope =
    m.k === undefined ? trace.deltaBar[m.l]![m.j]! : weightNudge(trace, m.l, m.j, m.k, 0).gradient;
  return { xs, cs, c0: trace.cost, slope };
}

const NS = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function sameTarget(a: MoveMark, b: MoveMark): boolean {
  return a.l === b.l && a.j === b.j && a.k === b.k;
}

/**
 * The picture of a first-order approximation, after a move: C(Δz) for the
 * neuron moved, the tangent C₀ + δ̄·Δz, the player's move on the curve and the
 * best move (on its own neuron's curve when it lies elsewhere). Only ever
 * drawn from a result, so it cannot give the answer away before the move.
 */
export function costPlot(
  trace: Trace,
  r: MoveResultView,
  eps: number,
  showBest: boolean,
): HTMLElement {
  const L = trace.net.sizes.length - 1;
  const mine = costCurve(trace, r.move, eps);
  const best = showBest ? r.best : null;
  const other = best && !sameTarget(best, r.move) ? costCurve(trace, best, eps) : null;
  const all = [...mine.cs, ...(other?.cs ?? [])];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-12) {
    lo -= 1e-6;
    hi += 1e-6;
  }
  const pad = (hi - lo) * 0.12;
  lo -= pad;
  hi += pad;
  const px = (x: number) => PAD.left + ((x + eps) / (2 * eps)) * (W - PAD.left - PAD.right);
  const py = (c: number) => PAD.top + ((hi - c) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'cost-plot',
    role: 'img',
    'aria-label': t('plot.aria'),
  });
  const clipId = `plot-clip-${Math.random().toString(36).slice(2, 8)}`;
  const clip = svg('clipPath', { id: clipId });
  clip.append(
    svg('rect', {
      x: PAD.left,
      y: PAD.top,
      width: W - PAD.left - PAD.right,
      height: H - PAD.top - PAD.bottom,
    }),
  );
  root.append(clip);
  const ink = cssColor(COLORS.ink);
  const muted = cssColor(COLORS.muted);
  // Axes: Δz along the bottom with −ε, 0, ε; C up the left with its range.
  const x0 = PAD.left;
  const yB = H - PAD.bottom;
  root.append(
    svg('line', { x1: x0, y1: yB, x2: W - PAD.right, y2: yB, stroke: ink }),
    svg('line', { x1: x0, y1: PAD.top, x2: x0, y2: yB, stroke: ink }),
    svg('line', {
      x1: px(0),
      y1: PAD.top,
      x2: px(0),
      y2: yB,
      stroke: muted,
      'stroke-dasharray': '2 3',
    }),
  );
  for (const [v, label] of [
    [-eps, `−ε = ${num(-eps, 2)}`],
    [0, '0'],
    [eps, `ε = ${num(eps, 2)}`],
  ] as const) {
    const anchor = v < 0 ? 'start' : v > 0 ? 'end' : 'middle';
    root.append(svg('text', { x: px(v), y: yB + 12, 'text-anchor': anchor, class: 'tick' }, label));
  }
  const xName = r.move.k === undefined ? 'Δz' : 'Δw';
  root.append(
    svg('text', { x: (x0 + W) / 2, y: H - 3, 'text-anchor': 'middle', class: 'axis' }, xName),
  );
  for (const c of [hi - pad, lo + pad]) {
    root.append(
      svg('text', { x: x0 - 3, y: py(c) + 3, 'text-anchor': 'end', class: 'tick' }, num(c, 3)),
    );
  }
  root.append(svg('text', { x: 4, y: PAD.top + 8, class: 'axis' }, 'C'));
  const path = (xs: number[], cs: number[]) =>
    xs.map((x, i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(cs[i]!).toFixed(1)}`).join('');
  const g = svg('g', { 'clip-path': `url(#${clipId})` });
  if (other) {
    g.append(
      svg('path', {
        d: path(other.xs, other.cs),
        fill: 'none',
        stroke: cssColor(COLORS.best),
        'stroke-width': 2,
        'stroke-dasharray': '6 3',
      }),
    );
  }
  g.append(
    svg('path', {
      d: `M${px(-eps)},${py(mine.c0 - mine.slope * eps)}L${px(eps)},${py(mine.c0 + mine.slope * eps)}`,
      stroke: muted,
      'stroke-width': 1.5,
      'stroke-dasharray': '4 3',
      class: 'tangent',
    }),
    svg('path', {
      d: path(mine.xs, mine.cs),
      fill: 'none',
      stroke: ink,
      'stroke-width': 2,
      class: 'curve',
    }),
  );
  root.append(g);
  const dot = (x: number, c: number, color: number, cls: string, ring: boolean) =>
    root.append(
      svg('circle', {
        cx: px(x),
        cy: py(c),
        r: ring ? 6 : 4,
        fill: ring ? 'none' : cssColor(color),
        stroke: cssColor(color),
        'stroke-width': ring ? 2.5 : 1,
        class: cls,
      }),
    );
  if (best) dot(best.dz, mine.c0 + best.deltaC, COLORS.best, 'best-dot', true);
  if (r.move.dz !== 0) dot(r.move.dz, mine.c0 + r.move.deltaC, COLORS.ink, 'move-dot', false);
  const name =
    r.move.k === undefined
      ? t('fb.atNeuron', { l: bookLayer(r.move.l), j: bookNeuron(r.move.j) })
      : weightText(r.move.l, r.move.j, r.move.k, L);
  const legend = document.createElement('ul');
  legend.className = 'plot-legend';
  const item = (cls: string, text: string) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = `key ${cls}`;
    li.append(sw, text);
    legend.append(li);
  };
  item('curve', t('plot.curve', { x: xName, n: name }));
  item('tangent', t('plot.tangent', { x: xName, s: signed(mine.slope) }));
  if (r.move.dz !== 0) item('move', t('plot.move', { x: xName, v: signed(r.move.dz) }));
  if (best) item('best', t('plot.best', { x: xName, v: signed(best.dz) }));
  if (other) item('other', t('plot.other'));
  const fig = document.createElement('figure');
  fig.className = 'plot';
  const cap = document.createElement('figcaption');
  cap.textContent = t('plot.title', { x: xName });
  fig.append(cap, root, legend);
  return fig;
}
