import { describe, expect, it } from 'vitest';
import { argmax } from '#shared/data/mnistTraining';
import { applyBiasNudge, bestNudge, cloneNetwork, nudge, Trace } from '#shared/engine/index';
import { buildMnistLevel, MNIST_LEVEL, movesToFix } from '#shared/game/mnistLevel';
import { quality } from '#shared/game/scoring';
import { readMnist } from '../../../scripts/pack-mnist.ts';

const data = readMnist();
const level = buildMnistLevel(data);

describe('the MNIST level', () => {
  it('is the same puzzle every time: same network, same digit', () => {
    const again = buildMnistLevel(data);
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

  it('the chapter’s rule (largest |δ| by BP2, against its sign) fixes it in three moves and earns 2 stars', () => {
    const net = cloneNetwork(level.network);
    const qs: number[] = [];
    for (let m = 0; m < level.moves; m++) {
      const trace = new Trace(net, 1).load(level.batch).run();
      const d = trace.deltaBar[1]!;
      let j = 0;
      for (let k = 1; k < 30; k++) if (Math.abs(d[k]!) > Math.abs(d[j]!)) j = k;
      const dz = d[j]! > 0 ? -level.eps : level.eps;
      const move = nudge(trace, 1, j, dz);
      const best = bestNudge(trace, level.eps, level.movable);
      expect(move.deltaC).toBeLessThan(0);
      qs.push(quality(move.deltaC, best.deltaC));
      applyBiasNudge(net, 1, j, dz);
    }
    const after = new Trace(net, 1).load(level.batch);
    after.forward();
    expect(argmax(after.a[2]!, 0, 10)).toBe(level.label);
    const meanQ = qs.reduce((a, b) => a + b, 0) / qs.length;
    console.log(
      `MNIST level: test digit ${level.test + 1}, written ${level.label}, read ${level.reads}; q of the |δ| rule's moves ${qs.map((q) => q.toFixed(3)).join(', ')}`,
    );
    expect(meanQ).toBeGreaterThanOrEqual(0.7);
  });

  it('fewer moves are not enough, and nudging along δ does not fix it', () => {
    expect(movesToFix(level.network, level.batch, level.eps, level.moves - 1)).toBe(0);
    expect(movesToFix(level.network, level.batch, -level.eps, level.moves)).toBe(0);
    expect(MNIST_LEVEL.moves).toBe(level.moves);
  });
});
