import { t } from '../../i18n/index.ts';
import { el, num } from '../../ui/format.ts';
import { LossCurve } from '../../ui/lossCurve.ts';

/** Milliseconds for the curve's newest segment to draw itself after training. */
const GROW_MS = 1500;

/** The session's loss curve, one point per round; a new point grows out of the last one. */
export class LossChart {
  readonly root: HTMLElement;
  private readonly curve = new LossCurve();
  private readonly caption: HTMLElement;
  private values: number[] = [];

  constructor() {
    this.curve.root.width = 640;
    this.curve.root.height = 220;
    this.caption = el('figcaption', {});
    this.root = el('figure', { class: 'loss-chart' }, this.curve.root, this.caption);
  }

  set(values: number[]): void {
    const grow = values.length === this.values.length + 1 && this.values.length > 0;
    const old = this.values;
    this.values = [...values];
    this.caption.textContent = `${t('cls.reveal.lossCurve')}${values.length ? ` · ${num(values[values.length - 1]!, 4)}` : ''}`;
    // One point is no curve yet: the caption carries its value.
    this.curve.root.hidden = values.length < 2;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!grow || reduce) {
      this.draw(values, values.length - 1);
      return;
    }
    const start = performance.now();
    const from = old[old.length - 1]!;
    const to = values[values.length - 1]!;
    const frame = () => {
      if (this.values.length !== values.length) return;
      const u = Math.min(1, (performance.now() - start) / GROW_MS);
      this.draw([...old, from + (to - from) * u], old.length - 1 + u);
      if (u < 1) requestAnimationFrame(frame);
    };
    frame();
  }

  /** Points at steps 0,1,…, the last one at `lastStep` (fractional while it grows). */
  private draw(values: number[], lastStep: number): void {
    this.curve.reset();
    values.forEach((v, i) => {
      this.curve.push(i === values.length - 1 ? lastStep : i, v);
    });
    this.curve.draw();
  }
}
