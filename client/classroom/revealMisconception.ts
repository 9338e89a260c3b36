import { MISCONCEPTION_LABEL } from '#shared/game/concepts/tags';
import type { Reveal } from '#shared/protocol/views';
import { lang, t } from '../i18n/index.ts';
import { el } from '../ui/format.ts';

/**
 * The reveal's one sentence on the class's most common misconception this
 * round, with the equation that corrects it and the round's numbers. A
 * self-contained block: a layout places it where it likes; nothing when no
 * move showed a misconception. KaTeX loads with it, not with the page.
 */
export function revealMisconception(r: Reveal): HTMLElement | null {
  const m = r.misconception;
  if (!m) return null;
  const zh = lang() === 'zh-CN';
  const root = el(
    'section',
    { class: 'reveal-misconception', 'data-tag': m.tag },
    el(
      'p',
      { class: 'reveal-misconception-head' },
      t('check.reveal.common', {
        tag: zh ? MISCONCEPTION_LABEL[m.tag].zh : MISCONCEPTION_LABEL[m.tag].en,
        count: m.count,
        n: r.classMoves.answered,
      }),
    ),
  );
  const text = el('p', { class: 'reveal-misconception-text' });
  const sentence = zh ? m.text.zh : m.text.en;
  // The sentence's source until KaTeX arrives: readable, if plainer.
  text.textContent = sentence.replace(/\$/g, '');
  root.append(text);
  void import('../ui/math.ts').then(({ renderRich }) => renderRich(text, sentence));
  return root;
}
