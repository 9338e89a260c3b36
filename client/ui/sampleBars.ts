import { t } from '../i18n/index.ts';
import { COLORS, cssColor } from '../state/theme.ts';
import { num, signed } from './format.ts';
import { sampleName } from './notation.ts';

const NS = 'http://www.w3.org/2000/svg';
const H = 150;
const PAD = { left: 50, right: 8, top: 10, bottom: 22 };
/** Samples beyond this many are drawn without their x labels: they would overlap. */
const LABEL_LIMIT = 24;

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * C = (1/n) Σ_x C_x, seen one sample at a time: a bar per sample's ΔC_x after
 * the move — down (blue, solid) where it helped, up (vermillion, hatched by a
 * dash) where it hurt — on a ΔC axis with 0 marked, and a line at the batch
 * mean ΔC = (1/n) Σ_x ΔC_x, the number the score uses.
 */
export function sampleBars(d: readonly number[]): HTMLElement {
  const n = d.length;
  const mean = d.reduce((a, b) => a + b, 0) / n;
  const max = Math.max(...d.map(Math.abs), 1e-12);
  const W = Math.max(220, Math.min(340, PAD.left + PAD.right + n * 22));
  const plotW = W - PAD.left - PAD.right;
  const mid = PAD.top + (H - PAD.top - PAD.bottom) / 2;
  const half = (H - PAD.top - PAD.bottom) / 2;
  const py = (v: number) => mid - (v / max) * half;
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'sample-bars',
    role: 'img',
    'aria-label': t('samples.aria', { n, m: signed(mean) }),
  });
  const ink = cssColor(COLORS.ink);
  root.append(
    svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom, stroke: ink }),
    svg('line', { x1: PAD.left, y1: mid, x2: W - PAD.right, y2: mid, stroke: ink }),
  );
  for (const v of [max, 0, -max]) {
    root.append(
      svg(
        'text',
        { x: PAD.left - 3, y: py(v) + 3, 'text-anchor': 'end', class: 'tick' },
        v === 0 ? '0' : signed(v, 2),
      ),
    );
  }
  root.append(svg('text', { x: 2, y: PAD.top + 8, class: 'axis' }, 'ΔCₓ'));
  const step = plotW / n;
  d.forEach((v, x) => {
    const cx = PAD.left + step * (x + 0.5);
    const top = Math.min(py(v), mid);
    const h = Math.max(1, Math.abs(py(v) - mid));
    const bar = svg('rect', {
      x: cx - step * 0.35,
      y: top,
      width: step * 0.7,
      height: h,
      class: v > 0 ? 'bar hurt' : 'bar helped',
      fill: cssColor(v > 0 ? COLORS.negative : COLORS.positive),
      'data-v': String(v),
    });
    const title = svg('title', {}, `${sampleName(x)}: ΔCₓ = ${signed(v)}`);
    bar.append(title);
    root.append(bar);
    if (n <= LABEL_LIMIT) {
      root.append(
        svg(
          'text',
          { x: cx, y: H - PAD.bottom + 12, 'text-anchor': 'middle', class: 'tick' },
          sampleName(x),
        ),
      );
    }
  });
  root.append(
    svg('line', {
      x1: PAD.left,
      y1: py(mean),
      x2: W - PAD.right,
      y2: py(mean),
      stroke: cssColor(COLORS.best),
      'stroke-width': 2,
      'stroke-dasharray': '5 3',
      class: 'mean-line',
    }),
  );
  const fig = document.createElement('figure');
  fig.className = 'samples';
  const cap = document.createElement('figcaption');
  cap.textContent = t('samples.title');
  const legend = document.createElement('p');
  legend.className = 'samples-legend';
  legend.textContent = t('samples.legend', { m: signed(mean), n, max: num(max, 2) });
  fig.append(cap, root, legend);
  return fig;
}
