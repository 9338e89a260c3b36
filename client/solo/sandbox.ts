import {
  type ActivationName,
  applyBiasNudge,
  type CostName,
  createNetwork,
  DATASETS,
  type DatasetName,
  isActivation,
  isCost,
  isDataset,
  makeDataset,
  nudge,
  Rng,
  Trace,
  Trainer,
  weightNudge,
} from '#shared/engine/index';
import { drawBatch } from '#shared/game/puzzle';
import { createPlayView } from '../game/playView.ts';
import { onLangChange, t } from '../i18n/index.ts';
import { PickMode } from '../state/playStore.ts';
import { el, num, signed } from '../ui/format.ts';
import { Heatmap } from '../ui/heatmap.ts';
import { LossCurve } from '../ui/lossCurve.ts';
import { sandboxControls } from './sandboxControls.ts';

export interface SandboxSettings {
  dataset: DatasetName;
  hidden: number[];
  activation: ActivationName;
  cost: CostName;
  eta: number;
  eps: number;
}

/** Largest hidden layer and most hidden layers the sandbox offers (the bench runs the largest). */
export const SANDBOX_LIMITS = { maxLayerSize: 16, maxHidden: 3 } as const;

/** Reads sandbox settings from the query string, falling back to a small circle network. */
export function settingsFromQuery(q: URLSearchParams): SandboxSettings {
  const ds = q.get('dataset');
  const act = q.get('activation');
  const cost = q.get('cost');
  const hidden = (q.get('layers') ?? '4,4')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= SANDBOX_LIMITS.maxLayerSize)
    .slice(0, SANDBOX_LIMITS.maxHidden);
  const eta = Number(q.get('eta') ?? 2);
  return {
    dataset: isDataset(ds) ? ds : 'circle',
    hidden: hidden.length ? hidden : [4, 4],
    activation: isActivation(act) ? act : 'sigmoid',
    cost: isCost(cost) ? cost : 'quadratic',
    eta: Number.isFinite(eta) && eta > 0 ? eta : 2,
    eps: 0.5,
  };
}

/** Milliseconds between repaints of the loss, its curve and the boundary while SGD plays. */
const UI_MS = 100;

/** Samples the sandbox's view (and its nudges) works on. */
const DISPLAY_BATCH = 64;

/** Steps of SGD per animation frame: fewer on big networks so the frame stays short. */
function stepsPerFrame(sizes: readonly number[]): number {
  const weights = sizes.reduce((n, s, i) => (i === 0 ? 0 : n + s * sizes[i - 1]!), 0);
  return weights > 400 ? 1 : 4;
}

/** The sandbox: build any network, train it with SGD, nudge neurons or weights at any time. */
export async function sandboxScreen(
  host: HTMLElement,
  initial: SandboxSettings,
  autoplay: boolean,
) {
  let settings = initial;
  const view = createPlayView(() => apply());
  const { store, side } = view;
  const curve = new LossCurve();
  const heatmap = new Heatmap();
  const status = el('p', { class: 'sandbox-status', 'aria-live': 'polite' });
  const applied = el('p', { class: 'applied', 'aria-live': 'polite' });
  let trainer: Trainer | null = null;
  /** The whole data set, forward only: the loss the curve shows. */
  let full: Trace | null = null;
  let playing = false;
  let uiAt = 0;
  let rng = new Rng(1);

  /** A nudge in the sandbox is kept: b += Δz (or w += Δw), and training goes on from there. */
  const apply = () => {
    if (store.dz === 0) return;
    if (store.mode === PickMode.Neuron && store.selected) {
      const { l, j } = store.selected;
      const r = nudge(store.trace, l, j, store.dz);
      applyBiasNudge(store.network, l, j, store.dz);
      applied.textContent = t('sandbox.applied', { dc: signed(r.deltaC) });
    } else if (store.mode === PickMode.Weight && store.selectedWeight) {
      const { l, j, k } = store.selectedWeight;
      const r = weightNudge(store.trace, l, j, k, store.dz);
      store.network.w[l]![j * store.network.sizes[l - 1]! + k]! += store.dz;
      applied.textContent = t('sandbox.applied', { dc: signed(r.deltaC) });
    } else return;
    afterChange();
  };

  const controls = sandboxControls({
    initial,
    rebuild: (next) => {
      settings = next;
      build();
    },
    togglePlay: () => {
      playing = !playing;
      // On pause, bring the (throttled) boundary up to date.
      if (!playing) afterChange();
      else renderStatus();
    },
    step: () => {
      trainStep(1);
    },
    setEta: (eta) => {
      settings = { ...settings, eta };
      if (trainer) trainer.eta = eta;
    },
    setMode: (mode) => store.setMode(mode),
  });

  const is2d = () => DATASETS[settings.dataset].inputs === 2;
  const viz = el(
    'div',
    { class: 'viz' },
    el('figure', {}, el('figcaption', { 'data-i18n': 'sandbox.lossCurve' }), curve.root),
  );
  const heatFig = el(
    'figure',
    { class: 'boundary' },
    el('figcaption', { 'data-i18n': 'sandbox.boundary' }),
    heatmap.root,
  );
  viz.append(heatFig);
  side.prepend(controls.root, status);
  view.result.root.after(applied, viz);
  host.append(
    el(
      'main',
      { class: 'play sandbox' },
      el('div', { class: 'play-head' }, el('h1', { 'data-i18n': 'sandbox.title' })),
      view.root,
    ),
  );

  let lossAt = -1;
  let lossValue = Number.NaN;
  /** C over the whole data set, computed once per change. */
  const loss = (): number => {
    if (!full) return Number.NaN;
    if (lossAt !== store.version) {
      lossValue = full.forward();
      lossAt = store.version;
    }
    return lossValue;
  };

  const renderStatus = () => {
    const c = loss();
    status.textContent = `${t('sandbox.steps', { n: trainer?.steps ?? 0 })} · ${t('sandbox.loss', { c: num(c, 4) })}${trainer?.diverged ? ` · ${t('sandbox.diverged')}` : ''}`;
    status.dataset['loss'] = String(c);
    status.dataset['steps'] = String(trainer?.steps ?? 0);
    controls.setPlaying(playing);
  };
  onLangChange(renderStatus);

  function build(): void {
    rng = new Rng(1);
    const data = makeDataset(settings.dataset, rng);
    const spec = DATASETS[settings.dataset];
    const sizes = [spec.inputs, ...settings.hidden, spec.outputs];
    const net = createNetwork(
      {
        sizes,
        activations: [...settings.hidden.map(() => settings.activation), 'sigmoid'],
        cost: settings.cost,
      },
      rng,
    );
    trainer = new Trainer(net, data, { eta: settings.eta, batchSize: Math.min(10, data.n) }, rng);
    const mode = store.mode;
    full = new Trace(net, data.n).load(data);
    // The view and the nudges work on a sample of the data: cheap to redraw every frame.
    store.load(net, drawBatch(data, DISPLAY_BATCH, new Rng(2)), settings.eps, 'delta');
    if (mode !== store.mode) store.setMode(mode);
    curve.reset();
    heatFig.hidden = !is2d();
    if (is2d()) heatmap.setup(net, ['and', 'or', 'xor'].includes(settings.dataset));
    applied.textContent = '';
    afterChange();
  }

  function afterChange(): void {
    store.refresh();
    // While SGD plays, the loss, the curve and the boundary are repainted ten times a
    // second: repainting the page, not the arithmetic, is what a frame costs.
    const now = performance.now();
    if (playing && now - uiAt < UI_MS) return;
    uiAt = now;
    curve.push(trainer?.steps ?? 0, loss());
    curve.draw();
    if (is2d() && trainer) heatmap.draw(trainer.data);
    renderStatus();
  }

  function trainStep(k: number): void {
    if (!trainer || trainer.diverged) return;
    trainer.run(k);
    afterChange();
  }

  const frame = () => {
    if (playing) trainStep(stepsPerFrame(store.network.sizes));
    requestAnimationFrame(frame);
  };

  build();
  playing = autoplay;
  renderStatus();
  requestAnimationFrame(frame);
  await view.game;
  return store;
}
