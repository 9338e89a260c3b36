import { weightNudge } from '#shared/engine/index';
import { lang, onLangChange, t } from '../i18n/index.ts';
import { PickMode, type PlayStore } from '../state/playStore.ts';
import { el, setText, signed } from './format.ts';

/** Slider steps across the budget −ε…ε. */
const SLIDER_STEPS = 200;

/** The Δz (or Δw) slider, the live δΔz preview where δ is on show, and the submit button. */
export class MovePanel {
  readonly root: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly value: HTMLOutputElement;
  private readonly preview: HTMLParagraphElement;
  private readonly hint: HTMLParagraphElement;
  private readonly label: HTMLLabelElement;
  readonly submit: HTMLButtonElement;
  /** Set false to hold moves back (the hand-backprop level asks for δ first). */
  enabled = true;

  constructor(
    private readonly store: PlayStore,
    onSubmit: () => void,
  ) {
    this.slider = el('input', {
      type: 'range',
      id: 'dz-slider',
      class: 'dz-slider',
      min: String(-SLIDER_STEPS),
      max: String(SLIDER_STEPS),
      step: '1',
    });
    this.value = el('output', { class: 'dz-value', for: 'dz-slider' });
    this.label = el('label', { for: 'dz-slider' });
    this.preview = el('p', { class: 'preview' });
    this.hint = el('p', { class: 'hint' });
    this.submit = el('button', { type: 'button', class: 'primary submit' });
    this.root = el(
      'section',
      { class: 'move-panel' },
      this.hint,
      el('div', { class: 'dz-row' }, this.label, this.slider, this.value),
      this.preview,
      this.submit,
    );
    this.slider.addEventListener('input', () => {
      store.setDz((Number(this.slider.value) / SLIDER_STEPS) * store.eps);
    });
    this.submit.addEventListener('click', onSubmit);
    store.subscribe(() => this.render());
    onLangChange(() => this.render());
  }

  render(): void {
    const s = this.store;
    if (!s.network) return;
    const weight = s.mode === PickMode.Weight;
    const picked = weight ? s.selectedWeight !== null : s.selected !== null;
    const parts = [t(weight ? 'play.pickWeight' : 'play.pick')];
    // A level that opens only some layers says which, so the others' larger |δ̄| does not mislead.
    if (!weight && s.allowedLayers)
      parts.push(t('play.onlyLayers', { layers: s.allowedLayers.map((l) => l + 1).join(', ') }));
    // Keyboard hints only where there is likely a keyboard.
    if (!coarsePointer()) parts.push(t(weight ? 'play.keysW' : 'play.keys'));
    // Chinese sentences run on after 。 without a space.
    setText(this.hint, parts.join(lang() === 'zh-CN' ? '' : ' '));
    this.hint.hidden = picked || s.locked;
    setText(this.label, weight ? t('play.dw') : t('play.dz'));
    // Only what changed is written: this runs on every SGD step in the sandbox.
    const v = String(Math.round((s.dz / s.eps) * SLIDER_STEPS));
    if (this.slider.value !== v) this.slider.value = v;
    this.slider.disabled = s.locked || !picked;
    setText(this.value, signed(s.dz, 3));
    setText(this.submit, t('play.submit'));
    this.submit.disabled = s.locked || !picked || !this.enabled || s.dz === 0;
    const p = this.previewValue();
    setText(
      this.preview,
      p === null
        ? ''
        : weight
          ? t('play.previewW', { v: signed(p) })
          : t('play.preview', { v: signed(p) }),
    );
  }

  private previewValue(): number | null {
    const s = this.store;
    if (s.mode === PickMode.Neuron) return s.preview();
    const w = s.selectedWeight;
    if (!w || !s.deltaVisible(w.l)) return null;
    return weightNudge(s.trace, w.l, w.j, w.k, 0).gradient * s.dz;
  }
}

/** Asked once: a media query per render cost a dragging phone a millisecond a frame. */
const COARSE = globalThis.matchMedia?.('(pointer: coarse)');

function coarsePointer(): boolean {
  return COARSE?.matches ?? false;
}

/** Arrows pick a neuron, + and − set Δz, Enter submits; typing in a text field is left alone. */
export function bindKeys(store: PlayStore, submit: () => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const tag = target?.tagName;
    if (tag === 'SELECT' || tag === 'TEXTAREA') return;
    if (tag === 'INPUT' && (target as HTMLInputElement).type !== 'range') return;
    if (document.querySelector('.modal:not([hidden])')) return;
    const isNeuron =
      (target?.classList.contains('neuron') || target?.classList.contains('weight')) ?? false;
    // The same arrows pick a weight in weight mode (BP4 levels and the sandbox).
    const move = (dl: number, d: number) =>
      store.mode === PickMode.Weight
        ? store.moveWeightSelection(dl, d)
        : store.moveSelection(dl, d);
    switch (e.key) {
      case 'ArrowUp':
        move(0, -1);
        break;
      case 'ArrowDown':
        move(0, 1);
        break;
      case 'ArrowLeft':
        move(-1, 0);
        break;
      case 'ArrowRight':
        move(1, 0);
        break;
      case '+':
      case '=':
        store.stepDz(1);
        break;
      case '-':
      case '_':
        store.stepDz(-1);
        break;
      case 'Enter':
        // On a neuron not yet picked, Enter picks it (the button's own click), as a screen reader user expects.
        if (tag === 'BUTTON' && (!isNeuron || !target?.classList.contains('selected'))) return;
        submit();
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
