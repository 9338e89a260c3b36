import { backprop, cloneNet } from './net.mjs';
import { roundSeed, Sfc32 } from './rng.mjs';

/** Largest |w| or |b| a step may leave: past it the step is diverged (docs/engine.md). */
export const MAX_PARAMETER = 1e6;

const finite = (xs) => xs.every((v) => Number.isFinite(v));

/**
 * One step on these samples: w → w − η ∂C/∂w, b → b − η δ̄, all or nothing.
 * Diverged (nothing changes) when a z, C, δ̄ or ∂C/∂w is not finite or a new
 * parameter would pass ±MAX_PARAMETER.
 */
export function sgdStep(net, samples, eta) {
  const run = backprop(net, samples);
  const L = net.sizes.length - 1;
  if (!Number.isFinite(run.cost) || !run.fw.every((f) => f.z.slice(1).every(finite))) return false;
  for (let l = 1; l <= L; l++) if (!finite(run.deltaBar[l]) || !finite(run.gradW[l])) return false;
  for (let l = 1; l <= L; l++) {
    const w = net.w[l - 1];
    const b = net.b[l - 1];
    for (let i = 0; i < w.length; i++)
      if (!(Math.abs(w[i] - eta * run.gradW[l][i]) <= MAX_PARAMETER)) return false;
    for (let j = 0; j < b.length; j++)
      if (!(Math.abs(b[j] - eta * run.deltaBar[l][j]) <= MAX_PARAMETER)) return false;
  }
  for (let l = 1; l <= L; l++) {
    const w = net.w[l - 1];
    const b = net.b[l - 1];
    for (let i = 0; i < w.length; i++) w[i] -= eta * run.gradW[l][i];
    for (let j = 0; j < b.length; j++) b[j] -= eta * run.deltaBar[l][j];
  }
  return true;
}

/**
 * The training after round r, from what round:started published: `steps`
 * mini-batches of `batchSize` from an order 0…n−1 that is shuffled again
 * (in place) whenever what is left of it cannot fill one; stops at the
 * first diverged step. Returns the new network and the steps taken.
 */
export function trainAfterRound(net, data, training, round) {
  const own = cloneNet(net);
  const rng = new Sfc32(roundSeed(training.seed, round, 2));
  const order = data.map((_, i) => i);
  let pos = data.length;
  let steps = 0;
  for (let i = 0; i < training.steps; i++) {
    if (pos + training.batchSize > data.length) {
      rng.shuffle(order);
      pos = 0;
    }
    const batch = order.slice(pos, pos + training.batchSize).map((s) => data[s]);
    pos += training.batchSize;
    if (!sgdStep(own, batch, training.eta)) break;
    steps++;
  }
  return { net: own, steps };
}
