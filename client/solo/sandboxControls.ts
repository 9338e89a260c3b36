import {
  ACTIVATIONS,
  type ActivationName,
  COSTS,
  type CostName,
  DATASETS,
  type DatasetName,
  isDataset,
} from '#shared/engine/index';
import { type MessageKey, onLangChange, t } from '../i18n/index.ts';
import { PickMode } from '../state/playStore.ts';
import { el } from '../ui/format.ts';
import type { SandboxSettings } from './sandboxRun.ts';

interface Handlers {
  initial: SandboxSettings;
  rebuild(s: SandboxSettings): void;
  togglePlay(): void;
  step(): void;
  setEta(eta: number): void;
  setMode(mode: PickMode): void;
}

function select<T extends string>(
  id: string,
  values: readonly T[],
  key: (v: T) => MessageKey,
  value: T,
) {
  const s = el('select', { id });
  const fill = () => {
    s.replaceChildren(...values.map((v) => el('option', { value: v }, t(key(v)))));
    s.value = value;
  };
  fill();
  onLangChange(() => {
    value = s.value as T;
    fill();
  });
  return s;
}

/** The last data-set choice: real MNIST digits, trained in a page of their own (the lab, client/mnist). */
const MNIST_CHOICE = 'mnist';

/** The sandbox's form: data set, hidden layers, activation, cost, η, and play/pause/step. */
export function sandboxControls(h: Handlers) {
  const i = h.initial;
  const dataset = select<DatasetName | typeof MNIST_CHOICE>(
    'sb-dataset',
    [...(Object.keys(DATASETS) as DatasetName[]), MNIST_CHOICE],
    (v) => `ds.${v}`,
    i.dataset,
  );
  // 10,000 digits, a [784,30,10] and a worker do not fit this page: the lab loads them on demand.
  dataset.addEventListener('change', () => {
    if (dataset.value === MNIST_CHOICE) location.assign('mnist/');
  });
  const layers = el('input', {
    id: 'sb-layers',
    type: 'text',
    value: i.hidden.join(','),
    inputmode: 'numeric',
  });
  const act = select<ActivationName>('sb-act', ACTIVATIONS, (v) => `opt.${v}`, i.activation);
  const cost = select<CostName>('sb-cost', COSTS, (v) => `opt.${v}`, i.cost);
  const eta = el('input', {
    id: 'sb-eta',
    type: 'number',
    min: '0.001',
    max: '100',
    step: '0.1',
    value: String(i.eta),
  });
  const eps = el('input', {
    id: 'sb-eps',
    type: 'number',
    min: '0.01',
    max: '10',
    step: '0.1',
    value: String(i.eps),
  });
  const error = el('p', { class: 'error', 'aria-live': 'polite' });
  const rebuild = el('button', {
    type: 'button',
    class: 'rebuild',
    'data-i18n': 'sandbox.rebuild',
  });
  const play = el('button', { type: 'button', class: 'primary play-toggle' });
  const step = el('button', { type: 'button', class: 'step', 'data-i18n': 'sandbox.step' });
  const modeNeuron = el('input', { type: 'radio', name: 'sb-mode', value: 'neuron', checked: '' });
  const modeWeight = el('input', { type: 'radio', name: 'sb-mode', value: 'weight' });
  let playing = false;
  const field = (key: MessageKey, input: HTMLElement) =>
    el('label', { class: 'field' }, el('span', { 'data-i18n': key }), input);
  const root = el(
    'section',
    { class: 'sandbox-controls' },
    el(
      'div',
      { class: 'fields' },
      field('sandbox.dataset', dataset),
      field('sandbox.layers', layers),
      field('sandbox.activation', act),
      field('sandbox.cost', cost),
      field('sandbox.eta', eta),
      field('sandbox.eps', eps),
    ),
    error,
    el('div', { class: 'actions' }, rebuild, play, step),
    el(
      'div',
      { class: 'modes' },
      el('label', {}, modeNeuron, el('span', { 'data-i18n': 'sandbox.nudgeNeuron' })),
      el('label', {}, modeWeight, el('span', { 'data-i18n': 'sandbox.nudgeWeight' })),
    ),
  );
  const read = (): SandboxSettings | null => {
    const hidden = layers.value.split(',').map((s) => Number(s.trim()));
    if (hidden.length > 3 || hidden.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) {
      error.textContent = t('sandbox.badLayers');
      return null;
    }
    error.textContent = '';
    const e = Number(eta.value);
    const b = Number(eps.value);
    return {
      dataset: isDataset(dataset.value) ? dataset.value : i.dataset,
      hidden,
      activation: act.value as ActivationName,
      cost: cost.value as CostName,
      eta: Number.isFinite(e) && e > 0 ? e : 1,
      eps: Number.isFinite(b) && b > 0 ? b : 0.5,
    };
  };
  rebuild.addEventListener('click', () => {
    const s = read();
    if (s) h.rebuild(s);
  });
  play.addEventListener('click', h.togglePlay);
  step.addEventListener('click', h.step);
  eta.addEventListener('change', () => {
    const e = Number(eta.value);
    if (Number.isFinite(e) && e > 0) h.setEta(e);
  });
  modeNeuron.addEventListener('change', () => h.setMode(PickMode.Neuron));
  modeWeight.addEventListener('change', () => h.setMode(PickMode.Weight));
  const renderPlay = () => {
    play.textContent = playing ? t('sandbox.pause') : t('sandbox.play');
  };
  onLangChange(renderPlay);
  return {
    root,
    setPlaying(on: boolean) {
      playing = on;
      renderPlay();
    },
  };
}
