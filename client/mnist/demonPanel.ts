import { bestNudge } from '#shared/engine/search';
import { el, num, setText, signed } from '../ui/format.ts';
import { mt } from './i18n.ts';
import { type DemonMove, demonMove, type Reading } from './readDigit.ts';

/** Largest |Δz| the slider offers: enough to wake or silence any sigmoid neuron. */
export const DZ_MAX = 8;

/**
 * The demon at hidden neuron j of layer 2 (engine layer 1) for one test
 * digit: a Δz slider, the exact ΔC of this digit's cost beside δ·Δz, and what
 * the network reads after the nudge.
 */
export class DemonPanel {
  readonly root: HTMLElement;
  private readonly info = el('p', { class: 'demon-info' });
  private readonly slider = el('input', {
    type: 'range',
    id: 'mnist-dz',
    min: String(-DZ_MAX),
    max: String(DZ_MAX),
    step: '0.1',
    value: '0',
  });
  private readonly dzValue = el('output', { class: 'dz-value', for: 'mnist-dz' });
  private readonly deltaC = el('p', { class: 'demon-dc', 'aria-live': 'polite' });
  private readonly reads = el('p', { class: 'demon-reads', 'aria-live': 'polite' });
  private readonly best = el('p', { class: 'demon-best note' });
  private readonly help = el('p', { class: 'hint', 'data-mi18n': 'mnist.demonHelp' });
  private readonly zero = el('button', { type: 'button', 'data-mi18n': 'mnist.reset' });
  dz = 0;

  constructor(onChange: (dz: number) => void) {
    this.slider.setAttribute('aria-label', 'Δz');
    this.slider.addEventListener('input', () => {
      this.dz = Number(this.slider.value);
      onChange(this.dz);
    });
    this.zero.addEventListener('click', () => {
      this.setDz(0);
      onChange(0);
    });
    this.root = el(
      'section',
      { class: 'demon' },
      el('h2', { 'data-mi18n': 'mnist.demon' }),
      this.help,
      this.info,
      el(
        'div',
        { class: 'dz-row' },
        el('label', { for: 'mnist-dz' }, 'Δz'),
        this.slider,
        this.dzValue,
        this.zero,
      ),
      this.deltaC,
      this.reads,
      this.best,
    );
  }

  setDz(dz: number): void {
    this.dz = dz;
    this.slider.value = String(dz);
  }

  /**
   * The engine's certified best nudge of any hidden neuron with the same |Δz|
   * budget: how far this move is from the best one, as in the campaign.
   */
  private renderBest(reading: Reading): void {
    const eps = Math.abs(this.dz);
    if (eps === 0) {
      setText(this.best, '');
      return;
    }
    const hidden = reading.trace.net.sizes[1]!;
    const movable = Array.from({ length: hidden }, (_, j) => ({ l: 1, j }));
    const b = bestNudge(reading.trace, eps, movable);
    setText(
      this.best,
      mt('mnist.best', { eps: num(eps, 2), j: b.j + 1, dz: signed(b.dz, 2), dc: signed(b.deltaC) }),
    );
  }

  /** Shows the move for this reading; returns it so the picture can show the nudged outputs. */
  render(reading: Reading, j: number | undefined): DemonMove | undefined {
    const enabled = j !== undefined;
    this.slider.disabled = !enabled;
    this.zero.disabled = !enabled;
    setText(this.dzValue, signed(this.dz, 2));
    if (!enabled) {
      setText(this.info, mt('mnist.pickFirst'));
      setText(this.deltaC, '');
      setText(this.reads, '');
      setText(this.best, '');
      return undefined;
    }
    const { trace, label } = reading;
    setText(
      this.info,
      mt('mnist.picked', {
        j: j + 1,
        z: num(trace.z[1]![j]!),
        a: num(trace.a[1]![j]!),
        d: signed(trace.delta[1]![j]!),
      }),
    );
    const move = demonMove(reading, 1, j, this.dz);
    setText(
      this.deltaC,
      mt('mnist.deltaC', { dc: signed(move.deltaC), pred: signed(move.predictedDeltaC) }),
    );
    const before = trace.a[2]![label]!;
    const line = mt('mnist.reads', {
      p: move.reads,
      y: label,
      before: before.toFixed(3),
      after: move.aL[label]!.toFixed(3),
    });
    const fixed = move.reads === label && reading.predicted !== label;
    setText(this.reads, fixed ? `${line} ${mt('mnist.readsRight')}` : line);
    this.reads.dataset['reads'] = String(move.reads);
    this.reads.classList.toggle('good', move.reads === label);
    this.renderBest(reading);
    return move;
  }
}
