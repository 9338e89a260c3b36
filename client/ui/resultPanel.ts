import { lang, onLangChange, t } from '../i18n/index.ts';
import type { MoveResultView, PlayStore } from '../state/playStore.ts';
import { compareList } from './compareList.ts';
import { costPlot } from './costPlot.ts';
import { reasonText } from './feedback.ts';
import { el, num, signed, tex } from './format.ts';
import { renderTexSoon } from './math.ts';
import { texSym } from './notation.ts';
import { sampleBars } from './sampleBars.ts';

/** After a move: actual ΔC beside δΔz, quality, points, why, the best move and the gradient demon's. */
export class ResultPanel {
  readonly root: HTMLElement;
  readonly actions: HTMLDivElement;
  /** The result and language last drawn: a click that only inspects a neuron redraws nothing. */
  private drawn: { r: MoveResultView | null; lang: string; hidden: boolean } | null = null;

  constructor(private readonly store: PlayStore) {
    this.actions = el('div', { class: 'actions' });
    this.root = el('section', { class: 'result', 'aria-live': 'polite' });
    store.subscribe(() => this.render());
    onLangChange(() => this.render(true));
  }

  render(force = false): void {
    const r = this.store.result;
    const key = { r, lang: lang(), hidden: this.store.answerHidden };
    const d = this.drawn;
    if (!force && d && d.r === key.r && d.lang === key.lang && d.hidden === key.hidden) return;
    this.drawn = key;
    this.root.hidden = !r;
    if (!r) {
      this.root.replaceChildren();
      return;
    }
    const s = this.store;
    const L = s.L;
    const stat = (label: string, value: string, cls: string) =>
      el(
        'div',
        { class: `stat ${cls}` },
        el('span', { class: 'k' }, label),
        el('span', { class: 'v' }, value),
      );
    const grid = el(
      'div',
      { class: 'stats' },
      stat(t('result.actual'), signed(r.move.deltaC), r.move.deltaC > 0 ? 'bad' : 'good'),
      stat(
        t(r.move.k === undefined ? 'result.predicted' : 'result.predictedW'),
        signed(r.predicted),
        '',
      ),
      stat(t('result.quality'), num(r.quality, 2), ''),
      stat(t('result.points'), String(r.points), 'points'),
    );
    // Focusable: a long equation scrolls sideways, and a keyboard must be able to scroll it too.
    const eq = el('div', { class: 'equation', tabindex: '0' });
    const m = r.move;
    const sym =
      m.k === undefined
        ? `${texSym('\\bar\\delta', m.l, m.j, L)}\\,\\Delta z`
        : `\\tfrac{\\partial C}{\\partial w^{${m.l === L ? 'L' : m.l + 1}}_{${m.j + 1}${m.k + 1}}}\\,\\Delta w`;
    // The numbers above come first; the typeset line follows once they are on screen.
    renderTexSoon(
      eq,
      `\\Delta C \\approx ${sym} = (${tex(r.deltaBar)})(${tex(r.move.dz)}) = ${tex(r.predicted)};\\quad \\Delta C_{\\text{actual}} = ${tex(r.move.deltaC)}`,
    );
    const reason = reasonText(r, { L, bigger: s.answerHidden ? null : s.biggestDelta() });
    this.root.replaceChildren(grid, el('p', { class: 'reason' }, reason), eq);
    if (!s.answerHidden) this.root.append(compareList(r.best, r.gradient));
    this.root.append(costPlot(s.trace, r, s.eps, !s.answerHidden));
    if (r.sampleDeltaC && r.sampleDeltaC.length > 1) this.root.append(sampleBars(r.sampleDeltaC));
    this.root.append(this.actions);
    this.root.dataset['quality'] = String(r.quality);
  }
}
