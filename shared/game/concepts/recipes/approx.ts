import { bestNudge, nudge, type Rng } from '#shared/engine/index';
import { at, draw, type Recipe, redraw, run, shown, sign, signed } from './build.ts';

/** Recipes for ΔC ≈ δΔz (and where it fails) and vanishing δ in deep sigmoid networks. */

/** Two output neurons, δ shown: the best small move is against δ at the larger |δ|. */
export const linearHunt: Recipe = (rng) => {
  const z = [signed(rng, 0.2, 1.5, 0.1), signed(rng, 0.2, 1.5, 0.1)];
  const trace = run({
    sizes: [1, 2],
    w: [[0, 0]],
    b: [z],
    x: [[0]],
    y: [[draw(rng, 0, 1, 1), draw(rng, 0, 1, 1)]],
  });
  const d = [0, 1].map((j) => at(trace.delta, trace, 1, j));
  const big = Math.abs(d[0]!) >= Math.abs(d[1]!) ? 0 : 1;
  const small = 1 - big;
  if (Math.abs(d[big]!) < 2 * Math.abs(d[small]!)) redraw();
  const eps = draw(rng, 0.05, 0.15, 0.05);
  const moves = [
    { j: big, dz: -sign(d[big]!) * eps },
    { j: big, dz: sign(d[big]!) * eps },
    { j: small, dz: -sign(d[small]!) * eps },
  ];
  const dC = moves.map((m) => nudge(trace, 1, m.j, m.dz).deltaC);
  if (!(dC[0]! < dC[1]! && dC[0]! < dC[2]!)) redraw();
  return {
    vars: {
      d1: shown(d[0]!),
      d2: shown(d[1]!),
      eps,
      jb: big + 1,
      js: small + 1,
      mb: moves[0]!.dz,
      ma: moves[1]!.dz,
      ms: moves[2]!.dz,
    },
    answer: 'best',
    wrong: { alongDelta: 'along', signOnly: 'small' },
  };
};

/** One output neuron far from its target, nudged by a large Δz toward it. */
function farOutput(rng: Rng, y: number) {
  const z = signed(rng, 0.5, 2, 0.1);
  const trace = run({ sizes: [1, 1], w: [[0]], b: [[z]], x: [[0]], y: [[y]] });
  return { trace, z, a: at(trace.a, trace, 1, 0), delta: at(trace.delta, trace, 1, 0) };
}

/** δΔz at a large Δz predicts a fall bigger than C itself: C ≥ 0 cannot follow the line. */
export const linearBound: Recipe = (rng) => {
  const zSign = rng.next() < 0.5 ? -1 : 1;
  const o = farOutput(rng, zSign > 0 ? 0 : 1);
  if (sign(o.z) !== zSign) redraw();
  const eps = draw(rng, 3, 5, 0.5);
  const dz = -sign(o.delta) * eps;
  const move = nudge(o.trace, 1, 0, dz);
  if (!(move.predicted < -o.trace.cost)) redraw();
  return {
    vars: {
      z: o.z,
      a: shown(o.a),
      y: zSign > 0 ? 0 : 1,
      c: shown(o.trace.cost),
      dz,
      p: move.predicted,
    },
    answer: move.deltaC,
    wrong: { linearAlways: move.predicted },
  };
};

/** Under a large budget the best Δz stops where a = y, short of the full budget that δΔz would pick. */
export const linearBest: Recipe = (rng) => {
  const y = draw(rng, 0.2, 0.8, 0.1);
  const o = farOutput(rng, y);
  const eps = draw(rng, 3, 5, 0.5);
  const best = bestNudge(o.trace, eps);
  if (!(Math.abs(best.dz) < 0.8 * eps && Math.abs(best.dz) > 0.3)) redraw();
  return {
    vars: { z: o.z, a: shown(o.a), y, eps },
    answer: best.dz,
    wrong: { linearAlways: -sign(o.delta) * eps, alongDelta: sign(o.delta) * eps },
  };
};

/** A small nudge of a hidden neuron: ΔC ≈ δΔz, and the engine's exact ΔC agrees within the tolerance. */
export const linearSmall: Recipe = (rng) => {
  const trace = run({
    sizes: [1, 2, 1],
    w: [
      [signed(rng, 0.5, 2, 0.1), signed(rng, 0.5, 2, 0.1)],
      [signed(rng, 1, 3, 0.1), signed(rng, 1, 3, 0.1)],
    ],
    b: [[signed(rng, 0.1, 1, 0.1), signed(rng, 0.1, 1, 0.1)], [signed(rng, 0.1, 1, 0.1)]],
    x: [[draw(rng, 0.2, 1, 0.1)]],
    y: [[draw(rng, 0, 1, 1)]],
  });
  const j = rng.int(2);
  const dz = signed(rng, 0.02, 0.1, 0.01);
  const move = nudge(trace, 1, j, dz);
  if (Math.abs(move.deltaC - move.predicted) > 0.02 * Math.abs(move.predicted)) redraw();
  const d = shown(at(trace.delta, trace, 1, j));
  return { vars: { d, dz, j: j + 1 }, answer: move.predicted, wrong: { deltaIsDeltaC: d } };
};

/** δ^2 two layers back in a 1–1–1–1 sigmoid chain: two factors w and two factors σ′ ≤ ¼. */
export const vanishChain: Recipe = (rng) => {
  const w = [1, 2, 3].map(() => [signed(rng, 0.5, 2, 0.1)]);
  const trace = run({
    sizes: [1, 1, 1, 1],
    w,
    b: [1, 2, 3].map(() => [signed(rng, 0.1, 1, 0.1)]),
    x: [[draw(rng, 0.2, 1, 0.1)]],
    y: [[draw(rng, 0, 1, 1)]],
  });
  const w3 = w[1]![0]!;
  const w4 = w[2]![0]!;
  const d4 = shown(at(trace.delta, trace, 3, 0));
  const s2 = shown(at(trace.sp, trace, 1, 0));
  const s3 = shown(at(trace.sp, trace, 2, 0));
  return {
    vars: { w3, w4, d4, s2, s3 },
    answer: at(trace.delta, trace, 1, 0),
    wrong: { ignoresSigmaPrime: w3 * w4 * d4, deltaKeepsSize: d4, shrinksOnce: w3 * w4 * d4 * s3 },
  };
};

/**
 * The largest |δ| k layers back when every |w| ≤ w_max: the engine runs the
 * chain that reaches the bound (every hidden z = 0, where σ′ = ¼, every w = w_max).
 */
export const vanishBound: Recipe = (rng) => {
  const wmax = draw(rng, 1, 2, 0.5);
  const k = draw(rng, 2, 4, 1);
  const d = draw(rng, 0.1, 0.5, 0.05);
  // Input 0, k sigmoid layers held at z = 0 (a = ½), and a linear output with a^L = d and y = 0.
  const sizes = Array.from({ length: k + 2 }, () => 1);
  const w = Array.from({ length: k + 1 }, () => [wmax]);
  const b = Array.from({ length: k + 1 }, (_, i) => [i === 0 ? 0 : -0.5 * wmax]);
  b[k]![0]! += d;
  const act = [...Array.from({ length: k }, () => 'sigmoid' as const), 'linear' as const];
  const trace = run({ sizes, act, w, b, x: [[0]], y: [[0]] });
  return {
    vars: { wmax, k, d },
    answer: Math.abs(at(trace.delta, trace, 1, 0)),
    wrong: {
      ignoresSigmaPrime: d * wmax ** k,
      shrinksOnce: (d * wmax ** k) / 4,
      deltaKeepsSize: d,
    },
  };
};

/** A 5-layer sigmoid chain with one hidden layer driven near a = 1: the largest |δ| is the engine's pick. */
export const vanishWhich: Recipe = (rng) => {
  // Engine layer 2 or 3 (the book's layer 3 or 4) gets a large bias: a ≈ 0.95, σ′ small.
  const hot = 2 + rng.int(2);
  const w = [1, 2, 3, 4].map(() => [signed(rng, 0.5, 1.5, 0.1)]);
  const b = [1, 2, 3, 4].map((l) => [
    l === hot ? draw(rng, 2.5, 3.5, 0.1) : signed(rng, 0.1, 1, 0.1),
  ]);
  const y = draw(rng, 0, 1, 1);
  const trace = run({ sizes: [1, 1, 1, 1, 1], w, b, x: [[draw(rng, 0.2, 1, 0.1)]], y: [[y]] });
  const layers = [1, 2, 3, 4];
  const argmax = (f: (l: number) => number) => layers.reduce((m, l) => (f(l) > f(m) ? l : m));
  const best = argmax((l) => Math.abs(at(trace.delta, trace, l, 0)));
  const bigA = argmax((l) => at(trace.a, trace, l, 0));
  if (best === 1 || bigA === best || bigA === 1) redraw();
  // The large activation and the largest |δ| must stand out in the digits shown.
  const aBig = at(trace.a, trace, bigA, 0);
  const dBest = Math.abs(at(trace.delta, trace, best, 0));
  for (const l of layers) {
    if (l !== bigA && at(trace.a, trace, l, 0) > aBig - 0.02) redraw();
    if (l !== best && Math.abs(at(trace.delta, trace, l, 0)) > 0.9 * dBest) redraw();
  }
  const vars: Record<string, number> = { y, lb: best + 1, lf: 2, la: bigA + 1 };
  for (const l of layers) {
    vars[`w${l + 1}`] = w[l - 1]![0]!;
    vars[`z${l + 1}`] = shown(at(trace.z, trace, l, 0));
    vars[`a${l + 1}`] = shown(at(trace.a, trace, l, 0));
  }
  return {
    vars,
    answer: 'best',
    wrong: { deltaKeepsSize: 'first', largeActivation: 'bigA' },
  };
};
