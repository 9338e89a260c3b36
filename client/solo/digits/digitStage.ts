import { argmax } from '#shared/data/mnistTraining';
import { applyBiasNudge, cloneNetwork, Trace } from '#shared/engine/index';
import { lang, onLangChange, t } from '../../i18n/index.ts';
import { digitCanvas, drawDigit } from '../../mnist/digitImage.ts';
import { mt } from '../../mnist/i18n.ts';
import type { MoveResultView, PlayStore } from '../../state/playStore.ts';
import { el, setText } from '../../ui/format.ts';
import { bookLayer, bookNeuron } from '../../ui/notation.ts';

/** The digit the level's network reads: its 28×28 pixels and the digit written. */
export interface DigitOnShow {
  pixels: Uint8Array;
  label: number;
  /** Which test digit (from 0). */
  test: number;
}

/** 0.0123 → "+0.012", −0.00041 → "−4e−4": short enough for a cell of the grid, sign always shown. */
function short(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const m = a < 1e-3 ? a.toExponential(0).replace('-', '−') : String(Number(a.toPrecision(2)));
  return (v > 0 ? '+' : '−') + m;
}

/**
 * The MNIST level's stage, in place of the Phaser network: layer 1 as the
 * 28×28 image (not 784 circles), the hidden layer 2 as a grid of neurons and
 * the ten outputs of layer L as bars. A hidden neuron's fill is its a, its
 * ring's width |δ| for this digit and its label δ with its sign, so the
 * answer of BP2, δ^2 = ((w^L)ᵀ δ^L) ⊙ σ'(z^2), shows which neuron matters.
 * Every neuron is a button, picked (or inspected) as on the other levels.
 */
export class DigitStage {
  readonly root: HTMLElement;
  private readonly canvas = digitCanvas('digit-input');
  private readonly hiddenBox = el('div', { class: 'digit-hidden-grid' });
  private readonly outBox = el('div', { class: 'digit-outputs' });
  private readonly reads = el('p', { class: 'digit-reads', 'aria-live': 'polite' });
  private readonly captions: [HTMLElement, () => string][] = [];
  private hidden: { b: HTMLButtonElement; dot: HTMLSpanElement; v: HTMLSpanElement }[] = [];
  private outs: { b: HTMLButtonElement; fill: HTMLSpanElement; v: HTMLSpanElement }[] = [];
  /** The move the reading line was worked out for, and what the network reads after it. */
  private after: { r: MoveResultView; reads: number } | null = null;

  constructor(
    private readonly store: PlayStore,
    private readonly digit: DigitOnShow,
  ) {
    const caption = (key: () => string) => {
      const c = el('h2', { class: 'digit-caption' });
      this.captions.push([c, key]);
      return c;
    };
    const n = () => store.network?.sizes ?? [784, 30, 10];
    this.root = el(
      'div',
      { class: 'digit-stage' },
      el(
        'section',
        { class: 'digit-layer digit-in' },
        caption(() => mt('digits.input', { n: n()[0]! })),
        el('div', { class: 'digit-in-body' }, this.canvas, this.reads),
      ),
      el(
        'section',
        { class: 'digit-layer digit-hidden' },
        caption(() => mt('digits.hidden', { n: n()[1]! })),
        this.hiddenBox,
      ),
      el(
        'section',
        { class: 'digit-layer digit-out' },
        caption(() => mt('digits.outputs', { L: n().length })),
        this.outBox,
      ),
    );
    drawDigit(this.canvas, digit.pixels);
    this.canvas.setAttribute('role', 'img');
    store.subscribe(() => this.render());
    onLangChange(() => this.render());
  }

  private neuronButton(l: number, j: number, cls: string, ...kids: Node[]): HTMLButtonElement {
    const b = el(
      'button',
      { type: 'button', class: `neuron ${cls}`, 'data-l': String(l), 'data-j': String(j) },
      ...kids,
    );
    b.addEventListener('click', () => {
      const s = this.store;
      if (s.locked || !s.pickable(l, j)) s.inspect(l, j);
      else s.select(l, j);
    });
    return b;
  }

  private build(): void {
    const [, nHidden, nOut] = this.store.network.sizes as [number, number, number];
    this.hidden = Array.from({ length: nHidden }, (_, j) => {
      const dot = el('span', { class: 'dot' });
      const v = el('span', { class: 'v' });
      return { b: this.neuronButton(1, j, 'digit-neuron', dot, v), dot, v };
    });
    this.outs = Array.from({ length: nOut }, (_, d) => {
      const fill = el('span', { class: 'fill' });
      const v = el('span', { class: 'v' });
      const b = this.neuronButton(
        2,
        d,
        'digit-neuron-out',
        el('span', { class: 'd' }, String(d)),
        el('span', { class: 'bar' }, fill),
        v,
      );
      return { b, fill, v };
    });
    this.hiddenBox.replaceChildren(...this.hidden.map((h) => h.b));
    this.outBox.replaceChildren(...this.outs.map((o) => o.b));
  }

  private render(): void {
    const s = this.store;
    if (!s.network) return;
    if (this.hidden.length !== s.network.sizes[1]) this.build();
    for (const [c, text] of this.captions) setText(c, text());
    this.canvas.setAttribute('aria-label', mt('digits.image', { y: this.digit.label }));
    const shown = s.deltaVisible(1);
    let big = 1e-12;
    for (let j = 0; j < this.hidden.length; j++) big = Math.max(big, Math.abs(s.deltaBar(1, j)));
    this.hidden.forEach(({ b, dot, v }, j) => {
      const a = s.mean('a', 1, j);
      const d = s.deltaBar(1, j);
      // Paper at a = 0, ink at a = 1; the ring's width is |δ| against the layer's largest.
      dot.style.setProperty('--a', a.toFixed(3));
      dot.style.setProperty('--ring', `${(1 + 7 * (Math.abs(d) / big)).toFixed(1)}px`);
      dot.classList.toggle('neg', shown && d < 0);
      dot.classList.toggle('pos', shown && d > 0);
      setText(v, shown ? short(d) : `a ${short(a).replace('+', '')}`);
      this.mark(b, 1, j);
    });
    const aL = s.trace.a[2]!;
    const reads = argmax(aL, 0, this.outs.length);
    this.outs.forEach(({ b, fill, v }, d) => {
      const a = aL[d]!;
      fill.style.width = `${(100 * a).toFixed(1)}%`;
      const marks = [
        d === this.digit.label ? mt('digits.written') : '',
        d === reads ? mt('digits.readsMark') : '',
      ].filter(Boolean);
      setText(v, `${a.toFixed(3)}${marks.length ? ` ${marks.join(' · ')}` : ''}`);
      b.classList.toggle('reads', d === reads);
      b.classList.toggle('label', d === this.digit.label);
      this.mark(b, 2, d);
    });
    this.renderReads(reads);
  }

  /** Selection and movability, as the other levels' stage marks them. */
  private mark(b: HTMLButtonElement, l: number, j: number): void {
    const s = this.store;
    const movable = !s.locked && s.pickable(l, j);
    b.classList.toggle('selected', s.selected?.l === l && s.selected?.j === j);
    b.classList.toggle('inspected', s.inspected?.l === l && s.inspected?.j === j);
    b.classList.toggle('movable', movable);
    // The value on the button is read with its name: a screen reader hears δ (or aᴸ) too.
    const value = b.querySelector('.v')?.textContent ?? '';
    b.setAttribute(
      'aria-label',
      `${t('play.neuron', { l: bookLayer(l), j: bookNeuron(j) })}: ${value}`,
    );
    b.setAttribute('aria-description', movable ? '' : t('play.inspectOnly'));
  }

  /** "Written 8, read as 9", and after a move what the network reads with it kept (b_j += Δz). */
  private renderReads(reads: number): void {
    const s = this.store;
    const r = s.result;
    const parts = [mt('digits.reads', { y: this.digit.label, p: reads })];
    let now = reads;
    if (r && r.move.k === undefined) {
      if (this.after?.r !== r) {
        const net = cloneNetwork(s.network);
        applyBiasNudge(net, r.move.l, r.move.j, r.move.dz);
        const moved = new Trace(net, 1).load(s.batch);
        moved.forward();
        this.after = { r, reads: argmax(moved.a[2]!, 0, this.outs.length) };
      }
      now = this.after.reads;
      parts.push(mt('digits.after', { p: now }));
    }
    if (now === this.digit.label) parts.push(mt('digits.right'));
    // Chinese sentences run on without a space.
    setText(this.reads, parts.join(lang() === 'zh-CN' ? '' : ' '));
    this.reads.dataset['reads'] = String(now);
    this.reads.classList.toggle('good', now === this.digit.label);
  }
}
