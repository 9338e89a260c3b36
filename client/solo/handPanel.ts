import { weightAt } from '#shared/engine/index';
import { onLangChange, t } from '../i18n/index.ts';
import type { NeuronRef, PlayStore } from '../state/playStore.ts';
import { sampleValue } from '../state/samples.ts';
import { el, num, signed, tex } from '../ui/format.ts';
import { renderTex } from '../ui/math.ts';
import { deltaText, sampleName, symText, targetName, texSym, weightText } from '../ui/notation.ts';
import { HAND_ABS_TOL, HAND_REL_TOL, handClose, parseAnswer } from './handAnswer.ts';

/** Wrong tries before a hint, and before the worked BP1/BP2 lines. */
const HINT_AFTER = 2;
const WORKED_AFTER = 4;

/** The hidden neuron whose δ is asked: the one with the largest |δ̄| below the output. */
function target(store: PlayStore): NeuronRef {
  let best = { l: 1, j: 0 };
  for (let l = 1; l < store.L; l++)
    for (let j = 0; j < store.network.sizes[l]!; j++)
      if (
        store.pickable(l, j) &&
        Math.abs(store.deltaBar(l, j)) > Math.abs(store.deltaBar(best.l, best.j))
      )
        best = { l, j };
  return best;
}

/**
 * Hand backprop: the player computes δ̄ of the marked hidden neuron from the
 * per-sample forward values on screen — BP1 for each sample's δ^L, BP2 one
 * layer back, then the mean over the batch — types it, and only then nudges.
 * A hint after two wrong tries, the worked lines after four.
 */
export function handPanel(store: PlayStore, solved: () => void) {
  const prompt = el('p', { class: 'hand-prompt' });
  const table = el('div', { class: 'hand-table', tabindex: '0' });
  const input = el('input', {
    type: 'text',
    inputmode: 'decimal',
    class: 'hand-input',
    autocomplete: 'off',
  });
  const labelText = el('span', {});
  const label = el('label', {}, labelText, input);
  const check = el('button', { type: 'button', class: 'check' });
  const feedback = el('p', { class: 'hand-feedback', 'aria-live': 'polite' });
  const hint = el('p', { class: 'hand-hint', hidden: '' });
  const worked = el('div', { class: 'hand-worked equation', hidden: '' });
  const root = el(
    'section',
    { class: 'hand' },
    prompt,
    table,
    label,
    check,
    feedback,
    hint,
    worked,
  );
  let wrong = 0;
  let last: { key: Parameters<typeof t>[0]; params: Record<string, string> } | null = null;

  const marked = () => store.marked ?? target(store);

  const renderTable = () => {
    const { l, j } = marked();
    const L = store.L;
    const { trace, network: net } = store;
    const nL = net.sizes[L]!;
    const nl = net.sizes[l]!;
    const outs = Array.from({ length: nL }, (_, i) => i);
    const head = el(
      'tr',
      {},
      el('th', {}, t('inspect.sample')),
      ...outs.flatMap((i) => [
        el('th', {}, symText('a', L, i, L)),
        el('th', {}, targetName(i)),
        el('th', {}, `σ′(${symText('z', L, i, L)})`),
      ]),
      el('th', {}, `σ′(${symText('z', l, j, L)})`),
    );
    const body = el('tbody', {});
    for (let x = 0; x < trace.n; x++) {
      body.append(
        el(
          'tr',
          { 'data-x': String(x) },
          el('th', {}, sampleName(x)),
          ...outs.flatMap((i) => [
            el('td', { 'data-q': 'a' }, num(sampleValue(trace.a[L]!, nL, x, i), 4)),
            el('td', { 'data-q': 'y' }, num(sampleValue(trace.y, nL, x, i), 4)),
            el('td', { 'data-q': 'spL' }, num(sampleValue(trace.sp[L]!, nL, x, i), 4)),
          ]),
          el('td', { 'data-q': 'sp' }, num(sampleValue(trace.sp[l]!, nl, x, j), 4)),
        ),
      );
    }
    const ws = outs.map((i) => `${weightText(L, i, j, L)} = ${num(weightAt(net, L, i, j), 4)}`);
    table.replaceChildren(
      el(
        'p',
        { class: 'hand-cost' },
        t(net.cost === 'quadratic' ? 'hand.quadratic' : 'hand.crossEntropy'),
      ),
      el('table', { class: 'samples-table' }, el('thead', {}, head), body),
      el('p', { class: 'hand-weights' }, `${t('hand.weights')} ${ws.join(', ')}`),
    );
  };

  const renderWorked = () => {
    const { l, j } = marked();
    const L = store.L;
    const { trace, network: net } = store;
    const nL = net.sizes[L]!;
    const nl = net.sizes[l]!;
    worked.replaceChildren(el('p', {}, t('hand.workedTitle')));
    for (let x = 0; x < trace.n; x++) {
      const dL = Array.from({ length: nL }, (_, i) => sampleValue(trace.delta[L]!, nL, x, i));
      const a = sampleValue(trace.a[L]!, nL, x, 0);
      const y = sampleValue(trace.y, nL, x, 0);
      const spL = sampleValue(trace.sp[L]!, nL, x, 0);
      const bp1 =
        net.cost === 'quadratic'
          ? `(${tex(a)} - ${tex(y)})\\cdot ${tex(spL)}`
          : `${tex(a)} - ${tex(y)}`;
      const terms = dL.map((d, i) => `(${tex(weightAt(net, L, i, j))})(${tex(d)})`).join(' + ');
      const sp = sampleValue(trace.sp[l]!, nl, x, j);
      const dl = sampleValue(trace.delta[l]!, nl, x, j);
      // BP1 and BP2 on lines of their own, so a phone shows them whole.
      const bp1Row = el('div', {});
      renderTex(
        bp1Row,
        `x_{${x + 1}}:\\ ${texSym('\\delta', L, 0, L)} = ${bp1} = ${tex(dL[0]!)}`,
        true,
      );
      const bp2Row = el('div', {});
      renderTex(
        bp2Row,
        `\\phantom{x_{${x + 1}}:}\\ ${texSym('\\delta', l, j, L)} = ${terms}\\cdot ${tex(sp)} = ${tex(dl)}`,
        true,
      );
      worked.append(bp1Row, bp2Row);
    }
    const mean = el('div', {});
    renderTex(
      mean,
      `${texSym('\\bar\\delta', l, j, L)} = \\tfrac{1}{${trace.n}}\\textstyle\\sum_x ${texSym('\\delta', l, j, L)}(x) = ${tex(store.deltaBar(l, j))}`,
      true,
    );
    worked.append(mean);
  };

  const render = () => {
    const m = marked();
    const L = store.L;
    prompt.textContent = t('hand.prompt', {
      d: deltaText(m.l, m.j, L, true),
      dx: deltaText(m.l, m.j, L),
      n: store.trace.n,
      rel: HAND_REL_TOL * 100,
      abs: String(HAND_ABS_TOL),
    });
    labelText.textContent = `${t('hand.answer', { d: deltaText(m.l, m.j, L, true) })} `;
    check.textContent = t('hand.check');
    hint.textContent = t('hand.hint', {
      dl: deltaText(L, 0, L),
      dx: deltaText(m.l, m.j, L),
      n: store.trace.n,
    });
    renderTable();
    if (last) feedback.textContent = t(last.key, last.params);
    if (!worked.hidden) renderWorked();
  };

  const say = (key: Parameters<typeof t>[0], params: Record<string, string> = {}) => {
    last = { key, params };
    feedback.textContent = t(key, params);
  };

  check.addEventListener('click', () => {
    const m = store.marked;
    if (!m) return;
    const v = parseAnswer(input.value);
    if (v === null) {
      say('hand.notNumber', { v: input.value.trim() || '—' });
      return;
    }
    const d = store.deltaBar(m.l, m.j);
    if (handClose(v, d)) {
      say('hand.right', { d: signed(d) });
      input.disabled = true;
      check.disabled = true;
      solved();
      return;
    }
    wrong++;
    say('hand.wrong', { v: signed(v), n: String(wrong) });
    hint.hidden = wrong < HINT_AFTER;
    if (wrong >= WORKED_AFTER && worked.hidden) {
      worked.hidden = false;
      renderWorked();
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') check.click();
  });
  onLangChange(render);
  return {
    root,
    reset() {
      store.marked = target(store);
      wrong = 0;
      last = null;
      input.value = '';
      input.disabled = false;
      check.disabled = false;
      feedback.textContent = '';
      hint.hidden = true;
      worked.hidden = true;
      render();
      store.select(store.marked.l, store.marked.j);
    },
  };
}
