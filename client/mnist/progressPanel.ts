import { BOOK_CHAPTER, MNIST_PRESETS, type MnistRunSpec } from '#shared/data/mnistTraining';
import { el, setText } from '../ui/format.ts';
import { LossCurve } from '../ui/lossCurve.ts';
import { mt } from './i18n.ts';

const pct = (x: number) => (x * 100).toFixed(2);

/**
 * How training goes: the test accuracy after each epoch beside the book's
 * figure for the same network and cost, the run's fingerprint, and the
 * mini-batch cost curve.
 */
export class ProgressPanel {
  readonly root: HTMLElement;
  private readonly list = el('ol', { class: 'mnist-epochs' });
  private readonly book = el('p', { class: 'note' });
  private readonly fingerprint = el('p', { class: 'note mnist-hash' });
  private readonly loss = new LossCurve();
  private epochs: { epoch: number; accuracy: number }[] = [];
  /** networkHash after the last epoch, as 8 hex digits ('' before the first). */
  hash = '';

  constructor() {
    this.root = el(
      'section',
      { class: 'mnist-progress' },
      el('h2', { 'data-mi18n': 'mnist.accuracy' }),
      this.list,
      this.book,
      this.fingerprint,
      el('figure', {}, this.loss.root, el('figcaption', { 'data-mi18n': 'mnist.lossCurve' })),
    );
  }

  get epochCount(): number {
    return this.epochs.length;
  }

  get lastAccuracy(): number | undefined {
    return this.epochs[this.epochs.length - 1]?.accuracy;
  }

  reset(): void {
    this.epochs = [];
    this.hash = '';
    this.loss.reset();
  }

  addLosses(points: [number, number][]): void {
    for (const [step, cost] of points) this.loss.push(step, cost);
    if (points.length) this.loss.draw();
  }

  addEpoch(epoch: number, accuracy: number, hash: number): void {
    this.epochs.push({ epoch, accuracy });
    this.hash = hash.toString(16).padStart(8, '0');
  }

  /** Text in the current language for this run's network and cost. */
  render(spec: MnistRunSpec): void {
    this.list.replaceChildren(
      ...(this.epochs.length
        ? this.epochs.map((e) =>
            el('li', {}, mt('mnist.accuracyLine', { n: e.epoch, acc: pct(e.accuracy) })),
          )
        : [el('li', { class: 'none' }, mt('mnist.noEpoch'))]),
    );
    const acc = pct(MNIST_PRESETS[spec.preset].book[spec.cost]);
    setText(this.book, mt('mnist.book', { acc, ch: BOOK_CHAPTER[spec.cost] }));
    setText(this.fingerprint, this.hash ? mt('mnist.fingerprint', { hash: this.hash }) : '');
  }
}
