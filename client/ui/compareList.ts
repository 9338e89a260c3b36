import { t } from '../i18n/index.ts';
import type { MoveMark } from '../state/playStore.ts';
import { COLORS, cssColor } from '../state/theme.ts';
import { el, signed } from './format.ts';

function who(m: MoveMark): string {
  return m.k === undefined
    ? t('play.neuron', { l: m.l, j: m.j + 1 })
    : t('play.weight', { l: m.l, j: m.j + 1, lp: m.l - 1, k: m.k + 1 });
}

/** The best move and the gradient demon's, each beside its colour on the network; solo and projector alike. */
export function compareList(best: MoveMark | null, gradient: MoveMark | null): HTMLUListElement {
  const legend = (color: number, text: string) =>
    el('li', {}, el('span', { class: 'swatch', style: `border-color:${cssColor(color)}` }), text);
  const lines = el('ul', { class: 'compare' });
  if (best) {
    lines.append(
      legend(
        COLORS.best,
        t('result.best', { who: who(best), dz: signed(best.dz), dc: signed(best.deltaC) }),
      ),
    );
  }
  if (gradient) {
    lines.append(
      legend(
        COLORS.gradient,
        t('result.gradient', {
          who: who(gradient),
          dz: signed(gradient.dz),
          dc: signed(gradient.deltaC),
        }),
      ),
    );
  }
  return lines;
}
