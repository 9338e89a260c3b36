import { describe, expect, it } from 'vitest';
import { trainBatch } from '#shared/data/mnist';
import { argmax, mnistTrainer, networkHash, stepsPerEpoch } from '#shared/data/mnistTraining';
import { applyBiasNudge, bestNudge, cloneNetwork, nudge, Rng, Trace } from '#shared/engine/index';
import { LEVELS, levelById, movableNeurons, starsFor } from '#shared/game/levels';
import { buildMnistLevel, MNIST_LEVEL, movesToFix } from '#shared/game/mnistLevel';
import { quality } from '#shared/game/scoring';
import { readMnist } from '../../../scripts/pack-mnist.ts';

const data = readMnist();
const level = buildMnistLevel(data);
const def = levelById('realDigits')!;

/** Mean q of the level's kept moves, each chosen by `choose` from δ of layer 2; and the digit read after them. */
function play(choose: (d: Float64Array) => { j: number; dz: number }): {
  meanQ: number;
  qs: number[];
  reads: number;
} {
  const net = cloneNetwork(level.network);
  const qs: number[] = [];
  for (let m = 0; m < level.moves; m++) {
    const trace = new Trace(net, 1).load(level.batch).run();
    const { j, dz } = choose(trace.deltaBar[1]!);
    const move = nudge(trace, 1, j, dz);
    const best = bestNudge(trace, level.eps, level.movable);
    qs.push(quality(move.deltaC, best.deltaC));
    applyBiasNudge(net, 1, j, dz);
  }
  const after = new Trace(net, 1).load(level.batch);
  after.forward();
  const meanQ = qs.reduce((a, b) => a + b, 0) / qs.length;
  return { meanQ, qs, reads: argmax(after.a[2]!, 0, 10) };
}

/** The chapter's rule: the largest |δ| of layer 2, Δz = −sign·ε·sign(δ) (sign −1: along δ, the wrong way). */
function playRule(sign: 1 | -1) {
  return play((d) => {
    let j = 0;
    for (let k = 1; k < d.length; k++) if (Math.abs(d[k]!) > Math.abs(d[j]!)) j = k;
    return { j, dz: sign * (d[j]! > 0 ? -level.eps : level.eps) };
  });
}

describe('the MNIST level', () => {
  it('is the same puzzle every time: same network, same digit', () => {
    const shares: number[] = [];
    const again = buildMnistLevel(data, MNIST_LEVEL, (f) => shares.push(f));
    // Trained in chunks for the progress bar, yet the very network of one uninterrupted epoch.
    const train = trainBatch(data);
    const plain = mnistTrainer(train, {
      preset: 'small',
      cost: 'quadratic',
      seed: MNIST_LEVEL.seed,
    });
    plain.run(MNIST_LEVEL.epochs * stepsPerEpoch(train));
    expect(networkHash(plain.net)).toBe(level.hash);
    expect(shares.length).toBeGreaterThan(10);
    expect(shares.at(-1)).toBe(1);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(again.hash).toBe(level.hash);
    expect(again.test).toBe(level.test);
    expect(level.network.sizes).toEqual([784, 30, 10]);
    expect(level.movable).toHaveLength(30);
  });

  it('shows a digit the network reads wrong', () => {
    const trace = new Trace(level.network, 1).load(level.batch);
    trace.forward();
    expect(argmax(trace.a[2]!, 0, 10)).toBe(level.reads);
    expect(level.reads).not.toBe(level.label);
    expect(argmax(level.batch.y, 0, 10)).toBe(level.label);
    expect(level.pixels).toHaveLength(784);
  });

  it('is the campaign’s last level: hidden neurons only, the spec’s budget and moves', () => {
    expect(LEVELS.at(-1)).toBe(def);
    expect(def.mnist).toEqual(MNIST_LEVEL);
    expect(def.settings.sizes).toEqual(level.network.sizes);
    expect(def.settings.eps).toBe(level.eps);
    expect(def.moves).toBe(level.moves);
    // The best move is searched over what the player may touch: the 30 hidden neurons.
    expect(movableNeurons(level.network, def.layers)).toEqual(level.movable);
  });

  it('the chapter’s rule (largest |δ| by BP2, against its sign) fixes it in three moves and earns 2 stars', () => {
    const { meanQ, qs, reads } = playRule(1);
    for (const q of qs) expect(q).toBeGreaterThan(0);
    expect(reads).toBe(level.label);
    console.log(
      `MNIST level: test digit ${level.test + 1}, written ${level.label}, read ${level.reads}; q of the |δ| rule's moves ${qs.map((q) => q.toFixed(3)).join(', ')}`,
    );
    expect(meanQ).toBeGreaterThanOrEqual(0.7);
    expect(starsFor(def, meanQ)).toBeGreaterThanOrEqual(2);
  });

  it('a random player (random hidden neuron, random Δz) seldom reaches 2 stars', () => {
    const rng = new Rng(99);
    const plays = 30;
    let atLeastTwo = 0;
    for (let p = 0; p < plays; p++) {
      const { meanQ } = play((d) => ({
        j: Math.floor(rng.next() * d.length),
        dz: (2 * rng.next() - 1) * level.eps,
      }));
      if (starsFor(def, meanQ) >= 2) atLeastTwo++;
    }
    expect(atLeastTwo / plays).toBeLessThan(0.3);
  });

  it('the same neurons nudged with the sign of δ earn no star', () => {
    const { meanQ, reads } = playRule(-1);
    expect(meanQ).toBeLessThan(0);
    expect(starsFor(def, meanQ)).toBe(0);
    expect(reads).not.toBe(level.label);
  });

  it('fewer moves are not enough, and nudging along δ does not fix it', () => {
    expect(movesToFix(level.network, level.batch, level.eps, level.moves - 1)).toBe(0);
    expect(movesToFix(level.network, level.batch, -level.eps, level.moves)).toBe(0);
    expect(MNIST_LEVEL.moves).toBe(level.moves);
  });
});
