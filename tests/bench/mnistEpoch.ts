// One epoch of the book's chapter 1 run on the packed digits: 8,000 training
// digits, [784,30,10], sigmoid, quadratic cost, η = 3, mini-batches of 10 —
// the engine's Trainer against a plain Float64Array loop written like the
// book's network.py (one sample at a time, gradients summed over the batch).
import { testBatch, trainBatch } from '#shared/data/mnist';
import {
  evaluate,
  MNIST_BATCH,
  MNIST_ETA,
  mnistTrainer,
  stepsPerEpoch,
} from '#shared/data/mnistTraining';
import type { Batch } from '#shared/engine/batch';
import { cloneNetwork, type Network } from '#shared/engine/network';
import { Rng } from '#shared/engine/rng';
import { bestNudge } from '#shared/engine/search';
import { Trace } from '#shared/engine/trace';
import { buildMnistLevel } from '#shared/game/mnistLevel';
import { readMnist } from '../../scripts/pack-mnist.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The reference: SGD over shuffled mini-batches, BP1–BP4 in plain loops, on a two-layer network. */
function referenceEpoch(net: Network, data: Batch, rng: Rng): void {
  const [n0, n1, n2] = net.sizes as [number, number, number];
  const w1 = net.w[1]!;
  const b1 = net.b[1]!;
  const w2 = net.w[2]!;
  const b2 = net.b[2]!;
  const gw1 = new Float64Array(w1.length);
  const gb1 = new Float64Array(n1);
  const gw2 = new Float64Array(w2.length);
  const gb2 = new Float64Array(n2);
  const a1 = new Float64Array(n1);
  const d1 = new Float64Array(n1);
  const a2 = new Float64Array(n2);
  const d2 = new Float64Array(n2);
  const order = rng.shuffle(Array.from({ length: data.n }, (_, i) => i));
  const k = MNIST_ETA.quadratic / MNIST_BATCH;
  for (let from = 0; from + MNIST_BATCH <= data.n; from += MNIST_BATCH) {
    gw1.fill(0);
    gb1.fill(0);
    gw2.fill(0);
    gb2.fill(0);
    for (let s = from; s < from + MNIST_BATCH; s++) {
      const x = order[s]! * n0;
      const y = order[s]! * n2;
      for (let j = 0; j < n1; j++) {
        let z = b1[j]!;
        for (let i = 0; i < n0; i++) z += w1[j * n0 + i]! * data.x[x + i]!;
        a1[j] = sigmoid(z);
      }
      for (let j = 0; j < n2; j++) {
        let z = b2[j]!;
        for (let i = 0; i < n1; i++) z += w2[j * n1 + i]! * a1[i]!;
        a2[j] = sigmoid(z);
        d2[j] = (a2[j]! - data.y[y + j]!) * a2[j]! * (1 - a2[j]!);
      }
      for (let i = 0; i < n1; i++) {
        let e = 0;
        for (let j = 0; j < n2; j++) e += w2[j * n1 + i]! * d2[j]!;
        d1[i] = e * a1[i]! * (1 - a1[i]!);
      }
      for (let j = 0; j < n2; j++) {
        gb2[j]! += d2[j]!;
        for (let i = 0; i < n1; i++) gw2[j * n1 + i]! += d2[j]! * a1[i]!;
      }
      for (let j = 0; j < n1; j++) {
        gb1[j]! += d1[j]!;
        const dj = d1[j]!;
        for (let i = 0; i < n0; i++) gw1[j * n0 + i]! += dj * data.x[x + i]!;
      }
    }
    for (let i = 0; i < w1.length; i++) w1[i]! -= k * gw1[i]!;
    for (let i = 0; i < n1; i++) b1[i]! -= k * gb1[i]!;
    for (let i = 0; i < w2.length; i++) w2[i]! -= k * gw2[i]!;
    for (let i = 0; i < n2; i++) b2[i]! -= k * gb2[i]!;
  }
}

/** Prints seconds per epoch for both, alternating three times, with the accuracy each reaches. */
export function mnistEpochBench(): void {
  const data = readMnist();
  const train = trainBatch(data);
  const test = testBatch(data);
  const engine: number[] = [];
  const reference: number[] = [];
  let accE = 0;
  let accR = 0;
  for (let rep = 0; rep < 3; rep++) {
    const trainer = mnistTrainer(train, { preset: 'small', cost: 'quadratic', seed: 1 + rep });
    const ref = cloneNetwork(trainer.net);
    let t0 = performance.now();
    trainer.run(stepsPerEpoch(train));
    engine.push((performance.now() - t0) / 1000);
    t0 = performance.now();
    referenceEpoch(ref, train, new Rng(100 + rep));
    reference.push((performance.now() - t0) / 1000);
    accE = evaluate(trainer.net, test).accuracy;
    accR = evaluate(ref, test).accuracy;
  }
  const best = (xs: number[]) => Math.min(...xs).toFixed(3);
  console.log('');
  console.log(
    `MNIST epoch, 8,000 digits, [784,30,10], batch 10 (best of 3): engine ${best(engine)} s, plain Float64Array loop ${best(reference)} s; test accuracy after it ${(accE * 100).toFixed(2)} % / ${(accR * 100).toFixed(2)} %`,
  );
}

/**
 * What the MNIST level costs the player's machine before it starts (one epoch
 * and the search for its digit, done in a worker in the page) and per move
 * (the certified best nudge over the 30 hidden neurons that scores it).
 */
export function mnistLevelBench(): void {
  const data = readMnist();
  const builds: number[] = [];
  let level = buildMnistLevel(data);
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    level = buildMnistLevel(data);
    builds.push((performance.now() - t0) / 1000);
  }
  const trace = new Trace(level.network, 1).load(level.batch).run();
  const searches: number[] = [];
  for (let rep = 0; rep < 20; rep++) {
    const t0 = performance.now();
    bestNudge(trace, level.eps, level.movable);
    searches.push(performance.now() - t0);
  }
  searches.sort((a, b) => a - b);
  console.log(
    `MNIST level: built in ${Math.min(...builds).toFixed(3)} s (best of 3: one epoch, then the first misread test digit the |δ| rule fixes in exactly ${level.moves} moves, digit ${level.test + 1}); certified best move over its ${level.movable.length} hidden neurons ${searches[10]!.toFixed(2)} ms (median of 20), worst ${searches[19]!.toFixed(2)} ms`,
  );
}
