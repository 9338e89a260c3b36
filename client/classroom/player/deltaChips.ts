import { t } from '../../i18n/index.ts';
import type { PlayStore } from '../../state/playStore.ts';
import { el, num, setText, signed } from '../../ui/format.ts';

/** Layers wider than this lose their labels on a phone's short stage; the chips stand in for them. */
const CROWDED = 4;

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUB = '₀₁₂₃₄₅₆₇₈₉';
const digits = (n: number, set: string) => [...String(n)].map((d) => set[Number(d)]).join('');

/** δ̄ of engine neuron (l, j) in the book's numbering: layer l + 1 (L at the output), neuron j + 1. */
function deltaName(l: number, j: number, L: number, mean: boolean): string {
  return `${mean ? 'δ̄' : 'δ'}${l === L ? 'ᴸ' : digits(l + 1, SUP)}${digits(j + 1, SUB)}`;
}

/**
 * On a phone the stage has room for the labels of small layers only: for each
 * hidden layer of more than four neurons, the values the projector writes
 * under its neurons (δ̄ when δ is on show, else ā) as a row of chips, one per
 * neuron, in the book's numbering. A tap on a chip picks its neuron, as a tap
 * on the neuron does. Hidden on wide screens, where the stage shows them.
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
          b.addEventListener('click', () => s.select(l, j));
          row.push(b);
        }
        rows.push(
          el(
            'div',
            {
              class: 'delta-row',
              role: 'group',
              'aria-label': t('cls.player.layerValues', { l: l + 1 }),
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
        const text = s.deltaVisible(l)
          ? `${deltaName(l, j, L, mean)} ${signed(s.deltaBar(l, j), 2)}`
          : `${mean ? 'ā' : 'a'}${digits(l + 1, SUP)}${digits(j + 1, SUB)} ${num(s.mean('a', l, j), 2)}`;
        setText(b, text);
        b.classList.toggle('selected', s.selected?.l === l && s.selected?.j === j);
        b.disabled = s.locked;
      });
    });
  }
}
