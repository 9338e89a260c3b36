import { onLangChange, t } from '../i18n/index.ts';
import type { MoveResultView, PlayStore } from '../state/playStore.ts';
import { compareList } from './compareList.ts';
import { el, magnitude, num, signed, tex } from './format.ts';
import { renderTex } from './math.ts';

/** The sentence that says why a move scored as it did, numbers filled in. */
export function reasonText(r: MoveResultView): string {
  const p = {
    d: signed(r.deltaBar),
    absd: magnitude(r.deltaBar),
    p: signed(r.predicted),
    a: signed(r.move.deltaC),
    sp: num(r.sigmaPrime),
    g: signed(r.deltaBar),
  };
  return t(`reason.${r.reason}`, p);
}

/** After a move: actual ΔC beside δΔz, quality, points, why, the best move and the gradient demon's. */
export class ResultPanel {
  readonly root: HTMLElement;
  readonly actions: HTMLDivElement;

  constructor(private readonly store: PlayStore) {
    this.actions = el('div', { class: 'actions' });
    this.root = el('section', { class: 'result', 'aria-live': 'polite' });
    store.subscribe(() => this.render());
    onLangChange(() => this.render());
  }

  render(): void {
    const r = this.store.result;
    this.root.hidden = !r;
    if (!r) {
      this.root.replaceChildren();
      return;
    }
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
      stat(t('result.predicted'), signed(r.predicted), ''),
      stat(t('result.quality'), num(r.quality, 2), ''),
      stat(t('result.points'), String(r.points), 'points'),
    );
    const eq = el('div', { class: 'equation' });
    const sym =
      r.move.k === undefined
        ? '\\bar\\delta\\,\\Delta z'
        : '\\tfrac{\\partial C}{\\partial w}\\,\\Delta w';
    renderTex(
      eq,
      `\\Delta C \\approx ${sym} = (${tex(r.deltaBar)})(${tex(r.move.dz)}) = ${tex(r.predicted)};\\quad \\Delta C_{\\text{actual}} = ${tex(r.move.deltaC)}`,
    );
    this.root.replaceChildren(grid, el('p', { class: 'reason' }, reasonText(r)), eq);
    if (!this.store.answerHidden) this.root.append(compareList(r.best, r.gradient));
    if (r.sampleDeltaC && r.sampleDeltaC.length > 1) this.root.append(sampleBars(r.sampleDeltaC));
    this.root.append(this.actions);
    this.root.dataset['quality'] = String(r.quality);
  }
}

/** One bar per sample: down (blue, solid) where the move helped, up (vermillion, dashed) where it hurt. */
function sampleBars(d: number[]): HTMLElement {
  const max = Math.max(...d.map(Math.abs), 1e-12);
  const bars = el('div', { class: 'bars' });
  for (const v of d) {
    const h = Math.max(1, (Math.abs(v) / max) * 28);
    const bar = el('span', {
      class: v > 0 ? 'bar hurt' : 'bar helped',
      style: `height:${h}px;${v > 0 ? 'bottom:50%' : 'top:50%'}`,
    });
    bars.append(el('span', { class: 'bar-wrap', title: signed(v) }, bar));
  }
  return el('figure', { class: 'samples' }, el('figcaption', {}, t('samples.title')), bars);
}
