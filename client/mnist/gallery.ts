import { image, type MnistData, testIndex } from '#shared/data/mnist';
import { el } from '../ui/format.ts';
import { digitCanvas, drawDigit } from './digitImage.ts';
import { mt } from './i18n.ts';

/** Most misclassified digits drawn at once: a page of them, not hundreds of canvases. */
const SHOWN = 48;

/** The test digits the network reads wrong after the last epoch; clicking one shows it. */
export class Gallery {
  readonly root: HTMLElement;
  private readonly heading = el('h2');
  private readonly list = el('div', { class: 'mnist-gallery' });
  private readonly more = el('p', { class: 'note' });
  private wrong: number[] = [];
  private predicted: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly data: MnistData,
    private readonly onPick: (t: number) => void,
  ) {
    this.root = el('section', { class: 'wrong' }, this.heading, this.list, this.more);
    this.render();
  }

  set(wrong: number[], predicted: Uint8Array): void {
    this.wrong = wrong;
    this.predicted = predicted;
    this.list.replaceChildren();
    for (const t of wrong.slice(0, SHOWN)) {
      const c = digitCanvas('thumb');
      drawDigit(c, image(this.data, testIndex(this.data, t)));
      const b = el(
        'button',
        { type: 'button', class: 'wrong-digit', 'data-t': String(t) },
        c,
        el('span'),
      );
      b.addEventListener('click', () => this.onPick(t));
      this.list.append(b);
    }
    this.render();
  }

  /** Text in the current language. */
  render(): void {
    const n = this.wrong.length;
    this.heading.textContent = this.predicted.length
      ? mt('mnist.wrong', { n })
      : mt('mnist.wrongNone');
    for (const b of this.list.querySelectorAll<HTMLButtonElement>('button.wrong-digit')) {
      const t = Number(b.dataset['t']);
      const y = this.data.labels[testIndex(this.data, t)]!;
      const p = this.predicted[t]!;
      b.setAttribute('aria-label', mt('mnist.wrongItem', { n: t + 1, y, p }));
      b.querySelector('span')!.textContent = mt('mnist.wrongCaption', { y, p });
    }
    this.more.textContent = n > SHOWN ? mt('mnist.wrongMore', { n: n - SHOWN }) : '';
  }
}
