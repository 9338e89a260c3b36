import { t } from '../i18n/index.ts';
import type { MoveMark } from '../state/playStore.ts';
import { COLORS, cssColor } from '../state/theme.ts';
import { el, signed } from './format.ts';
import { bookLayer, bookNeuron } from './notation.ts';

/** The move's neuron or weight in the book's numbering (input layer 1, neurons from 1). */
function who(m: MoveMark): string {
  return m.k === undefined
    ? t('play.neuron', { l: bookLayer(m.l), j: bookNeuron(m.j) })
    : t('play.weight', {
        l: bookLayer(m.l),
        j: bookNeuron(m.j),
        lp: bookLayer(m.l - 1),
        k: bookNeuron(m.k),
      });
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
        t(best.k === undefined ? 'result.best' : 'result.bestW', {
          who: who(best),
          dz: signed(best.dz),
          dc: signed(best.deltaC),
        }),
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
