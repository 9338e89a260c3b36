import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { type ActivationName, analyse, type Batch, type Network } from '#shared/engine/index';
import { caseArb, close, makeCase, nearReluKink } from './random-nets.ts';

// An independent autodiff: tfjs's pure-JS CPU backend differentiates the mean
// cost written from the textbook formulas. It computes in float32, hence the tolerances.
const ABS = 2e-5;
const REL = 2e-4;

beforeAll(async () => {
  tf.enableProdMode(); // quiet: no debug checks, no console hint about tfjs-node
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
});

const f32 = (xs: Float64Array) => Float32Array.from(xs);

function act(kind: ActivationName, z: tf.Tensor2D): tf.Tensor2D {
  if (kind === 'sigmoid') return tf.sigmoid(z);
  if (kind === 'tanh') return tf.tanh(z);
  if (kind === 'relu') return tf.relu(z);
  return z;
}

/** C, ∂C/∂w^l, ∂C/∂b^l and n·∂C/∂z^l(x) = δ^l(x) by tfjs autodiff (each z gets a zero addend E^l to differentiate by). */
function tfjsReference(net: Network, batch: Batch) {
  const L = net.sizes.length - 1;
  const { n } = batch;
  const W: tf.Variable[] = [];
  const B: tf.Variable[] = [];
  const E: tf.Variable[] = [];
  for (let l = 1; l <= L; l++) {
    W.push(tf.variable(tf.tensor2d(f32(net.w[l]!), [net.sizes[l]!, net.sizes[l - 1]!])));
    B.push(tf.variable(tf.tensor1d(f32(net.b[l]!))));
    E.push(tf.variable(tf.zeros([n, net.sizes[l]!])));
  }
  const x = tf.tensor2d(f32(batch.x), [n, batch.nIn]);
  const y = tf.tensor2d(f32(batch.y), [n, batch.nOut]);
  const { value, grads } = tf.variableGrads(() => {
    let a: tf.Tensor2D = x;
    for (let l = 1; l <= L; l++) {
      const z = tf.add(
        tf.add(tf.matMul(a, W[l - 1]!, false, true), B[l - 1]!),
        E[l - 1]!,
      ) as tf.Tensor2D;
      a = act(net.act[l]!, z);
    }
    const perSample =
      net.cost === 'quadratic'
        ? tf.mul(0.5, tf.square(tf.sub(a, y)))
        : tf.neg(tf.add(tf.mul(y, tf.log(a)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, a)))));
    return tf.div(tf.sum(perSample), n) as tf.Scalar;
  }, [...W, ...B, ...E]);
  const out = {
    cost: value.dataSync()[0]!,
    w: W.map((v) => grads[v.name]!.dataSync()),
    b: B.map((v) => grads[v.name]!.dataSync()),
    delta: E.map((v) => grads[v.name]!.dataSync().map((g) => g * n)),
  };
  tf.dispose([value, x, y, ...Object.values(grads), ...W, ...B, ...E]);
  return out;
}

function compare(net: Network, batch: Batch, label: string): void {
  const t = analyse(net, batch);
  t.gradients();
  const ref = tfjsReference(net, batch);
  close(t.cost, ref.cost, ABS, REL, `${label}: C`);
  for (let l = 1; l < net.sizes.length; l++) {
    for (const [i, g] of ref.w[l - 1]!.entries()) {
      close(t.nablaW[l]![i]!, g, ABS, REL, `${label}: ∂C/∂w^${l}[${i}]`);
    }
    for (const [j, g] of ref.b[l - 1]!.entries()) {
      close(t.deltaBar[l]![j]!, g, ABS, REL, `${label}: ∂C/∂b^${l}_${j}`);
    }
    for (const [i, g] of ref.delta[l - 1]!.entries()) {
      close(t.delta[l]![i]!, g, ABS, REL, `${label}: δ^${l}[${i}]`);
    }
  }
}

describe('backprop against tfjs autodiff (CPU backend)', () => {
  it('C, every δ, ∂C/∂w and ∂C/∂b agree on random networks of every σ and both costs', () => {
    fc.assert(
      fc.property(caseArb, ({ net, batch, label }) => {
        const t = analyse(net, batch);
        // float32 may put a z just off a relu kink on the other side.
        fc.pre(!nearReluKink(t.z, net.act, 1e-4));
        compare(net, batch, label);
      }),
      { numRuns: 80 },
    );
  });

  it('agrees on a bigger network, one σ per kind in a row', () => {
    const c = makeCase(
      [25, 16, 16, 16, 10],
      ['sigmoid', 'tanh', 'relu', 'sigmoid'],
      'crossEntropy',
      32,
      7,
    );
    compare(c.net, c.batch, c.label);
    const d = makeCase([6, 8, 8, 3], ['relu', 'linear', 'tanh'], 'quadratic', 9, 8);
    compare(d.net, d.batch, d.label);
  });
});
