import { weightAt, weightNudge } from '#shared/engine/index';
import { lang, onLangChange, t } from '../i18n/index.ts';
import { PickMode, type PlayStore } from '../state/playStore.ts';
import { el, num, signed, tex } from './format.ts';
import { renderTex } from './math.ts';
import { bookLayer, bookNeuron, layerMark, symText, texSym, weightText } from './notation.ts';
import { sampleTable } from './sampleTable.ts';

/** Terms of BP2's sum written out before it is shortened to “+ ⋯”. */
const SUM_TERMS = 3;

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

  constructor(private readonly store: PlayStore) {
    this.root = el('section', { class: 'inspector', 'aria-live': 'polite' });
    store.subscribe(() => this.render());
    onLangChange(() => this.render(true));
  }

  /** Redraws when what it shows changed: the pick, the trace, the result or the language. */
  render(force = false): void {
    const s = this.store;
    if (!s.network) return;
    const f = s.focus;
    const w = s.mode === PickMode.Weight ? s.selectedWeight : null;
    const key = `${f?.l},${f?.j}|${w?.l},${w?.j},${w?.k}|${s.result ? 1 : 0}|${s.answerHidden}|${s.version === 0 ? 0 : traceId(s)}|${lang()}`;
    if (!force && key === this.drawnKey) return;
    this.drawnKey = key;
    this.root.replaceChildren();
    if (w) this.renderWeight(w.l, w.j, w.k);
    else if (f) this.renderNeuron(f.l, f.j);
    this.root.hidden = this.root.childElementCount === 0;
  }

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

  private renderNeuron(l: number, j: number): void {
    const s = this.store;
    const L = s.L;
    const n = s.trace.n;
    const shown = s.deltaVisible(l);
    const scope = n > 1 ? t('inspect.meanOf', { n }) : t('inspect.oneSample');
    const rows: [string, string, string, string][] = [
      ['z', symText(n > 1 ? 'z̄' : 'z', l, j, L), t('inspect.z'), num(s.mean('z', l, j))],
      ['a', symText(n > 1 ? 'ā' : 'a', l, j, L), t('inspect.a'), num(s.mean('a', l, j))],
      ['sp', `σ′(${symText('z', l, j, L)})`, t('inspect.sp'), num(s.mean('sp', l, j))],
      ['b', symText('b', l, j, L), t('inspect.b'), num(s.network.b[l]![j]!)],
      [
        'delta',
        symText(n > 1 ? 'δ̄' : 'δ', l, j, L),
        t('inspect.delta'),
        shown ? signed(s.deltaBar(l, j)) : '?',
      ],
    ];
    const table = el('table', { class: 'values' }, el('caption', {}, scope));
    for (const [q, sym, name, v] of rows) {
      table.append(
        el(
          'tr',
          { 'data-q': q },
          el('th', {}, `${name} `, el('span', { class: 'sym' }, sym)),
          el('td', {}, v),
        ),
      );
    }
    if (l < L) {
      // The weights δ comes back through (BP2): w^{l+1}_{ij} for every neuron i of the next layer.
      const ws = Array.from(
        { length: s.network.sizes[l + 1]! },
        (_, i) => `${weightText(l + 1, i, j, L)} = ${num(weightAt(s.network, l + 1, i, j))}`,
      );
      table.append(
        el(
          'tr',
          { class: 'weights-out' },
          el('th', {}, t('inspect.wOut')),
          el('td', {}, ws.join(', ')),
        ),
      );
    }
    // Focusable: a long equation scrolls sideways, and a keyboard must be able to scroll it too.
    const eq = el('div', { class: 'equation', tabindex: '0' });
    for (const line of this.equation(l, j, shown)) {
      const row = el('div', {});
      renderTex(row, line, true);
      eq.append(row);
    }
    const title =
      l === L
        ? t('inspect.titleOut', { j: bookNeuron(j), l: bookLayer(l) })
        : t('inspect.title', { j: bookNeuron(j), l: bookLayer(l) });
    this.root.append(el('h3', {}, title), table, eq);
    if (s.asleep(l, j)) this.root.append(el('p', { class: 'note asleep' }, t('inspect.asleep')));
    if (!shown) this.root.append(el('p', { class: 'note' }, t('inspect.hiddenDelta')));
    this.root.append(this.details(sampleTable(s, { l, j }), n));
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

/** The trace object's identity as a number: the store replaces the trace whenever values change. */
const ids = new WeakMap<object, number>();
let nextId = 1;
function traceId(s: PlayStore): number {
  let id = ids.get(s.trace);
  if (id === undefined) {
    id = nextId++;
    ids.set(s.trace, id);
  }
  return id;
}
