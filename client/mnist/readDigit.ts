import { argmax } from '#shared/data/mnistTraining';
import type { Batch } from '#shared/engine/batch';
import { cloneNetwork, depth, type Network } from '#shared/engine/network';
import { applyBiasNudge, nudge } from '#shared/engine/nudge';
import { Trace } from '#shared/engine/trace';

/** One digit through the network: every z, a and δ for it (a batch of one). */
export interface Reading {
  trace: Trace;
  /** The digit with the largest a^L. */
  predicted: number;
  /** The digit written. */
  label: number;
  test: Batch;
  t: number;
}

/** Forward and backward on test image t alone: C is that digit's C_x. */
export function readDigit(net: Network, test: Batch, t: number): Reading {
  const trace = new Trace(net, 1).load(test, [t]);
  trace.run();
  const L = depth(net);
  return {
    trace,
    predicted: argmax(trace.a[L]!, 0, 10),
    label: argmax(test.y, t * 10, 10),
    test,
    t,
  };
}

export interface DemonMove {
  /** Exact ΔC of this digit's cost, and the first-order guess δ·Δz. */
  deltaC: number;
  predictedDeltaC: number;
  /** a^L after z^2_j += Δz, and the digit it now reads. */
  aL: Float64Array;
  reads: number;
}

/**
 * The demon adds Δz to z_j of hidden layer l (engine index) for this digit:
 * the engine's exact ΔC beside δΔz, and a^L recomputed with b_j += Δz, which
 * for a single digit is the same change (BP3).
 */
export function demonMove(reading: Reading, l: number, j: number, dz: number): DemonMove {
  const { trace } = reading;
  const r = nudge(trace, l, j, dz);
  const net = cloneNetwork(trace.net);
  applyBiasNudge(net, l, j, dz);
  const moved = new Trace(net, 1).load(reading.test, [reading.t]);
  moved.forward();
  const aL = moved.a[depth(net)]!.slice(0, 10);
  return { deltaC: r.deltaC, predictedDeltaC: r.predicted, aL, reads: argmax(aL, 0, 10) };
}
