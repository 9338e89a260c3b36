import { weightAt, weightNudge } from '#shared/engine/index';
import { lang, onLangChange, t } from '../i18n/index.ts';
import { idOf } from '../state/identity.ts';
import { PickMode, type PlayStore } from '../state/playStore.ts';
import { el, num, setText, signed, tex } from './format.ts';
import { renderTex, renderTexSoon } from './math.ts';
import { bookLayer, bookNeuron, layerMark, symText, texSym, weightText } from './notation.ts';
import { sampleTable } from './sampleTable.ts';

/** Terms of BP2's sum written out before it is shortened to “+ ⋯”. */
const SUM_TERMS = 3;
/** Where the play view stacks (styles.css): a phone. */
const NARROW = '(max-width: 800px)';

/**
 * The picked neuron (or weight) up close, in the book's numbering. Every value
 * says what it is: a batch mean (z̄, ā, mean σ′, δ̄) or one sample's (the BP1 /
 * BP2 line for sample x₁); the per-sample table opens on demand. It draws from
 * the same trace as the canvas labels, whenever that trace changes, so the two
 * never disagree — also while the sandbox trains.
 */
export class Inspector {
  readonly root: HTMLElement;
  private drawnKey = '';
  /** Whether the per-sample table is open; it opens by itself where δ must be worked out. */
  private open: boolean | null = null;
  private openFor: unknown = null;
  /** Whether the equation is open: null until the first neuron, then the player's choice. */
  private eqOpen: boolean | null = null;
  private card: NeuronCard | null = null;

  constructor(private readonly store: PlayStore) {
    this.root = el('section', { class: 'inspector', 'aria-live': 'polite' });
    store.subscribe(() => this.render());
    onLangChange(() => this.render(true));
  }

  /** Redraws when what it shows changed: the pick, the trace, the result or the language. */
  render(force = false): void {
    const s = this.store;
    if (!s.network) return;
    if (force) this.drawnKey = '';
    const f = s.focus;
    const w = s.mode === PickMode.Weight ? s.selectedWeight : null;
    const key = `${f?.l},${f?.j}|${w?.l},${w?.j},${w?.k}|${s.result ? 1 : 0}|${s.answerHidden}|${s.version === 0 ? 0 : idOf(s.trace)}|${lang()}`;
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    if (w) {
      this.root.replaceChildren();
      this.renderWeight(w.l, w.j, w.k);
    } else if (f) this.renderNeuron(f.l, f.j);
    else this.root.replaceChildren();
    this.root.hidden = this.root.childElementCount === 0;
  }

  /** A weight's per-sample table under its summary. */
  private details(table: HTMLElement, n: number): HTMLDetailsElement {
    const d = el(
      'details',
      { class: 'per-sample' },
      el('summary', {}, t('inspect.perSample', { n })),
      table,
    );
    // A new puzzle: open where δ is hidden (a, y, σ′ per sample are what the player works from).
    if (this.openFor !== this.store.network) {
      this.openFor = this.store.network;
      this.open = this.store.show !== 'delta';
    }
    d.open = this.open ?? false;
    d.addEventListener('toggle', () => {
      this.open = d.open;
    });
    return d;
  }

  /**
   * The neuron's card, built once per puzzle and language and then filled for
   * each neuron: a pick changes text in place, so the page around it is not
   * laid out again (on a slow phone that is most of a tap's cost).
   */
  private neuronCard(): NeuronCard {
    const s = this.store;
    const key = `${idOf(s.network)}|${s.trace.n}|${lang()}`;
    if (this.card?.key === key) return this.card;
    const n = s.trace.n;
    const rows = new Map<string, { sym: HTMLElement; v: HTMLElement }>();
    const table = el(
      'table',
      { class: 'values' },
      el('caption', {}, n > 1 ? t('inspect.meanOf', { n }) : t('inspect.oneSample')),
    );
    for (const [q, name] of ROWS) {
      const sym = el('span', { class: 'sym' });
      const v = el('td', {});
      table.append(el('tr', { 'data-q': q }, el('th', {}, `${t(name)} `, sym), v));
      rows.set(q, { sym, v });
    }
    const wOutTd = el('td', {});
    const wOut = el('tr', { class: 'weights-out' }, el('th', {}, t('inspect.wOut')), wOutTd);
    table.append(wOut);
    // Focusable: a long equation scrolls sideways, and a keyboard must be able to scroll it too.
    const eq = el('div', { class: 'equation', tabindex: '0' });
    const eqSummary = el('summary', {});
    const eqBox = el('details', { class: 'equation-box' }, eqSummary, eq);
    const samplesSummary = el('summary', {}, t('inspect.perSample', { n }));
    const samples = el('details', { class: 'per-sample' }, samplesSummary);
    const card: NeuronCard = {
      key,
      title: el('h3', {}),
      table,
      rows,
      wOut,
      wOutTd,
      eqBox,
      eqSummary,
      eq,
      lines: [],
      asleep: el('p', { class: 'note asleep' }, t('inspect.asleep')),
      hiddenDelta: el('p', { class: 'note' }, t('inspect.hiddenDelta')),
      samples,
      sampleRows: null,
      fillSamples: () => el('div', {}),
    };
    // The equation: open on a wide screen, closed on a phone, where it would scroll
    // sideways below the fold; the player's choice then holds for the visit.
    this.eqOpen ??= !matchMedia(NARROW).matches;
    eqBox.open = this.eqOpen;
    eqBox.addEventListener('toggle', () => {
      this.eqOpen = eqBox.open;
      if (eqBox.open && eq.childElementCount === 0) this.typeset(card);
    });
    // The per-sample rows are built when open: as the summary is clicked (or its key
    // pressed), so they are there once it opens, and for each neuron while it stays open.
    const build = () => {
      if (card.sampleRows) return;
      card.sampleRows = card.fillSamples();
      samples.append(card.sampleRows);
    };
    samplesSummary.addEventListener('click', build);
    samples.addEventListener('toggle', () => {
      this.open = samples.open;
      if (samples.open) build();
    });
    this.card = card;
    return card;
  }

  /** The equation's lines typeset into its box, after the frame that shows the pick. */
  private typeset(card: NeuronCard): void {
    card.eq.replaceChildren(
      ...card.lines.map((line) => {
        const row = el('div', {});
        renderTexSoon(row, line, true);
        return row;
      }),
    );
  }

  private renderNeuron(l: number, j: number): void {
    const s = this.store;
    const L = s.L;
    const n = s.trace.n;
    const shown = s.deltaVisible(l);
    const card = this.neuronCard();
    const values: Record<string, [string, string]> = {
      z: [symText(n > 1 ? 'z̄' : 'z', l, j, L), num(s.mean('z', l, j))],
      a: [symText(n > 1 ? 'ā' : 'a', l, j, L), num(s.mean('a', l, j))],
      sp: [`σ′(${symText('z', l, j, L)})`, num(s.mean('sp', l, j))],
      b: [symText('b', l, j, L), num(s.network.b[l]![j]!)],
      delta: [symText(n > 1 ? 'δ̄' : 'δ', l, j, L), shown ? signed(s.deltaBar(l, j)) : '?'],
    };
    for (const [q, { sym, v }] of card.rows) {
      setText(sym, values[q]![0]);
      setText(v, values[q]![1]);
    }
    // The weights δ comes back through (BP2): w^{l+1}_{ij} for every neuron i of the next layer.
    card.wOut.hidden = l === L;
    if (l < L)
      setText(
        card.wOutTd,
        Array.from(
          { length: s.network.sizes[l + 1]! },
          (_, i) => `${weightText(l + 1, i, j, L)} = ${num(weightAt(s.network, l + 1, i, j))}`,
        ).join(', '),
      );
    setText(
      card.title,
      l === L
        ? t('inspect.titleOut', { j: bookNeuron(j), l: bookLayer(l) })
        : t('inspect.title', { j: bookNeuron(j), l: bookLayer(l) }),
    );
    setText(card.eqSummary, t(l === L ? 'inspect.eqBP1' : 'inspect.eqBP2'));
    card.lines = this.equation(l, j, shown);
    if (card.eqBox.open) this.typeset(card);
    else card.eq.replaceChildren();
    card.asleep.hidden = !s.asleep(l, j);
    card.hiddenDelta.hidden = shown;
    // A new puzzle: open where δ is hidden (a, y, σ′ per sample are what the player works from).
    if (this.openFor !== s.network) {
      this.openFor = s.network;
      this.open = s.show !== 'delta';
    }
    card.samples.open = this.open ?? false;
    card.fillSamples = () => sampleTable(s, { l, j });
    card.sampleRows?.remove();
    card.sampleRows = null;
    if (card.samples.open) {
      card.sampleRows = card.fillSamples();
      card.samples.append(card.sampleRows);
    }
    if (this.root.firstChild !== card.title)
      this.root.replaceChildren(
        card.title,
        card.table,
        card.eqBox,
        card.asleep,
        card.hiddenDelta,
        card.samples,
      );
  }

  /** BP1 or BP2 for sample x₁ (labelled as such), then the batch mean δ̄. */
  private equation(l: number, j: number, shown: boolean): string[] {
    const s = this.store;
    const { trace, network: net } = s;
    const L = s.L;
    const sp = trace.sp[l]![j]!;
    const d = trace.delta[l]![j]!;
    const val = (v: number) => (shown ? tex(v, 3) : '\\,?');
    const x1 = trace.n > 1 ? '(x_1)' : '';
    const D = texSym('\\delta', l, j, L);
    const Z = texSym('z', l, j, L);
    let line: string;
    if (l === L) {
      const a = trace.a[l]![j]!;
      const y = trace.y[j]!;
      const A = texSym('a', l, j, L);
      const Y = `y_{${j + 1}}`;
      line =
        net.cost === 'quadratic'
          ? `${D}${x1} = (${A} - ${Y})\\,\\sigma'(${Z}) \\\\ = (${tex(a)} - ${tex(y)})\\cdot ${tex(sp)} = ${val(d)}`
          : `${D}${x1} = ${A} - ${Y} = ${tex(a)} - ${tex(y)} = ${val(d)}`;
    } else {
      const nNext = net.sizes[l + 1]!;
      const nextShown = s.deltaVisible(l + 1);
      const next = layerMark(l + 1, L);
      const terms: string[] = [];
      for (let i = 0; i < Math.min(nNext, SUM_TERMS); i++) {
        const w = weightAt(net, l + 1, i, j);
        const dn = trace.delta[l + 1]![i]!;
        terms.push(`(${tex(w)})(${nextShown ? tex(dn) : '?'})`);
      }
      if (nNext > SUM_TERMS) terms.push('\\cdots');
      line = `${D}${x1} = \\Big(\\sum_i w^{${next}}_{i${j + 1}}\\,\\delta^{${next}}_i${x1}\\Big)\\sigma'(${Z}) \\\\ = \\big(${terms.join(' + ')}\\big)\\cdot ${tex(sp)} = ${val(d)}`;
    }
    const lines = line.split(' \\\\ ');
    if (trace.n > 1) {
      lines.push(
        `${texSym('\\bar\\delta', l, j, L)} = \\tfrac{1}{${trace.n}}\\textstyle\\sum_x ${D}(x) = ${val(s.deltaBar(l, j))}`,
      );
    }
    return lines;
  }

  /** A weight up close (BP4): ā_k^{l−1}, δ̄_j^l and ∂C/∂w = (1/n) Σ_x a_k(x) δ_j(x), with numbers. */
  private renderWeight(l: number, j: number, k: number): void {
    const s = this.store;
    const L = s.L;
    const n = s.trace.n;
    const shown = s.deltaVisible(l);
    const g = weightNudge(s.trace, l, j, k, 0).gradient;
    const aMean = s.mean('a', l - 1, k);
    const inactive = s.inactiveInput(l - 1, k);
    const A = symText(n > 1 ? 'ā' : 'a', l - 1, k, L);
    const D = symText(n > 1 ? 'δ̄' : 'δ', l, j, L);
    const W = weightText(l, j, k, L);
    const rows: [string, string, string][] = [
      ['w', `${t('inspect.w')} ${W}`, num(weightAt(s.network, l, j, k))],
      ['a', `${t('inspect.aIn')} ${A}`, num(aMean)],
      ['delta', `${t('inspect.delta')} ${D}`, shown ? signed(s.deltaBar(l, j)) : '?'],
      ['grad', `∂C/∂${W} (BP4)`, shown ? signed(g) : '?'],
    ];
    const table = el(
      'table',
      { class: 'values' },
      el('caption', {}, n > 1 ? t('inspect.meanOf', { n }) : t('inspect.oneSample')),
    );
    for (const [q, k2, v] of rows)
      table.append(el('tr', { 'data-q': q }, el('th', {}, k2), el('td', {}, v)));
    // Focusable: a long equation scrolls sideways, and a keyboard must be able to scroll it too.
    const eq = el('div', { class: 'equation', tabindex: '0' });
    const Wt = `w^{${layerMark(l, L)}}_{${j + 1}${k + 1}}`;
    const At = texSym('a', l - 1, k, L);
    const Dt = texSym('\\delta', l, j, L);
    renderTex(
      eq,
      `\\frac{\\partial C}{\\partial ${Wt}} = \\tfrac{1}{${n}}\\textstyle\\sum_x ${At}(x)\\,${Dt}(x) = ${shown ? tex(g) : '\\,?'}`,
      true,
    );
    this.root.append(
      el(
        'h3',
        {},
        t('inspect.titleW', {
          w: W,
          k: bookNeuron(k),
          lp: bookLayer(l - 1),
          j: bookNeuron(j),
          l: bookLayer(l),
        }),
      ),
      table,
      eq,
    );
    if (inactive)
      this.root.append(el('p', { class: 'note inactive' }, t('inspect.inactive', { a: A })));
    else {
      // Samples where the input is 0 add nothing to ∂C/∂w: the weight cannot learn from them.
      const zeros = s.zeroInputs(l - 1, k);
      if (zeros > 0)
        this.root.append(
          el(
            'p',
            { class: 'note inactive' },
            t('inspect.someZero', { z: zeros, n, a: symText('a', l - 1, k, L) }),
          ),
        );
    }
    this.root.append(this.details(sampleTable(s, { l, j, k }), n));
  }
}

/** The rows of a neuron's table: what each value is, in the book's words. */
const ROWS = [
  ['z', 'inspect.z'],
  ['a', 'inspect.a'],
  ['sp', 'inspect.sp'],
  ['b', 'inspect.b'],
  ['delta', 'inspect.delta'],
] as const;

/** A neuron's card in the inspector: its elements, kept to be filled again for the next neuron. */
interface NeuronCard {
  /** The puzzle, batch size and language it was built for. */
  key: string;
  title: HTMLElement;
  table: HTMLElement;
  rows: Map<string, { sym: HTMLElement; v: HTMLElement }>;
  wOut: HTMLElement;
  wOutTd: HTMLElement;
  eqBox: HTMLDetailsElement;
  eqSummary: HTMLElement;
  eq: HTMLElement;
  /** The equation's lines for the neuron on show, typeset once the box is open. */
  lines: string[];
  asleep: HTMLElement;
  hiddenDelta: HTMLElement;
  samples: HTMLDetailsElement;
  sampleRows: HTMLElement | null;
  fillSamples: () => HTMLElement;
}
