import { isActivation, isCost, isDataset } from '#shared/engine/index';
import { createPlayView } from '../game/playView.ts';
import { onLangChange, t } from '../i18n/index.ts';
import { PickMode } from '../state/playStore.ts';
import { el, num, signed } from '../ui/format.ts';
import { Heatmap } from '../ui/heatmap.ts';
import { LossCurve } from '../ui/lossCurve.ts';
import { sandboxControls } from './sandboxControls.ts';
import {
  SANDBOX_DEFAULTS,
  SANDBOX_LIMITS,
  SandboxRun,
  type SandboxSettings,
  stepsPerFrame,
} from './sandboxRun.ts';

export { SANDBOX_LIMITS, type SandboxSettings } from './sandboxRun.ts';

/** Reads sandbox settings from the query string, falling back to the defaults. */
export function settingsFromQuery(q: URLSearchParams): SandboxSettings {
  const d = SANDBOX_DEFAULTS;
  const ds = q.get('dataset');
  const act = q.get('activation');
  const cost = q.get('cost');
  const hidden = (q.get('layers') ?? d.hidden.join(','))
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= SANDBOX_LIMITS.maxLayerSize)
    .slice(0, SANDBOX_LIMITS.maxHidden);
  const eta = Number(q.get('eta') ?? d.eta);
  return {
    dataset: isDataset(ds) ? ds : d.dataset,
    hidden: hidden.length ? hidden : [...d.hidden],
    activation: isActivation(act) ? act : d.activation,
    cost: isCost(cost) ? cost : d.cost,
    eta: Number.isFinite(eta) && eta > 0 ? eta : d.eta,
    eps: d.eps,
  };
}

/** Milliseconds between repaints of the network, the loss, its curve and the boundary while SGD plays. */
const UI_MS = 100;

/**
 * The sandbox: the run's state (`SandboxRun`) and the views that render it —
 * controls, status, loss curve and boundary first (above the fold), then the
 * play view where any neuron or weight can be nudged at any time.
 */
export async function sandboxScreen(
  host: HTMLElement,
  initial: SandboxSettings,
  autoplay: boolean,
) {
  const run = new SandboxRun(initial);
  const view = createPlayView(() => keepNudge());
  const { store, side, walk } = view;
  const curve = new LossCurve();
  const heatmap = new Heatmap();
  const status = el('p', { class: 'sandbox-status', 'aria-live': 'polite' });
  const applied = el('p', { class: 'applied', 'aria-live': 'polite' });
  let uiAt = 0;
  const walkButton = el('button', { type: 'button', class: 'walk-open', 'data-i18n': 'walk.open' });
  // The step-through reads the network as it stands: training pauses while it plays.
  walkButton.addEventListener('click', () => {
    run.playing = false;
    render(true);
    // On a phone the panel goes right under the network, so both fit on the screen.
    if (matchMedia('(max-width: 800px)').matches) stageCol.insertBefore(view.passPanel.root, viz);
    else side.prepend(view.passPanel.root);
    walk.start(true);
  });

  const controls = sandboxControls({
    initial,
    rebuild: (next) => {
      run.build(next);
      load();
    },
    togglePlay: () => {
      run.playing = !run.playing;
      // Training moves every number the step-through shows: it ends when SGD plays.
      if (run.playing) walk.close();
      render(true);
    },
    step: () => {
      walk.close();
      run.train(1);
      render(true);
    },
    setEta: (eta) => run.setEta(eta),
    setMode: (mode) => store.setMode(mode),
  });

  const heatFig = el(
    'figure',
    { class: 'boundary' },
    el('figcaption', { 'data-i18n': 'sandbox.boundary' }),
    heatmap.root,
  );
  const viz = el(
    'div',
    { class: 'viz' },
    heatFig,
    el('figure', {}, el('figcaption', { 'data-i18n': 'sandbox.lossCurve' }), curve.root),
  );
  // The boundary and the loss curve sit under the network, so both stay above the fold.
  const stageCol = el('div', { class: 'stage-col' });
  view.stage.root.replaceWith(stageCol);
  stageCol.append(view.stage.root, viz);
  side.prepend(view.passPanel.root, controls.root, status);
  view.result.root.after(applied);
  host.append(
    el(
      'main',
      { class: 'play sandbox' },
      el('div', { class: 'play-head' }, el('h1', { 'data-i18n': 'sandbox.title' }), walkButton),
      view.root,
    ),
  );

  /** A nudge in the sandbox is kept: b += Δz (or w += Δw), and training goes on from there. */
  function keepNudge(): void {
    if (store.dz === 0) return;
    let dc: number;
    if (store.mode === PickMode.Neuron && store.selected) {
      dc = run.keepNeuronNudge(store.trace, store.selected, store.dz);
    } else if (store.mode === PickMode.Weight && store.selectedWeight) {
      dc = run.keepWeightNudge(store.trace, store.selectedWeight, store.dz);
    } else return;
    // The kept nudge changed the network the walk was reading.
    walk.close();
    applied.textContent = t('sandbox.applied', { dc: signed(dc) });
    const at = store.selected ?? store.selectedWeight;
    if (at) view.demon.react(at.l, at.j, store.dz, dc);
    render(true);
  }

  function load(): void {
    const mode = store.mode;
    store.load(run.network, run.shown, run.settings.eps, 'delta');
    if (mode !== store.mode) store.setMode(mode);
    curve.reset();
    heatFig.hidden = !run.is2d;
    if (run.is2d) heatmap.setup(run.network, ['and', 'or', 'xor'].includes(run.settings.dataset));
    applied.textContent = '';
    render(true);
  }

  const renderStatus = () => {
    const c = run.loss();
    const tr = run.trainer;
    status.textContent = `${t('sandbox.steps', { n: tr.steps })} · ${t('sandbox.loss', { c: num(c, 4) })}${tr.diverged ? ` · ${t('sandbox.diverged')}` : ''}`;
    status.dataset['loss'] = String(c);
    status.dataset['steps'] = String(tr.steps);
    controls.setPlaying(run.playing);
  };
  onLangChange(renderStatus);

  /**
   * Draws the run. While SGD plays, ten times a second: the network's trace,
   * its canvas labels and the inspector are refreshed together from one
   * trace, so they never show different numbers; the arithmetic runs every frame.
   */
  function render(now = false): void {
    const t0 = performance.now();
    if (!now && t0 - uiAt < UI_MS) return;
    uiAt = t0;
    store.refresh();
    curve.push(run.steps, run.loss());
    curve.draw();
    if (run.is2d) heatmap.draw(run.trainer.data);
    renderStatus();
  }

  const frame = () => {
    if (run.playing && !run.trainer.diverged) {
      run.train(stepsPerFrame(run.network.sizes));
      // Divergence stops the run: show it at once rather than at the next repaint.
      render(run.trainer.diverged);
    }
    requestAnimationFrame(frame);
  };

  load();
  run.playing = autoplay;
  renderStatus();
  requestAnimationFrame(frame);
  await view.game;
  return store;
}
