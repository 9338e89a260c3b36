import { t } from '../i18n/index.ts';
import type { NeuronRef, PlayStore } from '../state/playStore.ts';
import { sampleValue } from '../state/samples.ts';
import { el, num, signed } from './format.ts';
import { sampleName, symText, targetName } from './notation.ts';

/** Rows shown before the table says how many it left out. */
const ROW_LIMIT = 16;

/**
 * One row per sample x of the batch: for a neuron z, a, σ′(z) and δ (and the
 * target y at the output); for a weight w^l_jk the a^{l−1}_k(x), δ^l_j(x) and
 * their product, whose mean is ∂C/∂w (BP4). Hidden δ stays "?".
 */
export function sampleTable(s: PlayStore, ref: NeuronRef & { k?: number }): HTMLElement {
  const { trace, network: net } = s;
  const L = s.L;
  const { l, j, k } = ref;
  const nl = net.sizes[l]!;
  const shown = s.deltaVisible(l);
  const at = (arr: Float64Array, n: number, x: number, i: number) => sampleValue(arr, n, x, i);
  const cols: { q: string; head: string; cell: (x: number) => string }[] = [];
  if (k === undefined) {
    cols.push(
      { q: 'z', head: symText('z', l, j, L), cell: (x) => num(at(trace.z[l]!, nl, x, j)) },
      { q: 'a', head: symText('a', l, j, L), cell: (x) => num(at(trace.a[l]!, nl, x, j)) },
    );
    if (l === L)
      cols.push({ q: 'y', head: targetName(j), cell: (x) => num(at(trace.y, nl, x, j)) });
    cols.push(
      {
        q: 'sp',
        head: `σ′(${symText('z', l, j, L)})`,
        cell: (x) => num(at(trace.sp[l]!, nl, x, j)),
      },
      {
        q: 'delta',
        head: symText('δ', l, j, L),
        cell: (x) => (shown ? signed(at(trace.delta[l]!, nl, x, j)) : '?'),
      },
    );
  } else {
    const np = net.sizes[l - 1]!;
    const a = (x: number) => at(trace.a[l - 1]!, np, x, k);
    const d = (x: number) => at(trace.delta[l]!, nl, x, j);
    cols.push(
      { q: 'a', head: symText('a', l - 1, k, L), cell: (x) => num(a(x)) },
      { q: 'delta', head: symText('δ', l, j, L), cell: (x) => (shown ? signed(d(x)) : '?') },
      {
        q: 'ad',
        head: `${symText('a', l - 1, k, L)}·${symText('δ', l, j, L)}`,
        // A sample whose input is 0 contributes exactly 0: say so rather than print "0".
        cell: (x) => (a(x) === 0 ? t('inspect.zeroTerm') : shown ? signed(a(x) * d(x)) : '?'),
      },
    );
  }
  const head = el(
    'tr',
    {},
    el('th', {}, t('inspect.sample')),
    ...cols.map((c) => el('th', {}, c.head)),
  );
  const table = el('table', { class: 'samples-table' }, el('thead', {}, head));
  const body = el('tbody', {});
  const rows = Math.min(trace.n, ROW_LIMIT);
  for (let x = 0; x < rows; x++) {
    body.append(
      el(
        'tr',
        { 'data-x': String(x) },
        el('th', {}, sampleName(x)),
        ...cols.map((c) => el('td', { 'data-q': c.q }, c.cell(x))),
      ),
    );
  }
  table.append(body);
  // Focusable, so a keyboard can scroll a table wider than the panel.
  const wrap = el('div', { class: 'samples-wrap', tabindex: '0' }, table);
  if (trace.n > rows)
    wrap.append(el('p', { class: 'note' }, t('inspect.firstRows', { k: rows, n: trace.n })));
  return wrap;
}
