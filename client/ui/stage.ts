import { lang, onLangChange, t } from '../i18n/index.ts';
import { idOf } from '../state/identity.ts';
import { type NetLayout, stripSamples, stripSpan } from '../state/layout.ts';
import { PickMode, type PlayStore } from '../state/playStore.ts';
import { sampleValue } from '../state/samples.ts';
import { el, num, setText, signed } from './format.ts';
import { bookLayer, bookNeuron } from './notation.ts';

/** 1 → "1", 0.25 → "0.25", −0.123 → "−0.12": short enough to sit under a small square. */
function compact(v: number): string {
  return String(Number(v.toPrecision(2))).replace('-', '−');
}

/** Writes an attribute only when it changes: this runs on every SGD step in the sandbox. */
function setAttr(e: Element, name: string, value: string): void {
  if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

/** Layers with more neurons than this get no value labels: they would overlap. */
const LABEL_LIMIT = 8;
/** Pixels of drag for a full ε of Δz. */
const DRAG_PX_PER_EPS = 90;

/**
 * The stage: a host for the canvas and, above it, one button per neuron (and
 * per weight in weight mode), so that mouse, touch, keyboard and screen
 * readers all pick the same way. Dragging a picked neuron up or down sets Δz.
 */
export class Stage {
  readonly root: HTMLDivElement;
  readonly canvasHost: HTMLDivElement;
  private readonly overlay: HTMLDivElement;
  private builtFor: NetLayout | null = null;
  private builtMode: PickMode | null = null;
  private labels: HTMLSpanElement[][] = [];
  /** Set while a pointer picks: the tap moves focus itself, and a focus() here would force a layout. */
  private pointerPicking = false;
  /** What the value labels and spoken names were last written for: a pick or a Δz leaves them alone. */
  private labelsKey = '';
  /** The picked neuron's Δz arrow: DOM above the canvas, so a drag moves it without a redraw. */
  private readonly arrow: HTMLDivElement;

  constructor(private readonly store: PlayStore) {
    this.canvasHost = el('div', { class: 'stage-canvas' });
    this.overlay = el('div', { class: 'stage-overlay' });
    this.arrow = el(
      'div',
      { class: 'dz-arrow', hidden: '', 'aria-hidden': 'true' },
      el('span', { class: 'dz-shaft' }),
      el('span', { class: 'dz-head' }),
    );
    // Under the overlay: the value labels stay readable over the arrow, as they were over the canvas.
    this.root = el('div', { class: 'stage' }, this.canvasHost, this.arrow, this.overlay);
    new ResizeObserver(() => {
      const { clientWidth: w, clientHeight: h } = this.root;
      if (w > 0 && h > 0) store.resize(w, h);
    }).observe(this.root);
    store.subscribe(() => this.render());
    // The walk is created after the stage: it announces itself through the store's next change.
    queueMicrotask(() => store.walk?.subscribe(() => this.render()));
    onLangChange(() => {
      this.builtFor = null;
      this.render();
    });
  }

  private render(): void {
    const s = this.store;
    if (!s.network) return;
    if (this.builtFor !== s.layout || this.builtMode !== s.mode) {
      this.build();
      this.labelsKey = '';
    }
    this.renderArrow();
    // Labels and names change with the values on show, not with the pick or Δz.
    const w = s.walk;
    const labelsKey = `${idOf(s.trace)}|${idOf(s.layout)}|${s.show}|${!!s.result}|${s.answerHidden}|${s.locked}|${w?.open}|${w?.index}|${w?.serial}|${w?.sample}|${lang()}`;
    const relabel = labelsKey !== this.labelsKey;
    this.labelsKey = labelsKey;
    if (relabel) this.updateLabels();
    const focused = document.activeElement;
    const keyboardOnNeuron =
      focused instanceof HTMLButtonElement &&
      focused.classList.contains('neuron') &&
      this.overlay.contains(focused);
    for (const b of this.overlay.querySelectorAll<HTMLButtonElement>('button.neuron')) {
      const l = Number(b.dataset['l']);
      const j = Number(b.dataset['j']);
      const selected = s.selected?.l === l && s.selected?.j === j;
      b.classList.toggle('selected', selected);
      b.classList.toggle('inspected', s.inspected?.l === l && s.inspected?.j === j);
      b.classList.toggle('marked', s.marked?.l === l && s.marked?.j === j);
      setAttr(b, 'aria-pressed', String(selected));
      // After a move every neuron stays inspectable, none movable.
      const movable = !s.locked && s.pickable(l, j);
      b.classList.toggle('movable', movable);
      if (relabel) {
        setAttr(b, 'aria-description', movable ? '' : t('play.inspectOnly'));
        setAttr(b, 'aria-label', this.spoken(l, j));
      }
      // Arrow keys move the pick: the keyboard's focus follows it, so a screen reader reads the new neuron.
      if (keyboardOnNeuron && selected && focused !== b && !this.pointerPicking)
        b.focus({ preventScroll: true });
    }
    for (const b of this.overlay.querySelectorAll<HTMLButtonElement>('button.weight')) {
      const w = s.selectedWeight;
      b.classList.toggle(
        'selected',
        !!w && `${w.l},${w.j},${w.k}` === `${b.dataset['l']},${b.dataset['j']},${b.dataset['k']}`,
      );
      b.disabled = s.locked;
    }
  }

  /**
   * The Δz arrow on the picked neuron, as the canvas draws a move's: up for
   * Δz > 0, its length the share of the budget used. After the move the
   * canvas draws the judged move's own arrow instead.
   */
  private renderArrow(): void {
    const s = this.store;
    const sel = s.selected;
    const show = !!sel && s.dz !== 0 && !s.result && s.mode === PickMode.Neuron;
    this.arrow.hidden = !show;
    if (!show) return;
    const p = s.layout.pos[sel.l]![sel.j]!;
    const r = s.layout.r[sel.l]!;
    const frac = s.dz / s.eps;
    const len = Math.max(8, Math.abs(frac) * Math.max(3 * r, 36));
    // Only transforms change while a finger drags: the compositor moves it, nothing is laid out.
    this.arrow.style.transform = `translate(${p.x}px, ${p.y}px) scaleY(${frac > 0 ? 1 : -1})`;
    this.arrow.style.setProperty('--len', String(len));
  }

  /**
   * What a screen reader says for a neuron: where it is in the book's
   * numbering and the values the picture shows (z and a always, δ only where
   * the puzzle shows δ), batch means when there are several samples.
   */
  private spoken(l: number, j: number): string {
    const s = this.store;
    const mean = s.trace.n > 1;
    const parts = [
      `${mean ? 'z̄' : 'z'} = ${signed(s.mean('z', l, j))}`,
      `${mean ? 'ā' : 'a'} = ${num(s.mean('a', l, j))}`,
    ];
    if (s.deltaVisible(l)) parts.push(`${mean ? 'δ̄' : 'δ'} = ${signed(s.deltaBar(l, j))}`);
    if (s.asleep(l, j)) parts.push(t('play.asleep'));
    return `${t('play.neuron', { l: bookLayer(l), j: bookNeuron(j) })}: ${parts.join(', ')}`;
  }

  private build(): void {
    const s = this.store;
    const layout = s.layout;
    this.builtFor = layout;
    this.builtMode = s.mode;
    this.overlay.replaceChildren();
    this.labels = [];
    layout.pos.forEach((col, l) => {
      this.labels.push([]);
      col.forEach((p, j) => {
        const r = layout.r[l]!;
        if (l >= 1 && s.mode === PickMode.Neuron) {
          const size = Math.max(2 * r + 8, 36);
          const b = el('button', {
            class: 'neuron',
            type: 'button',
            'data-l': String(l),
            'data-j': String(j),
            'aria-label': t('play.neuron', { l: bookLayer(l), j: bookNeuron(j) }),
            style: `left:${p.x - size / 2}px;top:${p.y - size / 2}px;width:${size}px;height:${size}px`,
          });
          this.wireDrag(b, l, j);
          this.overlay.append(b);
        }
        // Narrow columns: odd layers put their label above, so neighbours never collide.
        const colGap =
          layout.pos.length > 1 ? layout.pos[1]![0]!.x - layout.pos[0]![0]!.x : Infinity;
        const above = colGap < 120 && l % 2 === 1;
        // The inputs' x values start at the square's left edge: centred, they would leave the stage.
        const x = l === 0 ? Math.max(2, p.x - r) : p.x;
        const label = el('span', {
          class: `nlabel${above ? ' above' : ''}${l === 0 ? ' input' : ''}`,
          'data-l': String(l),
          'data-j': String(j),
          style: above ? `left:${x}px;top:${p.y - r - 6}px` : `left:${x}px;top:${p.y + r + 6}px`,
        });
        const gap = col.length > 1 ? col[1]!.y - col[0]!.y : Infinity;
        // A label needs about 1.4em below the ring; crowded layers go without.
        if (col.length <= LABEL_LIMIT && gap >= 2 * r + 34) this.overlay.append(label);
        this.labels[l]!.push(label);
      });
    });
    if (s.mode === PickMode.Weight) this.buildWeightHandles(layout);
    const L = layout.pos.length - 1;
    const n = stripSamples(layout, s.network.sizes[L]!, s.trace.n);
    const first = stripSpan(layout, 0, n);
    const last = stripSpan(layout, layout.pos[L]!.length - 1, n);
    this.overlay.append(
      el(
        'span',
        {
          class: 'strip-caption',
          style: `left:${layout.strip.x}px;top:${first.top - 6}px;width:${layout.strip.width}px`,
        },
        t('play.outputs'),
      ),
    );
    // The strip's scale: 0 on the left, 1 on the right.
    for (const [v, x] of [
      ['0', layout.strip.x],
      ['1', layout.strip.x + layout.strip.width],
    ] as const) {
      this.overlay.append(
        el(
          'span',
          { class: 'strip-tick', style: `left:${x}px;top:${last.top + last.span + 6}px` },
          v,
        ),
      );
    }
  }

  private buildWeightHandles(layout: NetLayout): void {
    const net = this.store.network;
    for (let l = 1; l < net.sizes.length; l++) {
      for (let j = 0; j < net.sizes[l]!; j++) {
        for (let k = 0; k < net.sizes[l - 1]!; k++) {
          const a = layout.pos[l - 1]![k]!;
          const b = layout.pos[l]![j]!;
          // Handles sit at different fractions so that crossing lines keep them apart.
          const f = 0.3 + 0.4 * ((k + 0.5) / net.sizes[l - 1]!);
          const x = a.x + (b.x - a.x) * f;
          const y = a.y + (b.y - a.y) * f;
          const btn = el('button', {
            class: 'weight',
            type: 'button',
            'data-l': String(l),
            'data-j': String(j),
            'data-k': String(k),
            'aria-label': t('play.weight', {
              l: bookLayer(l),
              j: bookNeuron(j),
              lp: bookLayer(l - 1),
              k: bookNeuron(k),
            }),
            style: `left:${x - 14}px;top:${y - 14}px`,
          });
          btn.addEventListener('click', () => this.store.selectWeight(l, j, k));
          this.overlay.append(btn);
          // An input that is 0 on every sample: ∂C/∂w = a_k δ_j = 0, the weight cannot learn (BP4).
          if (this.store.inactiveInput(l - 1, k)) {
            btn.classList.add('inactive');
            btn.title = t('play.inactive');
            this.overlay.append(
              el(
                'span',
                { class: 'wlabel inactive', style: `left:${x}px;top:${y + 14}px` },
                'a = 0',
              ),
            );
          }
        }
      }
    }
  }

  /** Tap picks the neuron; a vertical drag on it sets Δz (up is +). */
  private wireDrag(b: HTMLButtonElement, l: number, j: number): void {
    let start: { y: number; dz: number; id: number } | null = null;
    b.addEventListener('pointerdown', (e) => {
      if (this.store.locked || !this.store.pickable(l, j)) return;
      this.pointerPicking = true;
      try {
        this.store.select(l, j);
      } finally {
        this.pointerPicking = false;
      }
      start = { y: e.clientY, dz: this.store.dz, id: e.pointerId };
      b.setPointerCapture(e.pointerId);
    });
    b.addEventListener('pointermove', (e) => {
      if (!start || e.pointerId !== start.id) return;
      const dy = start.y - e.clientY;
      if (Math.abs(dy) < 6) return;
      this.store.setDz(start.dz + (dy / DRAG_PX_PER_EPS) * this.store.eps);
    });
    const end = () => {
      start = null;
    };
    b.addEventListener('pointerup', end);
    b.addEventListener('pointercancel', end);
    b.addEventListener('click', () => {
      if (this.store.locked || !this.store.pickable(l, j)) this.store.inspect(l, j);
      else this.store.select(l, j);
    });
  }

  private updateLabels(): void {
    const s = this.store;
    this.labels.forEach((col, l) => {
      col.forEach((label, j) => {
        if (!label.isConnected) return;
        if (l === 0) {
          // The batch's inputs: every sample's x for small batches.
          const n0 = s.network.sizes[0]!;
          if (s.trace.n > 4) {
            setText(label, '');
            return;
          }
          const xs = Array.from({ length: s.trace.n }, (_, x) =>
            compact(sampleValue(s.trace.a[0]!, n0, x, j)),
          );
          setText(label, `x: ${xs.join(' ')}`);
          return;
        }
        // The step-through shows each neuron's value once the pass has reached it.
        const walked = s.walk?.label(l, j) ?? null;
        if (walked !== null) {
          const one = s.walk?.sample !== 'mean' || s.trace.n === 1;
          setText(
            label,
            walked === 'blank'
              ? ''
              : walked.sym === 'a'
                ? `${one ? 'a' : 'ā'} ${num(walked.v)}`
                : `${one ? 'δ' : 'δ̄'} ${signed(walked.v)}`,
          );
          return;
        }
        const asleep = s.asleep(l, j);
        // The same batch means, to the same digits, as the inspector: the two never disagree.
        const mean = s.trace.n > 1;
        const parts = [
          s.deltaVisible(l)
            ? `${mean ? 'δ̄' : 'δ'} ${signed(s.deltaBar(l, j))}`
            : `${mean ? 'ā' : 'a'} ${num(s.mean('a', l, j))}`,
        ];
        if (asleep) parts.push(t('play.asleep'));
        setText(label, parts.join(' · '));
        label.classList.toggle('asleep', asleep);
      });
    });
  }
}
