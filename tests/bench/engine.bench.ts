// npm run bench:engine — one SGD step of this engine against tfjs's CPU backend
// doing the same step, plus the demon's exact nudge and the certified best-nudge search.
import { availableParallelism, loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as tf from '@tensorflow/tfjs-core';
import {
  bestNudge,
  createNetwork,
  type Network,
  nudge,
  Rng,
  sgdStep,
  Trace,
} from '#shared/engine/index';
import { buildPuzzle } from '#shared/game/puzzle';
import { mnistEpochBench, mnistLevelBench } from './mnistEpoch.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS: { sizes: number[]; batch: number }[] = [
  { sizes: [2, 4, 1], batch: 1 },
  { sizes: [2, 8, 8, 1], batch: 16 },
  { sizes: [25, 16, 16, 10], batch: 32 },
  { sizes: [64, 128, 128, 10], batch: 64 },
  { sizes: [784, 100, 10], batch: 32 },
];
const ETA = 1e-3;

/** Multiply-adds of the three matrix products of a step, 2 FLOP each: forward w·a, backward wᵀ·δ (l ≥ 2), gradient δ·aᵀ. */
function flopsPerStep(sizes: number[], n: number): number {
  let f = 0;
  for (let l = 1; l < sizes.length; l++) {
    const m = sizes[l - 1]! * sizes[l]!;
    f += 2 * n * m; // forward
    if (l >= 2) f += 2 * n * m; // backward δ^{l−1}
    f += 2 * n * m; // ∇w
    f += 2 * m; // update
  }
  return f;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Calls per timed block so that a block lasts at least `minMs` (above timer noise); warms the function up on the way. */
function calibrate(fn: () => void, minMs: number): number {
  let inner = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) fn();
    const dt = performance.now() - t0;
    if (dt >= minMs) break;
    inner *= dt < minMs / 10 ? 10 : 2;
  }
  for (let i = 0; i < inner; i++) fn(); // warm-up at the final size
  return inner;
}

function block(fn: () => void, inner: number): number {
  const t0 = performance.now();
  for (let i = 0; i < inner; i++) fn();
  return ((performance.now() - t0) * 1000) / inner;
}

/** Median µs per call over `reps` timed blocks. */
/**
 * The certified best nudge on 100 classroom-sized puzzles, each timed once after one warm-up
 * search of the same puzzle: its median and worst in ms, and the widest certificate gap.
 */
function certifiedBestTimes(): { median: number; worst: number; gap: number } {
  const acts = ['sigmoid', 'tanh', 'relu'] as const;
  const epsList = [0.25, 0.5, 1, 2];
  const times: number[] = [];
  let gap = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const { puzzle } = buildPuzzle({
      dataset: 'digits',
      sizes: [25, 16, 16, 10],
      activations: [acts[seed % 3]!, acts[(seed >> 2) % 3]!, 'sigmoid'],
      cost: seed % 2 ? 'quadratic' : 'crossEntropy',
      batchSize: 32,
      eps: epsList[seed % 4]!,
      show: 'delta',
      seed,
    });
    const trace = new Trace(puzzle.network, 32).load(puzzle.batch).run();
    bestNudge(trace, puzzle.eps);
    const t0 = performance.now();
    const best = bestNudge(trace, puzzle.eps);
    times.push(performance.now() - t0);
    gap = Math.max(gap, best.deltaC - best.lowerBound);
  }
  times.sort((a, b) => a - b);
  return { median: (times[49]! + times[50]!) / 2, worst: times[99]!, gap };
}

function timeUs(fn: () => void, reps = 9, minMs = 20): number {
  const inner = calibrate(fn, minMs);
  return median(Array.from({ length: reps }, () => block(fn, inner)));
}

/** Medians for two functions timed in alternating blocks, so that load from other processes falls on both alike. */
function timePair(a: () => void, b: () => void, reps = 9): [number, number] {
  const na = calibrate(a, 20);
  const nb = calibrate(b, 30);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < reps; r++) {
    ta.push(block(a, na));
    tb.push(block(b, nb));
  }
  return [median(ta), median(tb)];
}

function inputs(sizes: number[], n: number, rng: Rng) {
  const nIn = sizes[0]!;
  const nOut = sizes[sizes.length - 1]!;
  const x = new Float64Array(n * nIn).map(() => rng.uniform(-1, 1));
  const y = new Float64Array(n * nOut).map(() => (rng.next() < 0.5 ? 0 : 1));
  return { n, nIn, nOut, x, y };
}

function engineStep(net: Network, batch: ReturnType<typeof inputs>): () => void {
  const trace = new Trace(net, batch.n).load(batch);
  return () => {
    sgdStep(trace, ETA);
  };
}

/**
 * The same step in tfjs's kernels: sigmoid layers, quadratic cost, BP1–BP4 as
 * matrix products, w −= η∇w. Written out because tfjs-core's gradient registry
 * does not load under plain Node ESM; the kernels are the ones autodiff would call.
 */
function tfjsStep(net: Network, batch: ReturnType<typeof inputs>): () => void {
  const L = net.sizes.length - 1;
  const ws: tf.Variable[] = [];
  const bs: tf.Variable[] = [];
  for (let l = 1; l <= L; l++) {
    // Stored [n_{l−1}, n_l] so that a·W is one matMul per layer.
    const w = tf.transpose(
      tf.tensor2d(Float32Array.from(net.w[l]!), [net.sizes[l]!, net.sizes[l - 1]!], 'float32'),
    );
    ws.push(tf.variable(w));
    bs.push(tf.variable(tf.tensor1d(Float32Array.from(net.b[l]!), 'float32')));
  }
  const x = tf.tensor2d(Float32Array.from(batch.x), [batch.n, batch.nIn], 'float32');
  const y = tf.tensor2d(Float32Array.from(batch.y), [batch.n, batch.nOut], 'float32');
  const scale = ETA / batch.n;
  return () => {
    tf.tidy(() => {
      const a: tf.Tensor2D[] = [x];
      for (let l = 0; l < L; l++) a.push(tf.sigmoid(tf.add(tf.matMul(a[l]!, ws[l]!), bs[l]!)));
      const sp = (t: tf.Tensor2D) => tf.mul(t, tf.sub(1, t));
      let delta = tf.mul(tf.sub(a[L]!, y), sp(a[L]!)) as tf.Tensor2D;
      for (let l = L - 1; l >= 0; l--) {
        const gw = tf.matMul(a[l]!, delta, true, false);
        const gb = tf.sum(delta, 0);
        if (l > 0) delta = tf.mul(tf.matMul(delta, ws[l]!, false, true), sp(a[l]!)) as tf.Tensor2D;
        ws[l]!.assign(tf.sub(ws[l]!, tf.mul(scale, gw)));
        bs[l]!.assign(tf.sub(bs[l]!, tf.mul(scale, gb)));
      }
    });
  };
}

/** Bytes of heap and collections during `steps` calls, after a full collection. */
function allocation(fn: () => void, steps: number): { bytesPerStep: number; gcs: number } {
  let gcs = 0;
  const obs = new PerformanceObserver((list) => {
    gcs += list.getEntries().length;
  });
  for (let i = 0; i < steps; i++) fn(); // past every tier-up of the JIT
  gc();
  obs.observe({ entryTypes: ['gc'] });
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < steps; i++) fn();
  const after = process.memoryUsage().heapUsed;
  obs.disconnect();
  return { bytesPerStep: (after - before) / steps, gcs };
}

async function main(): Promise<void> {
  tf.enableProdMode(); // no debug checks, and no console hint about tfjs-node
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  await tf.ready();
  const rng = new Rng(2026);
  console.log(`engine bench — node ${process.version}, tfjs-core ${tf.version_core} (cpu backend)`);
  console.log(
    'FLOP per SGD step = Σ_l 2·n·n_{l−1}·n_l (forward) + Σ_{l≥2} 2·n·n_{l−1}·n_l (backward δ) + Σ_l 2·n·n_{l−1}·n_l (∇w) + Σ_l 2·n_{l−1}·n_l (update); n = batch',
  );
  console.log(
    `median of 9 timed blocks after warm-up, engine and tfjs blocks alternating; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(2)} at the start (other processes share the machine)`,
  );
  console.log('');
  console.log(
    'sizes              batch   engine µs  engine GFLOP/s     tfjs µs  tfjs GFLOP/s   speed-up',
  );
  const ratios: number[] = [];
  for (const { sizes, batch: n } of ROWS) {
    const net = createNetwork({ sizes }, rng);
    const batch = inputs(sizes, n, rng);
    const flops = flopsPerStep(sizes, n);
    const [ours, theirs] = timePair(engineStep(net, batch), tfjsStep(net, batch));
    const ratio = theirs / ours;
    ratios.push(ratio);
    console.log(
      `${JSON.stringify(sizes).padEnd(18)} ${String(n).padStart(5)} ${ours.toFixed(2).padStart(11)} ${(
        flops /
        ours /
        1e3
      )
        .toFixed(3)
        .padStart(
          15,
        )} ${theirs.toFixed(1).padStart(11)} ${(flops / theirs / 1e3).toFixed(3).padStart(13)} ${ratio
        .toFixed(2)
        .padStart(9)}x`,
    );
  }

  // The demon on [25,16,16,10] with a batch of 32.
  const net = createNetwork({ sizes: [25, 16, 16, 10] }, rng);
  const batch = inputs([25, 16, 16, 10], 32, rng);
  const trace = new Trace(net, 32).load(batch).run();
  let j = 0;
  const nudgeUs = timeUs(() => {
    nudge(trace, 1, j, 0.5);
    j = (j + 1) % 16;
  });
  const certified = certifiedBestTimes();
  console.log('');
  console.log(`exact nudge from layer 1, [25,16,16,10]/32: ${nudgeUs.toFixed(1)} µs`);
  console.log(
    `certified best nudge, 100 classroom puzzles [25,16,16,10]/32 (digits; sigmoid, tanh, relu; ε 0.25–2): median ${certified.median.toFixed(2)} ms, worst ${certified.worst.toFixed(2)} ms; widest certificate gap ${certified.gap.toExponential(1)} (tolerance max(1e-12, 1e-9·|ΔC|))`,
  );

  const steps = 20_000;
  const tNet = createNetwork({ sizes: [25, 16, 16, 10] }, rng);
  const tBatch = inputs([25, 16, 16, 10], 32, rng);
  const heap = allocation(engineStep(tNet, tBatch), steps);
  const loops = new Trace(tNet, 32).load(tBatch).run();
  const kernels = allocation(() => {
    loops.backward();
    loops.gradients();
  }, steps);
  const nudgeHeap = allocation(() => nudge(trace, 1, 3, 0.5), steps);
  console.log(`heap growth after a full collection, ${steps} calls each, [25,16,16,10]/32:`);
  console.log(
    `  sgdStep: ${heap.bytesPerStep.toFixed(1)} B per step, ${heap.gcs} collections (the returned {cost, diverged} and its boxed cost)`,
  );
  console.log(
    `  backward + gradients (BP1–BP4 loops, no return value): ${kernels.bytesPerStep.toFixed(2)} B per step, ${kernels.gcs} collections`,
  );
  console.log(
    `  exact nudge: ${nudgeHeap.bytesPerStep.toFixed(1)} B per call, ${nudgeHeap.gcs} collections (the returned NudgeResult)`,
  );
  console.log('');
  console.log(
    `engine: worst ${Math.min(...ratios).toFixed(2)}x tfjs, best ${Math.max(...ratios).toFixed(2)}x tfjs, nudge ${nudgeUs.toFixed(1)} us, certified best-nudge median ${certified.median.toFixed(1)} ms worst ${certified.worst.toFixed(1)} ms (100 puzzles)`,
  );
}

await main();
mnistEpochBench();
mnistLevelBench();
