import type { MnistRunSpec } from '#shared/data/mnistTraining';

/** What the page asks of the training worker. */
export type ToWorker =
  /** The packed digits, once (the worker parses and checks them again: it trusts no one). */
  | { type: 'data'; bytes: ArrayBuffer }
  /**
   * A new network from this spec, untrained; training stops. `run` numbers it:
   * the worker tags every report with it, so the page can drop reports about
   * an earlier network that were already on their way.
   */
  | { type: 'reset'; spec: MnistRunSpec; run: number }
  /** Train until the end of epoch `until` (counted from 1). */
  | { type: 'train'; until: number }
  | { type: 'pause' };

/** The network's parameters, layers 1…L (index 0 empty), copied out of the worker. */
export interface Params {
  w: Float64Array[];
  b: Float64Array[];
}

/** What the worker reports: snapshots a few times a second, and a test after each epoch. */
export type FromWorker =
  | {
      type: 'snapshot';
      run: number;
      /** SGD steps done, and whether more are coming. */
      steps: number;
      running: boolean;
      /** [steps, mean mini-batch cost C] for each chunk of steps since the last snapshot. */
      losses: [number, number][];
      params: Params;
    }
  | {
      type: 'epoch';
      run: number;
      /** Epochs done, from 1. */
      epoch: number;
      accuracy: number;
      cost: number;
      /** The digit read for each test image, and the test images read wrong. */
      predicted: Uint8Array;
      wrong: number[];
      /** networkHash of the parameters after this epoch. */
      hash: number;
      params: Params;
    }
  | { type: 'error'; message: string };
