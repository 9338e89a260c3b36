import { onLangChange, t } from '../i18n/index.ts';
import type { PlayStore } from '../state/playStore.ts';
import { el, signed } from '../ui/format.ts';

/** An answer is right within 10% of |δ̄| (or 5·10⁻⁴, for tiny δ). */
function close(v: number, d: number): boolean {
  return Math.abs(v - d) <= Math.max(0.1 * Math.abs(d), 5e-4);
}

/** Hand backprop: the player types δ̄ of the marked hidden neuron before any nudge. */
export function handPanel(store: PlayStore, solved: () => void) {
  const prompt = el('p', {});
  const input = el('input', {
    type: 'text',
    inputmode: 'decimal',
    class: 'hand-input',
    autocomplete: 'off',
  });
  const label = el('label', {}, el('span', {}), input);
  const check = el('button', { type: 'button', class: 'check' });
  const feedback = el('p', { class: 'hand-feedback', 'aria-live': 'polite' });
  const root = el('section', { class: 'hand' }, prompt, label, check, feedback);
  const target = () => {
    let best = { l: 1, j: 0 };
    const L = store.L;
    for (let l = 1; l < L; l++)
      for (let j = 0; j < store.network.sizes[l]!; j++)
        if (Math.abs(store.deltaBar(l, j)) > Math.abs(store.deltaBar(best.l, best.j)))
          best = { l, j };
    return best;
  };
  const render = () => {
    const m = store.marked ?? target();
    prompt.textContent = t('hand.prompt', { l: m.l, j: m.j + 1 });
    label.firstElementChild!.textContent = `${t('hand.answer')} `;
    check.textContent = t('hand.check');
  };
  check.addEventListener('click', () => {
    const m = store.marked;
    if (!m) return;
    const v = Number(input.value.replace('−', '-').replace(',', '.'));
    const d = store.deltaBar(m.l, m.j);
    if (Number.isFinite(v) && input.value.trim() !== '' && close(v, d)) {
      feedback.textContent = t('hand.right', { d: signed(d) });
      input.disabled = true;
      check.disabled = true;
      solved();
    } else {
      feedback.textContent = t('hand.wrong', { v: input.value || '—' });
    }
  });
  onLangChange(render);
  return {
    root,
    reset() {
      store.marked = target();
      input.value = '';
      input.disabled = false;
      check.disabled = false;
      feedback.textContent = '';
      render();
      store.select(store.marked.l, store.marked.j);
    },
  };
}
