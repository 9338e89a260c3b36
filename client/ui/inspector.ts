import { onLangChange, t } from '../i18n/index.ts';
import type { PlayStore } from '../state/playStore.ts';
import { el, num, signed, tex } from './format.ts';
import { renderTex } from './math.ts';

/** Milliseconds between two typesettings of the same neuron while its numbers change. */
const INSPECTOR_MIN_MS = 200;

/** Terms of BP2's sum written out before it is shortened to “+ ⋯”. */
const SUM_TERMS = 3;

/**
 * The picked neuron up close: z, a, σ′(z), b and δ, and the equation that
 * gives δ there — BP1 at the output, BP2 in a hidden layer — with the
 * numbers of the first sample filled in. Where δ is hidden its value is “?”.
 */
export class Inspector {
  readonly root: HTMLElement;

  private shown = '';
  private lastRender = 0;
  private pending = 0;

  constructor(private readonly store: PlayStore) {
    this.root = el('section', { class: 'inspector', 'aria-live': 'polite' });
    store.subscribe(() => this.schedule());
    onLangChange(() => this.render());
  }

  /** A new pick renders at once; values changing under SGD re-typeset at most 5 times a second. */
  private schedule(): void {
    const s = this.store.selected;
    const key = s ? `${s.l},${s.j},${this.store.result ? 1 : 0}` : '';
    const now = performance.now();
    if (key !== this.shown || now - this.lastRender > INSPECTOR_MIN_MS) {
      this.render();
      return;
    }
    if (!this.pending) {
      this.pending = window.setTimeout(() => {
        this.pending = 0;
        this.render();
      }, INSPECTOR_MIN_MS);
    }
  }

  render(): void {
    const s0 = this.store.selected;
    this.shown = s0 ? `${s0.l},${s0.j},${this.store.result ? 1 : 0}` : '';
    this.lastRender = performance.now();
    const s = this.store;
    const sel = s.selected;
    this.root.replaceChildren();
    if (!sel || !s.network) {
      this.root.hidden = true;
      return;
    }
    this.root.hidden = false;
    const { l, j } = sel;
    const shown = s.deltaVisible(l);
    const rows: [string, string][] = [
      [t('inspect.z'), num(s.mean('z', l, j))],
      [t('inspect.a'), num(s.mean('a', l, j))],
      [t('inspect.sp'), num(s.mean('sp', l, j))],
      [t('inspect.b'), num(s.network.b[l]![j]!)],
      [t('inspect.delta'), shown ? signed(s.deltaBar(l, j)) : '?'],
    ];
    const table = el('table', { class: 'values' });
    for (const [k, v] of rows) table.append(el('tr', {}, el('th', {}, k), el('td', {}, v)));
    const eq = el('div', { class: 'equation' });
    for (const line of this.equation(l, j, shown)) {
      const row = el('div', {});
      renderTex(row, line, true);
      eq.append(row);
    }
    this.root.append(el('h3', {}, t('inspect.title', { l, j: j + 1 })), table, eq);
    if (s.trace.n > 1)
      this.root.append(el('p', { class: 'note' }, t('inspect.mean', { n: s.trace.n })));
    if (!shown) this.root.append(el('p', { class: 'note' }, t('inspect.hiddenDelta')));
  }

  /** BP1 or BP2 for sample x₁, then the batch mean δ̄. */
  private equation(l: number, j: number, shown: boolean): string[] {
    const s = this.store;
    const { trace, network: net } = s;
    const L = s.L;
    const nl = net.sizes[l]!;
    const J = j + 1;
    const sp = trace.sp[l]![j]!;
    const d = trace.delta[l]![j]!;
    const val = (v: number) => (shown ? tex(v, 3) : '\\,?');
    const sample = trace.n > 1 ? '(x_1)' : '';
    let line: string;
    if (l === L) {
      const a = trace.a[l]![j]!;
      const y = trace.y[j]!;
      line =
        net.cost === 'quadratic'
          ? `\\delta^{${l}}_{${J}}${sample} = (a^{${l}}_{${J}} - y_{${J}})\\,\\sigma'(z^{${l}}_{${J}}) \\\\ = (${tex(a)} - ${tex(y)})\\cdot ${tex(sp)} = ${val(d)}`
          : `\\delta^{${l}}_{${J}}${sample} = a^{${l}}_{${J}} - y_{${J}} = ${tex(a)} - ${tex(y)} = ${val(d)}`;
    } else {
      const nNext = net.sizes[l + 1]!;
      const nextShown = s.deltaVisible(l + 1);
      const terms: string[] = [];
      for (let i = 0; i < Math.min(nNext, SUM_TERMS); i++) {
        const w = net.w[l + 1]![i * nl + j]!;
        const dn = trace.delta[l + 1]![i]!;
        terms.push(`(${tex(w)})(${nextShown ? tex(dn) : '?'})`);
      }
      if (nNext > SUM_TERMS) terms.push('\\cdots');
      line = `\\delta^{${l}}_{${J}}${sample} = \\Big(\\sum_i w^{${l + 1}}_{i${J}}\\,\\delta^{${l + 1}}_i\\Big)\\sigma'(z^{${l}}_{${J}}) \\\\ = \\big(${terms.join(' + ')}\\big)\\cdot ${tex(sp)} = ${val(d)}`;
    }
    const lines = line.split(' \\\\ ');
    if (trace.n > 1) {
      lines.push(
        `\\bar\\delta^{${l}}_{${J}} = \\tfrac{1}{${trace.n}}\\textstyle\\sum_x \\delta^{${l}}_{${J}}(x) = ${val(s.deltaBar(l, j))}`,
      );
    }
    return lines;
  }
}
