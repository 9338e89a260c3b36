import { CONCEPT_INFO, formatNumber, parseNumber } from '#shared/game/concepts/index';
import type { CheckItemWire, CheckSheet } from '#shared/protocol/check';
import { lang, t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';
import { renderRich } from '../../ui/math.ts';
import './check.css';

/** What the phone does with an answer: the page sends it and redraws with the sheet the ack leaves. */
export type AnswerItem = (itemId: string, response: string | number) => void;

const pick = (text: { en: string; zh: string }) => (lang() === 'zh-CN' ? text.zh : text.en);

/** The first item of the sheet without an answer (the check goes in order, one screen each). */
export function nextItem(sheet: CheckSheet): { item: CheckItemWire; index: number } | null {
  const index = sheet.items.findIndex((i) => !Object.hasOwn(sheet.answers, i.id));
  return index < 0 ? null : { item: sheet.items[index]!, index };
}

/**
 * One question of the class check: the prompt (KaTeX), then the options as
 * big buttons or a number field. No right or wrong is shown: the check
 * measures what the student knows before and after, it does not teach.
 * `sending` greys the controls while an answer is on its way.
 */
export function checkPanel(
  sheet: CheckSheet,
  sending: boolean,
  note: string,
  answer: AnswerItem,
): HTMLElement {
  const root = el('section', { class: 'player-check card', 'data-kind': sheet.kind });
  const at = nextItem(sheet);
  const n = sheet.items.length;
  const done = n - (at ? n - at.index : 0);
  root.append(el('h1', {}, t(sheet.kind === 'pre' ? 'check.title.pre' : 'check.title.post')));
  const bar = el('div', { class: 'check-bar', role: 'img', 'aria-label': `${done} / ${n}` });
  bar.append(el('span', { style: `width:${(100 * done) / n}%` }));
  if (!at) {
    root.append(bar, el('p', { class: 'check-done big-note' }, t(`check.done.${sheet.kind}`)));
    return root;
  }
  const { item, index } = at;
  if (index === 0)
    root.append(
      el('p', { class: 'note' }, t(sheet.kind === 'pre' ? 'check.intro.pre' : 'check.intro.post')),
    );
  const prompt = el('div', { class: 'check-prompt' });
  renderRich(prompt, pick(item.prompt));
  const status = el('p', { class: note ? 'check-note error-text' : 'check-note', role: 'status' });
  status.textContent = note || (sending ? t('check.sending') : '');
  root.append(
    bar,
    el(
      'p',
      { class: 'check-progress' },
      `${t('check.progress', { i: index + 1, n })} · ${pick(CONCEPT_INFO[item.concept].title)}`,
    ),
    prompt,
  );
  root.dataset['item'] = item.id;
  if (item.format === 'choice') {
    const list = el('div', { class: 'check-options', role: 'group' });
    for (const o of item.options) {
      const b = el('button', { type: 'button', class: 'check-option', 'data-key': o.key });
      const label = el('span', {});
      renderRich(label, pick(o.text));
      b.append(el('span', { class: 'check-key' }, o.key), label);
      b.disabled = sending;
      b.addEventListener('click', () => answer(item.id, o.key));
      list.append(b);
    }
    root.append(list);
  } else {
    const input = el('input', {
      class: 'check-number',
      inputmode: 'decimal',
      autocomplete: 'off',
      'aria-label': t('check.answerLabel'),
    });
    const save = el('button', { type: 'submit', class: 'primary' }, t('check.save'));
    input.disabled = sending;
    save.disabled = sending;
    const form = el('form', { class: 'check-numeric' }, input, save);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const x = parseNumber(input.value);
      if (x === null) {
        status.textContent = t('check.notNumber');
        input.focus();
        return;
      }
      answer(item.id, x);
    });
    const hint = el('p', { class: 'check-hint' });
    const tol = item.tolerance ?? { abs: 0, rel: 0 };
    const abs = `$${formatNumber(tol.abs)}$`;
    renderRich(
      hint,
      tol.rel > 0
        ? t('check.toleranceRel', { abs, rel: formatNumber(100 * tol.rel) })
        : t('check.tolerance', { tol: abs }),
    );
    root.append(form, hint);
  }
  root.append(status);
  return root;
}
