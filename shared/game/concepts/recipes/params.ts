import { nudge, weightNudge } from '#shared/engine/index';
import { at, draw, type Recipe, redraw, run, shown, sign, signed } from './build.ts';

/** Recipes for BP3 (∂C/∂b = δ) and BP4 (∂C/∂w = a_k δ_j, inactive inputs included). */

export const bp3Output: Recipe = (rng) => {
  const x = draw(rng, 0.2, 0.9, 0.1);
  const y = draw(rng, 0, 1, 1);
  const trace = run({
    sizes: [1, 1],
    w: [[signed(rng, 0.5, 2, 0.1)]],
    b: [[signed(rng, 0.1, 1, 0.1)]],
    x: [[x]],
    y: [[y]],
  });
  const a = shown(at(trace.a, trace, 1, 0));
  const sp = shown(at(trace.sp, trace, 1, 0));
  return {
    vars: { x, a, y, sp },
    answer: trace.deltaBar[1]![0]!,
    wrong: { biasTimesActivation: x * (a - y) * sp, ignoresSigmaPrime: a - y },
  };
};

/**
 * A nudge Δz of z^2_j on every sample is exactly Δb^2_j = Δz (BP3): the
 * engine's ΔC for the nudge, for the bias change and for a weight change.
 */
export const bp3NudgeIsBias: Recipe = (rng) => {
  const w = [
    Array.from({ length: 4 }, () => signed(rng, 0.3, 2, 0.1)),
    [signed(rng, 0.5, 2, 0.1), signed(rng, 0.5, 2, 0.1)],
  ];
  const b = [[signed(rng, 0.1, 1, 0.1), signed(rng, 0.1, 1, 0.1)], [signed(rng, 0.1, 1, 0.1)]];
  const x = Array.from({ length: 3 }, () => [signed(rng, 0.2, 1, 0.1), signed(rng, 0.2, 1, 0.1)]);
  const y = Array.from({ length: 3 }, () => [draw(rng, 0, 1, 1)]);
  const j = rng.int(2);
  const dz = draw(rng, 0.1, 0.5, 0.1);
  const spec = { sizes: [2, 2, 1], w, b, x, y };
  const before = run(spec);
  const byNudge = nudge(before, 1, j, dz).deltaC;
  const withB = b.map((r) => [...r]);
  withB[0]![j]! += dz;
  const byBias = run({ ...spec, b: withB }).cost - before.cost;
  const withW = w.map((r) => [...r]);
  withW[0]![j * 2]! += dz;
  const byWeight = run({ ...spec, w: withW }).cost - before.cost;
  // The bias must reproduce the nudge and the weight must not, or the item would not tell them apart.
  if (Math.abs(byBias - byNudge) > 1e-12 || Math.abs(byWeight - byNudge) < 1e-4) redraw();
  // The network is not shown; its numbers ride along (as _w…, _b…, _x…, _y…) so that anyone can rebuild it.
  const hidden: Record<string, number> = {};
  w.flat().forEach((v, i) => {
    hidden[`_w${i}`] = v;
  });
  b.flat().forEach((v, i) => {
    hidden[`_b${i}`] = v;
  });
  x.flat().forEach((v, i) => {
    hidden[`_x${i}`] = v;
  });
  y.flat().forEach((v, i) => {
    hidden[`_y${i}`] = v;
  });
  return {
    vars: { dz, j: j + 1, ...hidden },
    answer: 'bias',
    wrong: { nudgeNotBias: 'weight', zForA: 'act' },
  };
};

/** ∂C/∂b^L = δ̄^L: the mean of the per-sample δ(x), not their sum and not the first. */
export const bp3Batch: Recipe = (rng) => {
  const x = Array.from({ length: 3 }, () => [signed(rng, 0.2, 1, 0.1)]);
  const trace = run({
    sizes: [1, 1],
    w: [[signed(rng, 1, 3, 0.1)]],
    b: [[signed(rng, 0.1, 1, 0.1)]],
    x,
    y: Array.from({ length: 3 }, () => [draw(rng, 0, 1, 1)]),
  });
  const d = [0, 1, 2].map((s) => shown(at(trace.delta, trace, 1, 0, s)));
  return {
    vars: { d1: d[0]!, d2: d[1]!, d3: d[2]! },
    answer: trace.deltaBar[1]![0]!,
    wrong: { sumNotMean: d[0]! + d[1]! + d[2]!, oneSampleForBatch: d[0]! },
  };
};

/** ∂C/∂w^3_12 = a^2_2 δ^3_1 (BP4): the input side's activation, index k = 2. */
export const bp4Value: Recipe = (rng) => {
  const trace = run({
    sizes: [1, 2, 1],
    w: [
      [signed(rng, 0.5, 2, 0.1), signed(rng, 0.5, 2, 0.1)],
      [signed(rng, 0.5, 2, 0.1), signed(rng, 0.5, 2, 0.1)],
    ],
    b: [[signed(rng, 0.1, 1, 0.1), signed(rng, 0.1, 1, 0.1)], [signed(rng, 0.1, 1, 0.1)]],
    x: [[draw(rng, 0.2, 1, 0.1)]],
    y: [[draw(rng, 0, 1, 1)]],
  });
  const a1 = shown(at(trace.a, trace, 1, 0));
  const a2 = shown(at(trace.a, trace, 1, 1));
  const a3 = shown(at(trace.a, trace, 2, 0));
  const d3 = shown(at(trace.delta, trace, 2, 0));
  return {
    vars: { a1, a2, a3, d3 },
    answer: trace.nablaW[2]![1]!,
    wrong: { deltaForGradient: d3, outputActivation: a3 * d3, swappedIndices: a1 * d3 },
  };
};

/** An input a^1_1 = 0: the weight it feeds changes nothing, whatever δ^2_1 is. */
export const bp4Inactive: Recipe = (rng) => {
  const x2 = draw(rng, 0.5, 1, 0.1);
  const trace = run({
    sizes: [2, 1],
    w: [[signed(rng, 0.5, 2, 0.1), signed(rng, 0.5, 2, 0.1)]],
    b: [[signed(rng, 0.1, 1, 0.1)]],
    x: [[0, x2]],
    y: [[draw(rng, 0, 1, 1)]],
  });
  const dw = draw(rng, 0.2, 0.5, 0.1);
  const d = shown(at(trace.delta, trace, 1, 0));
  return {
    vars: { x2, d, dw },
    answer: weightNudge(trace, 1, 0, 0, dw).deltaC,
    wrong: { deltaForGradient: d * dw, swappedIndices: x2 * d * dw },
  };
};

/** A negative input a^1_1 < 0 flips the sign of ∂C/∂w = a_k δ_j: the weight moves with δ's sign. */
export const bp4Sign: Recipe = (rng) => {
  const x = -draw(rng, 0.3, 1, 0.1);
  const trace = run({
    sizes: [1, 1],
    w: [[signed(rng, 0.5, 2, 0.1)]],
    b: [[signed(rng, 0.1, 1, 0.1)]],
    x: [[x]],
    y: [[draw(rng, 0, 1, 1)]],
  });
  const eps = draw(rng, 0.1, 0.3, 0.05);
  const plus = weightNudge(trace, 1, 0, 0, eps).deltaC;
  const minus = weightNudge(trace, 1, 0, 0, -eps).deltaC;
  if (Math.min(plus, minus) >= 0) redraw();
  const answer = plus < minus ? 'plus' : 'minus';
  const d = at(trace.delta, trace, 1, 0);
  return {
    vars: { x, d: shown(d), eps },
    answer,
    wrong: { weightIgnoresActivation: -sign(d) > 0 ? 'plus' : 'minus' },
  };
};

/** Over two samples ∂C/∂w = (1/n) Σ_x a_k(x) δ(x): the mean of the products, not the product of the means. */
export const bp4Batch: Recipe = (rng) => {
  const x = [draw(rng, 0.2, 1, 0.1), -draw(rng, 0.2, 1, 0.1)];
  const trace = run({
    sizes: [1, 1],
    w: [[signed(rng, 1, 3, 0.1)]],
    b: [[signed(rng, 0.1, 1, 0.1)]],
    x: x.map((v) => [v]),
    y: [[draw(rng, 0, 1, 1)], [draw(rng, 0, 1, 1)]],
  });
  const d = [0, 1].map((s) => shown(at(trace.delta, trace, 1, 0, s)));
  const p = [x[0]! * d[0]!, x[1]! * d[1]!];
  return {
    vars: { x1: x[0]!, x2: x[1]!, d1: d[0]!, d2: d[1]! },
    answer: trace.nablaW[1]![0]!,
    wrong: {
      productOfMeans: ((x[0]! + x[1]!) / 2) * ((d[0]! + d[1]!) / 2),
      oneSampleForBatch: p[0]!,
      sumNotMean: p[0]! + p[1]!,
    },
  };
};
