import {
  CONCEPT_INFO,
  type ConceptItem,
  formatNumber,
  MISCONCEPTION_LABEL,
  parseNumber,
  scoreItem,
} from '#shared/game/concepts/index';
import { el } from '../ui/format.ts';
import { renderRich } from '../ui/math.ts';
import { ct, pick } from './text.ts';

export interface QuestionHandlers {
  /** The student committed an answer (kept before the feedback shows). */
  answer(response: string | number): void;
  next(): void;
}

/** The right answer as the student would read it. */
function answerText(item: ConceptItem): string {
  if (item.format === 'numeric') return `$${formatNumber(item.answer as number)}$`;
  const o = item.options.find((x) => x.key === item.answer)!;
  return `${o.key}. ${pick(o.text)}`;
}

/**
 * One item on screen: the question, then the options (big tap targets) or a
 * number field; once answered, right or wrong, the right answer and the
 * misconception the wrong one points to. `given` shows an answer already kept.
 */
export function questionView(
  item: ConceptItem,
  index: number,
  total: number,
  given: string | number | undefined,
  last: boolean,
  on: QuestionHandlers,
): HTMLElement {
  const root = el('section', { class: 'cc-question', 'data-item': item.id });
  const head = el(
    'p',
    { class: 'cc-progress' },
    `${ct('concepts.progress', { i: index + 1, n: total })} · ${pick(CONCEPT_INFO[item.concept].title)}`,
  );
  const prompt = el('div', { class: 'cc-prompt' });
  renderRich(prompt, pick(item.prompt));
  const feedback = el('div', { class: 'cc-feedback', 'aria-live': 'polite' });
  const nextButton = el(
    'button',
    { type: 'button', class: 'primary cc-next' },
    ct(last ? 'concepts.finish' : 'concepts.next'),
  );
  nextButton.hidden = true;
  nextButton.addEventListener('click', () => on.next());
  root.append(head, prompt);

  const showFeedback = (response: string | number) => {
    const r = scoreItem(item, response);
    root.classList.add('answered');
    feedback.replaceChildren();
    const verdict = el('p', { class: r.correct ? 'cc-right' : 'cc-wrong' });
    renderRich(
      verdict,
      r.correct ? ct('concepts.right') : ct('concepts.wrong', { answer: answerText(item) }),
    );
    feedback.append(verdict);
    if (r.tags.length) {
      const why = el('p', { class: 'cc-tag' });
      why.textContent = ct('concepts.reveals', {
        tag: r.tags.map((t) => pick(MISCONCEPTION_LABEL[t])).join('; '),
      });
      feedback.append(why);
    }
    nextButton.hidden = false;
    nextButton.focus();
  };

  if (item.format === 'choice') {
    const list = el('div', { class: 'cc-options', role: 'group' });
    for (const o of item.options) {
      const b = el('button', { type: 'button', class: 'cc-option', 'data-key': o.key });
      const label = el('span', { class: 'cc-option-text' });
      renderRich(label, pick(o.text));
      b.append(el('span', { class: 'cc-key' }, o.key), label);
      b.addEventListener('click', () => {
        if (root.classList.contains('answered')) return;
        b.classList.add('chosen');
        for (const x of list.querySelectorAll('button')) x.setAttribute('disabled', '');
        list.querySelector(`[data-key="${String(item.answer)}"]`)?.classList.add('right');
        on.answer(o.key);
        showFeedback(o.key);
      });
      list.append(b);
    }
    root.append(list);
    if (given !== undefined)
      list.querySelector<HTMLButtonElement>(`[data-key="${String(given)}"]`)?.click();
  } else {
    const input = el('input', {
      class: 'cc-number',
      inputmode: 'decimal',
      autocomplete: 'off',
      'aria-label': ct('concepts.answerLabel'),
    });
    const check = el('button', { type: 'submit', class: 'primary' }, ct('concepts.check'));
    const hint = el('p', { class: 'cc-hint' });
    const tol = item.tolerance!;
    const band = Math.max(tol.abs, tol.rel * Math.abs(item.answer as number));
    renderRich(hint, ct('concepts.tolerance', { tol: `$${formatNumber(band)}$` }));
    const form = el('form', { class: 'cc-numeric' }, input, check);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (root.classList.contains('answered')) return;
      const x = parseNumber(input.value);
      if (x === null) {
        feedback.textContent = ct('concepts.notNumber');
        input.focus();
        return;
      }
      input.disabled = true;
      check.disabled = true;
      on.answer(x);
      showFeedback(x);
    });
    root.append(form, hint);
    if (given !== undefined) {
      input.value = String(given);
      form.requestSubmit();
    }
  }
  root.append(feedback, nextButton);
  return root;
}
