import { image, type MnistData, testBatch, testIndex, trainBatch } from '../data/mnist.ts';
import { argmax, evaluate, mnistTrainer, networkHash } from '../data/mnistTraining.ts';
import { type Batch, subBatch } from '../engine/batch.ts';
import { cloneNetwork, type Network } from '../engine/network.ts';
import { applyBiasNudge } from '../engine/nudge.ts';
import type { NeuronRef } from '../engine/search.ts';
import { Trace } from '../engine/trace.ts';

/**
 * The campaign's last level, on the book's own network: a [784,30,10] trained
 * briefly on the packed digits, and one test digit it reads wrong. The player
 * nudges hidden neurons (layer 2 in the book's numbering) a few times to make
 * it read the digit right. The output's δ^L and BP2,
 * δ^2 = ((w^3)ᵀ δ^3) ⊙ σ'(z^2), say which hidden neuron matters for this digit.
 */
export interface MnistLevelSpec {
  /** Seed of the network and of its mini-batch order. */
  seed: number;
  /** Epochs of the book's SGD (η = 3, batches of 10): one gives about 90 %, leaving digits to fix. */
  epochs: number;
  /** Budget ε of each move, and the moves the player has. */
  eps: number;
  moves: number;
}

/** One epoch (about 1 s in Node, similar in a browser worker), ε = 1, three moves. */
export const MNIST_LEVEL: MnistLevelSpec = { seed: 1, epochs: 1, eps: 1, moves: 3 };

export interface MnistLevelPuzzle {
  network: Network;
  /** The one test digit, as a batch of one with its one-hot target. */
  batch: Batch;
  /** Which test digit (from 0), its 28×28 pixels, the digit written and the digit read. */
  test: number;
  pixels: Uint8Array;
  label: number;
  reads: number;
  eps: number;
  moves: number;
  /** The hidden neurons the player may move (engine indices: layer 1, neurons 0…29). */
  movable: NeuronRef[];
  /** networkHash of the trained network: a cache key, and a check that a cached copy is this one. */
  hash: number;
}

/**
 * The chapter's reasoning as a player: each move at the hidden neuron with the
 * largest |δ| for this digit, Δz = −ε·sign(δ), kept as b_j += Δz (BP3).
 * Returns the move after which the network reads the digit right (1…moves),
 * or 0 if it still reads it wrong.
 */
export function movesToFix(net: Network, batch: Batch, eps: number, moves: number): number {
  const n = cloneNetwork(net);
  const label = argmax(batch.y, 0, batch.nOut);
  for (let m = 1; m <= moves; m++) {
    const trace = new Trace(n, 1).load(batch).run();
    const d = trace.deltaBar[1]!;
    let j = 0;
    for (let k = 1; k < d.length; k++) if (Math.abs(d[k]!) > Math.abs(d[j]!)) j = k;
    applyBiasNudge(n, 1, j, d[j]! > 0 ? -eps : eps);
    const after = new Trace(n, 1).load(batch);
    after.forward();
    if (argmax(after.a[2]!, 0, batch.nOut) === label) return m;
  }
  return 0;
}

/** SGD steps between two progress reports while the level trains (a twentieth of an epoch). */
const PROGRESS_STEPS = 40;

/**
 * Trains the level's network and picks its digit, deterministically: the first
 * misclassified test digit that the |δ| rule fixes in exactly `moves` moves —
 * not sooner, so every move counts, and not never, so the rule is enough.
 * Pure: the same data and spec give the same puzzle (cache it by `hash`);
 * `onTrained` hears the share of the training done, for a progress bar.
 */
export function buildMnistLevel(
  data: MnistData,
  spec: MnistLevelSpec = MNIST_LEVEL,
  onTrained?: (fraction: number) => void,
): MnistLevelPuzzle {
  const train = trainBatch(data);
  const test = testBatch(data);
  const trainer = mnistTrainer(train, { preset: 'small', cost: 'quadratic', seed: spec.seed });
  // In chunks, for a progress bar: run(a) then run(b) is step for step run(a + b).
  const total = spec.epochs * Math.floor(train.n / trainer.batchSize);
  for (let done = 0; done < total; ) {
    const k = Math.min(PROGRESS_STEPS, total - done);
    trainer.run(k);
    done += k;
    onTrained?.(done / total);
  }
  const net = trainer.net;
  const { wrong, predicted } = evaluate(net, test);
  for (const t of wrong) {
    const batch = subBatch(test, [t]);
    if (movesToFix(net, batch, spec.eps, spec.moves) !== spec.moves) continue;
    return {
      network: net,
      batch,
      test: t,
      pixels: image(data, testIndex(data, t)).slice(),
      label: data.labels[testIndex(data, t)]!,
      reads: predicted[t]!,
      eps: spec.eps,
      moves: spec.moves,
      movable: Array.from({ length: net.sizes[1]! }, (_, j) => ({ l: 1, j })),
      hash: networkHash(net),
    };
  }
  throw new Error(`no test digit is fixed in exactly ${spec.moves} moves of ε = ${spec.eps}`);
}
