import {
  type ActivationName,
  applyBiasNudge,
  applyWeightNudge,
  type Batch,
  type CostName,
  createNetwork,
  DATASETS,
  type DatasetName,
  makeDataset,
  type Network,
  nudge,
  Rng,
  Trace,
  Trainer,
  weightNudge,
} from '#shared/engine/index';
import { drawBatch } from '#shared/game/puzzle';
import type { NeuronRef, WeightRef } from '../state/playStore.ts';

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

/**
 * The first network a visitor sees: tanh hidden layers learn the circle in
 * about 200 SGD steps at η = 1 (accuracy 0.99; under a second of play), where
 * the old sigmoid default sat at C = 0.125 for some 2,500 steps.
 */
export const SANDBOX_DEFAULTS: SandboxSettings = {
  dataset: 'circle',
  hidden: [4, 4],
  activation: 'tanh',
  cost: 'quadratic',
  eta: 1,
  eps: 0.5,
};

/** Samples the sandbox's view (and its nudges) works on. */
const DISPLAY_BATCH = 64;

/** Steps of SGD per animation frame: fewer on big networks so the frame stays short. */
export function stepsPerFrame(sizes: readonly number[]): number {
  const weights = sizes.reduce((n, s, i) => (i === 0 ? 0 : n + s * sizes[i - 1]!), 0);
  return weights > 400 ? 1 : 4;
}

/**
 * The sandbox's state, without any DOM: the settings, the network SGD trains,
 * the whole data set's trace (the loss the curve shows), the sample the view
 * works on, and the nudges the player keeps. The sandbox view renders it.
 */
export class SandboxRun {
  settings: SandboxSettings;
  trainer!: Trainer;
  /** The whole data set, forward only: the loss the curve shows. */
  full!: Trace;
  /** The sample of the data set the play view shows and nudges are judged on. */
  shown!: Batch;
  playing = false;

  constructor(settings: SandboxSettings) {
    this.settings = settings;
    this.build(settings);
  }

  get network(): Network {
    return this.trainer.net;
  }

  get steps(): number {
    return this.trainer.steps;
  }

  get is2d(): boolean {
    return DATASETS[this.settings.dataset].inputs === 2;
  }

  /** A new network for the settings, from the same seed: the same settings give the same run. */
  build(settings: SandboxSettings): void {
    this.settings = settings;
    const rng = new Rng(1);
    const data = makeDataset(settings.dataset, rng);
    const spec = DATASETS[settings.dataset];
    const net = createNetwork(
      {
        sizes: [spec.inputs, ...settings.hidden, spec.outputs],
        activations: [...settings.hidden.map(() => settings.activation), 'sigmoid'],
        cost: settings.cost,
      },
      rng,
    );
    this.trainer = new Trainer(
      net,
      data,
      { eta: settings.eta, batchSize: Math.min(10, data.n) },
      rng,
    );
    this.full = new Trace(net, data.n).load(data);
    this.shown = drawBatch(data, DISPLAY_BATCH, new Rng(2));
  }

  setEta(eta: number): void {
    this.settings = { ...this.settings, eta };
    this.trainer.eta = eta;
  }

  /** k SGD steps (none once diverged: lower η first). */
  train(k: number): void {
    if (!this.trainer.diverged) this.trainer.run(k);
  }

  /** C over the whole data set, as the network stands. */
  loss(): number {
    return this.full.forward();
  }

  /** Keeps a neuron nudge: b^l_j += Δz (BP3); returns its exact ΔC on the shown sample. */
  keepNeuronNudge(trace: Trace, n: NeuronRef, dz: number): number {
    const r = nudge(trace, n.l, n.j, dz);
    applyBiasNudge(this.network, n.l, n.j, dz);
    return r.deltaC;
  }

  /** Keeps a weight nudge: w^l_jk += Δw; returns its exact ΔC on the shown sample. */
  keepWeightNudge(trace: Trace, w: WeightRef, dw: number): number {
    const r = weightNudge(trace, w.l, w.j, w.k, dw);
    applyWeightNudge(this.network, w.l, w.j, w.k, dw);
    return r.deltaC;
  }
}
