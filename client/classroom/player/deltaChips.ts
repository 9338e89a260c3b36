import { t } from '../../i18n/index.ts';
import type { PlayStore } from '../../state/playStore.ts';
import { el, num, setText, signed } from '../../ui/format.ts';
import { bookLayer, deltaText, symText } from '../../ui/notation.ts';

/** Layers wider than this lose their labels on a phone's short stage; the chips stand in for them. */
const CROWDED = 4;

/**
 * On a phone the stage has room for the labels of small layers only: for each
 * hidden layer of more than four neurons, the values the projector writes
 * under its neurons (δ̄ when δ is on show, else ā) as a row of chips, one per
 * neuron, in the book's numbering. A tap on a chip does what a tap on the
 * neuron does: picks it, or after the move shows it in the inspector. Hidden on wide screens, where the stage shows them.
 */
export class DeltaChips {
  readonly root = el('div', { class: 'delta-chips' });
  private builtFor = '';
  private chips: HTMLButtonElement[][] = [];

  constructor(private readonly store: PlayStore) {
    store.subscribe(() => this.render());
  }

  private build(): void {
    const s = this.store;
    const sizes = s.network.sizes;
    this.builtFor = sizes.join(',');
    this.chips = [];
    const rows: HTMLElement[] = [];
    for (let l = 1; l < sizes.length - 1; l++) {
      const n = sizes[l] ?? 0;
      const row: HTMLButtonElement[] = [];
      if (n > CROWDED) {
        for (let j = 0; j < n; j++) {
          const b = el('button', { type: 'button', class: 'delta-chip' });
          // As on the stage: a neuron that cannot be moved now can still be looked at.
          b.addEventListener('click', () => {
            if (s.locked || !s.pickable(l, j)) s.inspect(l, j);
            else s.select(l, j);
          });
          row.push(b);
        }
        rows.push(
          el(
            'div',
            {
              class: 'delta-row',
              role: 'group',
              'aria-label': t('cls.player.layerValues', { l: bookLayer(l) }),
            },
            ...row,
          ),
        );
      }
      this.chips.push(row);
    }
    this.root.replaceChildren(...rows);
    this.root.hidden = rows.length === 0;
  }

  private render(): void {
    const s = this.store;
    if (!s.network) return;
    if (this.builtFor !== s.network.sizes.join(',')) this.build();
    const L = s.network.sizes.length - 1;
    const mean = s.trace.n > 1;
    this.chips.forEach((row, i) => {
      const l = i + 1;
      row.forEach((b, j) => {
        // The stage's numbers, to its digits: the chips and the projector never disagree.
        const text = s.deltaVisible(l)
          ? `${deltaText(l, j, L, mean)} ${signed(s.deltaBar(l, j))}`
          : `${symText(mean ? 'ā' : 'a', l, j, L)} ${num(s.mean('a', l, j))}`;
        setText(b, text);
        b.classList.toggle('selected', s.selected?.l === l && s.selected?.j === j);
        b.classList.toggle('inspected', s.inspected?.l === l && s.inspected?.j === j);
      });
    });
  }
}
