import { type Prediction, PredictSign, type PredictSize, SIZES } from '#shared/game/prediction';
import { onLangChange, t } from '../i18n/index.ts';
import { el } from './format.ts';

/** The words for a prediction, in the page's language. */
export function predictionWords(p: Prediction): { sign: string; size: string } {
  return {
    sign: t(p.sign === PredictSign.Down ? 'predict.went.down' : 'predict.went.up'),
    size: t(`predict.size${p.size}`),
  };
}

/**
 * Predict, then nudge: the sign of ΔC and its decade, as big buttons, then
 * "Commit prediction". Once committed the choice is locked until `reset()`
 * (the next move); `committed` hands it to whoever holds the nudge back.
 */
export class PredictPanel {
  readonly root = el('section', { class: 'predict' });
  private sign: PredictSign | null = null;
  private size: PredictSize | null = null;
  prediction: Prediction | null = null;

  constructor(private readonly committed: (p: Prediction) => void) {
    this.render();
    onLangChange(() => this.render());
  }

  reset(): void {
    this.sign = null;
    this.size = null;
    this.prediction = null;
    this.render();
  }

  private choice(
    group: 'sign' | 'size',
    value: string,
    label: string,
    on: boolean,
    pick: () => void,
  ): HTMLButtonElement {
    const b = el('button', {
      type: 'button',
      class: `predict-choice${on ? ' chosen' : ''}`,
      'data-group': group,
      'data-value': value,
      'aria-pressed': String(on),
    });
    b.textContent = label;
    b.disabled = this.prediction !== null;
    b.addEventListener('click', () => {
      pick();
      this.render();
    });
    return b;
  }

  render(): void {
    const signs = el(
      'div',
      { class: 'predict-row', role: 'group', 'aria-label': t('predict.sign') },
      ...[PredictSign.Down, PredictSign.Up].map((s) =>
        this.choice(
          'sign',
          s,
          t(s === 'down' ? 'predict.down' : 'predict.up'),
          this.sign === s,
          () => {
            this.sign = s;
          },
        ),
      ),
    );
    const sizes = el(
      'div',
      { class: 'predict-row sizes', role: 'group', 'aria-label': t('predict.size') },
      ...SIZES.map((z) =>
        this.choice('size', String(z), t(`predict.size${z}`), this.size === z, () => {
          this.size = z;
        }),
      ),
    );
    const commit = el(
      'button',
      { type: 'button', class: 'primary predict-commit' },
      t('predict.commit'),
    );
    commit.disabled = this.prediction !== null || this.sign === null || this.size === null;
    commit.addEventListener('click', () => {
      if (this.sign === null || this.size === null) return;
      this.prediction = { sign: this.sign, size: this.size };
      this.render();
      this.committed(this.prediction);
    });
    const kept = this.prediction
      ? el(
          'p',
          { class: 'predict-kept', role: 'status' },
          t('predict.committed', predictionWords(this.prediction)),
        )
      : '';
    this.root.dataset['committed'] = String(this.prediction !== null);
    this.root.replaceChildren(
      el('h2', {}, t('predict.title')),
      el('p', { class: 'hint' }, t('predict.intro')),
      el('p', { class: 'predict-label' }, t('predict.sign')),
      signs,
      el('p', { class: 'predict-label' }, t('predict.size')),
      sizes,
      commit,
      kept,
    );
  }
}
