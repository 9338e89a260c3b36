import { nudge, type Rng } from '#shared/engine/index';
import { at, draw, type Recipe, redraw, run, shown, sign, signed } from './build.ts';

/**
 * Recipes for BP1 and its sign, saturation (σ′ ≈ 0) and BP2. The answer is
 * always the engine's: δ from its backward pass, ΔC from its exact nudge.
 */

/** One sigmoid output neuron with z = b (input 0) and a target y: δ^L = (a − y)σ′(z) (BP1, eq. 8). */
function output(z: number, target: number) {
  const trace = run({ sizes: [1, 1], w: [[0]], b: [[z]], x: [[0]], y: [[target]] });
  return {
    trace,
    z,
    y: target,
    a: at(trace.a, trace, 1, 0),
    sp: at(trace.sp, trace, 1, 0),
    delta: at(trace.delta, trace, 1, 0),
  };
}

export const bp1Value: Recipe = (rng) => {
  const o = output(signed(rng, 0.2, 2.5), draw(rng, 0, 1, 1));
  const a = shown(o.a);
  const sp = shown(o.sp);
  return {
    vars: { a, y: o.y, sp },
    answer: o.delta,
    wrong: {
      ignoresSigmaPrime: a - o.y,
      flippedError: (o.y - a) * sp,
      sigmaForSigmaPrime: (a - o.y) * a,
    },
  };
};

/** Which of Δz = ±ε lowers C when only a and y are shown: against the sign of a − y (σ′ > 0). */
export const bp1Sign: Recipe = (rng) => {
  const y = draw(rng, 0.1, 0.9, 0.1);
  const o = output(signed(rng, 0.2, 2), y);
  if (Math.abs(o.a - y) < 0.1) redraw();
  const eps = draw(rng, 0.1, 0.3, 0.05);
  const plus = nudge(o.trace, 1, 0, eps).deltaC;
  const minus = nudge(o.trace, 1, 0, -eps).deltaC;
  const right = plus < minus ? 'plus' : 'minus';
  return {
    vars: { a: shown(o.a), y, eps },
    answer: right,
    wrong: { alongDelta: right === 'plus' ? 'minus' : 'plus' },
  };
};

/** The first-order ΔC ≈ δ^L Δz from a, y and σ′: the prediction the game shows after a move. */
export const bp1Predict: Recipe = (rng) => {
  const o = output(signed(rng, 0.2, 2), draw(rng, 0, 1, 1));
  const dz = signed(rng, 0.05, 0.2);
  const a = shown(o.a);
  const sp = shown(o.sp);
  const p = nudge(o.trace, 1, 0, dz).predicted;
  return {
    vars: { a, y: o.y, sp, dz },
    answer: p,
    wrong: { ignoresSigmaPrime: (a - o.y) * dz, flippedError: -p, deltaIsDeltaC: o.delta },
  };
};

/**
 * Three output neurons in shuffled roles: one asleep (z ≈ −5, far from its
 * target), one awake, one with a large activation close to its target.
 * Largest |δ| is the awake one; |a − y| alone picks the sleeper.
 */
export const saturationPick: Recipe = (rng) => {
  const roles = rng.shuffle([0, 1, 2]);
  const z: number[] = [];
  const y: number[] = [];
  for (const r of roles) {
    if (r === 0) {
      z.push(-draw(rng, 4.5, 6));
      y.push(1);
    } else if (r === 1) {
      const v = signed(rng, 0, 0.5);
      z.push(v);
      y.push(v > 0 ? 0 : 1);
    } else {
      const v = draw(rng, 1.5, 2.5);
      z.push(v);
      y.push(Number((1 / (1 + Math.exp(-v)) - draw(rng, 0.05, 0.12)).toFixed(2)));
    }
  }
  const trace = run({ sizes: [1, 3], w: [[0, 0, 0]], b: [z], x: [[0]], y: [y] });
  const a = [0, 1, 2].map((j) => at(trace.a, trace, 1, j));
  const argmax = (f: (j: number) => number) => [0, 1, 2].reduce((m, j) => (f(j) > f(m) ? j : m));
  const key = (j: number) => `n${j + 1}`;
  return {
    vars: {
      z1: z[0]!,
      z2: z[1]!,
      z3: z[2]!,
      a1: shown(a[0]!),
      a2: shown(a[1]!),
      a3: shown(a[2]!),
      y1: y[0]!,
      y2: y[1]!,
      y3: y[2]!,
    },
    answer: key(argmax((j) => Math.abs(at(trace.delta, trace, 1, j)))),
    wrong: {
      ignoresSigmaPrime: key(argmax((j) => Math.abs(a[j]! - y[j]!))),
      largeActivation: key(argmax((j) => a[j]!)),
    },
  };
};

/** A saturated output neuron far from its target: ΔC ≈ δΔz is tiny although a − y is large. */
export const saturationDeltaC: Recipe = (rng) => {
  const z = signed(rng, 4, 6, 0.1);
  const o = output(z, z > 0 ? 0 : 1);
  const dz = -sign(o.delta) * draw(rng, 0.3, 0.8, 0.1);
  const a = shown(o.a);
  return {
    vars: { z: o.z, a, y: o.y, dz },
    answer: nudge(o.trace, 1, 0, dz).predicted,
    wrong: { ignoresSigmaPrime: (a - o.y) * dz },
  };
};

/** Three hidden neurons feeding one output: δ^2_j = w^3_1j δ^3_1 σ′(z^2_j); the sleeper has the largest |w|. */
export const saturationHidden: Recipe = (rng) => {
  const roles = rng.shuffle([0, 1, 2]);
  const z: number[] = [];
  const w: number[] = [];
  for (const r of roles) {
    if (r === 0) {
      z.push(-draw(rng, 5, 7));
      w.push(signed(rng, 2, 3, 0.1));
    } else if (r === 1) {
      z.push(signed(rng, 0, 0.5));
      w.push(signed(rng, 1, 1.8, 0.1));
    } else {
      z.push(draw(rng, 1.5, 2.5));
      w.push(signed(rng, 0.3, 0.6, 0.1));
    }
  }
  const trace = run({
    sizes: [1, 3, 1],
    w: [[0, 0, 0], w],
    b: [z, [signed(rng, 0.1, 1, 0.1)]],
    x: [[0]],
    y: [[draw(rng, 0, 1, 1)]],
  });
  const d3 = at(trace.delta, trace, 2, 0);
  const a = [0, 1, 2].map((j) => at(trace.a, trace, 1, j));
  const argmax = (f: (j: number) => number) => [0, 1, 2].reduce((m, j) => (f(j) > f(m) ? j : m));
  const key = (j: number) => `n${j + 1}`;
  return {
    vars: {
      d3: shown(d3),
      w1: w[0]!,
      w2: w[1]!,
      w3: w[2]!,
      z1: z[0]!,
      z2: z[1]!,
      z3: z[2]!,
      a1: shown(a[0]!),
      a2: shown(a[1]!),
      a3: shown(a[2]!),
    },
    answer: key(argmax((j) => Math.abs(at(trace.delta, trace, 1, j)))),
    wrong: {
      ignoresSigmaPrime: key(argmax((j) => Math.abs(w[j]! * d3))),
      largeActivation: key(argmax((j) => a[j]!)),
    },
  };
};

/** A chain 1 → 1 → 1: hidden z^2 = b^2, output z^3 = w^3 a^2 + b^3. */
function chain(rng: Rng, w3: number, y: number) {
  const z2 = signed(rng, 0.2, 1.5, 0.1);
  const b3 = signed(rng, 0.1, 1, 0.1);
  const trace = run({ sizes: [1, 1, 1], w: [[0], [w3]], b: [[z2], [b3]], x: [[0]], y: [[y]] });
  return {
    trace,
    z2,
    a2: at(trace.a, trace, 1, 0),
    sp2: at(trace.sp, trace, 1, 0),
    d2: at(trace.delta, trace, 1, 0),
    d3: at(trace.delta, trace, 2, 0),
  };
}

export const bp2Value: Recipe = (rng) => {
  const w = signed(rng, 0.5, 3, 0.1);
  const c = chain(rng, w, draw(rng, 0, 1, 1));
  const d3 = shown(c.d3);
  const a2 = shown(c.a2);
  return {
    vars: { w, d3, a2, sp: shown(c.sp2) },
    answer: c.d2,
    wrong: { ignoresSigmaPrime: w * d3, sigmaForSigmaPrime: w * d3 * a2 },
  };
};

/**
 * Which of Δz^2_1 = ±ε lowers C, from w^3_11, δ^3_1 and σ′(z^2_1): the sign of
 * δ^2 = w δ^3 σ′ comes through w. `wNegative` or `d3Negative` fix a sign so
 * that the misconceptions the item names really give the wrong move.
 */
function bp2Sign(rng: Rng, fix: 'wNegative' | 'd3Negative'): ReturnType<Recipe> {
  const w = fix === 'wNegative' ? -draw(rng, 0.5, 2, 0.1) : signed(rng, 0.5, 2, 0.1);
  const c = chain(rng, w, fix === 'd3Negative' ? 1 : draw(rng, 0, 1, 1));
  const eps = draw(rng, 0.05, 0.2, 0.05);
  const key = (s: number) => (s > 0 ? 'plus' : 'minus');
  const plus = nudge(c.trace, 1, 0, eps).deltaC;
  const minus = nudge(c.trace, 1, 0, -eps).deltaC;
  if (Math.min(plus, minus) >= 0) redraw();
  const answer = plus < minus ? 'plus' : 'minus';
  const candidates = {
    alongDelta: key(sign(c.d2)),
    hiddenSignIgnored: key(-sign(c.d3)),
    weightSignNotDelta: key(-sign(w)),
  };
  const wrong: ReturnType<Recipe>['wrong'] = {};
  for (const [tag, v] of Object.entries(candidates) as [keyof typeof candidates, string][]) {
    if (v !== answer) wrong[tag] = v;
  }
  return { vars: { w, d3: shown(c.d3), sp: shown(c.sp2), eps }, answer, wrong };
}

export const bp2SignThroughW: Recipe = (rng) => bp2Sign(rng, 'wNegative');
export const bp2SignNotWeight: Recipe = (rng) => bp2Sign(rng, 'd3Negative');

/** δ^2_1 = (w^3_11 δ^3_1 + w^3_21 δ^3_2) σ′(z^2_1): column 1 of w^3, both paths, times σ′. */
export const bp2TwoPaths: Recipe = (rng) => {
  const w = Array.from({ length: 4 }, () => signed(rng, 0.5, 2, 0.1));
  const trace = run({
    sizes: [1, 2, 2],
    w: [[0, 0], w],
    b: [
      [signed(rng, 0.2, 1.5, 0.1), signed(rng, 0.2, 1.5, 0.1)],
      [signed(rng, 0.1, 1, 0.1), signed(rng, 0.1, 1, 0.1)],
    ],
    x: [[0]],
    y: [[draw(rng, 0, 1, 1), draw(rng, 0, 1, 1)]],
  });
  const [w11, w12, w21, w22] = w as [number, number, number, number];
  const d1 = shown(at(trace.delta, trace, 2, 0));
  const d2 = shown(at(trace.delta, trace, 2, 1));
  const s1 = shown(at(trace.sp, trace, 1, 0));
  const s2 = shown(at(trace.sp, trace, 1, 1));
  return {
    vars: { w11, w12, w21, w22, d1, d2, s1, s2 },
    answer: at(trace.delta, trace, 1, 0),
    wrong: {
      swappedIndices: (w11 * d1 + w12 * d2) * s1,
      onePathOnly: w11 * d1 * s1,
      ignoresSigmaPrime: w11 * d1 + w21 * d2,
    },
  };
};
