import { num } from '../ui/format.ts';
import { mt } from './i18n.ts';
import type { Reading } from './readDigit.ts';

const SVG = 'http://www.w3.org/2000/svg';
const ROWS = 15;
const GAP = 30;
const R = 11;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** Fill of a neuron for activation a ∈ [0, 1]: paper at 0, ink at 1. */
function shade(a: number): string {
  const v = Math.round(255 - 219 * Math.min(1, Math.max(0, a)));
  return `rgb(${v},${v},${Math.min(255, v + 12)})`;
}

/**
 * Layer 2 (the hidden neurons) in a grid and layer L (the ten outputs) in a
 * column, as SVG. Each hidden neuron is a button: its fill is a, its ring's
 * width is |δ| for the digit shown (blue +, vermillion dashed −), so BP2's
 * answer to "which neuron matters for this digit" is visible at a glance.
 * Layer 1 is the 28×28 image beside it, not 784 circles.
 */
export class NetworkView {
  readonly root: SVGSVGElement;
  private readonly hidden: SVGGElement[] = [];
  private readonly rings: SVGCircleElement[] = [];
  private readonly outs: { dot: SVGCircleElement; text: SVGTextElement }[] = [];
  private readonly links: SVGLineElement[] = [];
  private readonly outX: number;
  private readonly hx: number[] = [];
  private readonly hy: number[] = [];

  constructor(
    readonly nHidden: number,
    onPick: (j: number) => void,
  ) {
    const cols = Math.ceil(nHidden / ROWS);
    const rows = Math.min(ROWS, nHidden);
    this.outX = 40 + cols * GAP + 120;
    const width = this.outX + 150;
    const height = Math.max(rows, 10) * GAP + 20;
    this.root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'mnist-net' });
    const linkLayer = svg('g', { class: 'links' });
    this.root.append(linkLayer);
    for (let d = 0; d < 10; d++) {
      const line = svg('line', { x1: 0, y1: 0, x2: this.outX, y2: this.outY(d) });
      this.links.push(line);
      linkLayer.append(line);
    }
    for (let j = 0; j < nHidden; j++) {
      const x = 30 + Math.floor(j / ROWS) * GAP;
      const y = 25 + (j % ROWS) * GAP + (height - 20 - rows * GAP) / 2;
      this.hx.push(x);
      this.hy.push(y);
      const g = svg('g', { class: 'hidden-neuron', role: 'button', tabindex: 0, 'data-j': j });
      const ring = svg('circle', { cx: x, cy: y, r: R + 2, class: 'ring' });
      const dot = svg('circle', { cx: x, cy: y, r: R, class: 'dot' });
      g.append(ring, dot);
      g.addEventListener('click', () => onPick(j));
      g.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onPick(j);
        }
      });
      this.hidden.push(g);
      this.rings.push(ring);
      this.root.append(g);
    }
    for (let d = 0; d < 10; d++) {
      const y = this.outY(d);
      const dot = svg('circle', { cx: this.outX, cy: y, r: R, class: 'out-dot' });
      const text = svg('text', { x: this.outX + R + 8, y: y + 6, class: 'out-label' });
      this.outs.push({ dot, text });
      this.root.append(dot, text);
    }
  }

  private outY(d: number): number {
    return 25 + d * GAP;
  }

  /** Redraws for this digit; `aL` replaces the outputs while a nudge is applied. */
  update(reading: Reading, selected: number | undefined, aL?: Float64Array): void {
    const { trace, label } = reading;
    const a1 = trace.a[1]!;
    const d1 = trace.delta[1]!;
    let big = 1e-12;
    for (let j = 0; j < this.nHidden; j++) big = Math.max(big, Math.abs(d1[j]!));
    for (let j = 0; j < this.nHidden; j++) {
      const g = this.hidden[j]!;
      const d = d1[j]!;
      g.querySelector('.dot')!.setAttribute('fill', shade(a1[j]!));
      const ring = this.rings[j]!;
      ring.setAttribute('stroke-width', String(0.5 + 7 * (Math.abs(d) / big)));
      ring.setAttribute('class', d < 0 ? 'ring neg' : 'ring pos');
      g.classList.toggle('selected', j === selected);
      g.setAttribute('aria-pressed', String(j === selected));
      g.setAttribute('aria-label', mt('mnist.neuron', { j: j + 1, a: num(a1[j]!), d: num(d, 2) }));
      g.dataset['delta'] = String(d);
    }
    const out = aL ?? trace.a[2]!;
    let reads = 0;
    for (let d = 1; d < 10; d++) if (out[d]! > out[reads]!) reads = d;
    for (let d = 0; d < 10; d++) {
      const { dot, text } = this.outs[d]!;
      dot.setAttribute('fill', shade(out[d]!));
      dot.setAttribute(
        'class',
        `out-dot${d === reads ? ' reads' : ''}${d === label ? ' label' : ''}`,
      );
      text.textContent = `${d}: ${out[d]!.toFixed(3)}${d === label ? '  ← y' : ''}`;
      text.setAttribute('class', `out-label${d === reads ? ' reads' : ''}`);
    }
    // The selected neuron's weights to the outputs, w^L_{dj}: how its a reaches each digit.
    const w = trace.net.w[2]!;
    this.links.forEach((line, d) => {
      if (selected === undefined) {
        line.setAttribute('visibility', 'hidden');
        return;
      }
      const wd = w[d * this.nHidden + selected]!;
      line.setAttribute('visibility', 'visible');
      line.setAttribute('x1', String(this.hx[selected]!));
      line.setAttribute('y1', String(this.hy[selected]!));
      line.setAttribute('stroke-width', String(Math.min(6, 0.5 + Math.abs(wd))));
      line.setAttribute('class', wd < 0 ? 'neg' : 'pos');
    });
  }
}
