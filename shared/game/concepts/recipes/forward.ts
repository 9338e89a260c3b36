import { at, draw, type Recipe, redraw, run, shown, signed } from './build.ts';

/**
 * Recipes for the forward pass (eq. 1–3), the cost as a mean over samples
 * (eq. 4–5) and the Hadamard product (eq. 6). Engine layer 1 is the book's
 * layer 2; every text says the book's numbers.
 */

/** One neuron of layer 2 with two inputs: the four numbers of z = w·a + b. */
function neuron(rng: Parameters<Recipe>[0]) {
  const x1 = signed(rng, 0.1, 1, 0.1);
  const x2 = signed(rng, 0.1, 1, 0.1);
  const w1 = signed(rng, 0.2, 2, 0.1);
  const w2 = signed(rng, 0.2, 2, 0.1);
  const b = signed(rng, 0.1, 1, 0.1);
  const trace = run({ sizes: [2, 1], w: [[w1, w2]], b: [[b]], x: [[x1, x2]], y: [[0]] });
  return { x1, x2, w1, w2, b, z: at(trace.z, trace, 1, 0), a: at(trace.a, trace, 1, 0) };
}

/** z^2_1 = w^2_11 a^1_1 + w^2_12 a^1_2 + b^2_1 (eq. 2). */
export const forwardZ: Recipe = (rng) => {
  const n = neuron(rng);
  return {
    vars: { x1: n.x1, x2: n.x2, w1: n.w1, w2: n.w2, b: n.b },
    answer: n.z,
    wrong: { noBias: n.z - n.b, zForA: n.a },
  };
};

/** a^2_1 = σ(z^2_1) (eq. 3), offered beside z itself and σ of z without its bias. */
export const forwardA: Recipe = (rng) => {
  const n = neuron(rng);
  return {
    vars: { x1: n.x1, x2: n.x2, w1: n.w1, w2: n.w2, b: n.b },
    answer: n.a,
    wrong: { zForA: n.z, noBias: 1 / (1 + Math.exp(-(n.z - n.b))) },
  };
};

/** z^2_2 of a 2×2 layer: row 2 of w^2 (w_jk: into neuron j from neuron k), not column 2. */
export const forwardIndex: Recipe = (rng) => {
  const w = Array.from({ length: 4 }, () => signed(rng, 0.1, 2, 0.1));
  const b = [signed(rng, 0.1, 1, 0.1), signed(rng, 0.1, 1, 0.1)];
  const x = [signed(rng, 0.1, 1, 0.1), signed(rng, 0.1, 1, 0.1)];
  const trace = run({ sizes: [2, 2], w: [w], b: [b], x: [x], y: [[0, 0]] });
  const [w11, w12, w21, w22] = w as [number, number, number, number];
  const z2 = at(trace.z, trace, 1, 1);
  return {
    vars: { w11, w12, w21, w22, b1: b[0]!, b2: b[1]!, x1: x[0]!, x2: x[1]! },
    answer: z2,
    wrong: { swappedIndices: w12 * x[0]! + w22 * x[1]! + b[1]!, noBias: z2 - b[1]! },
  };
};

/** C_x = ½‖y − a^L‖² for one sample with two outputs (eq. 4 for n = 1); a linear output so a^L = b^L shows as drawn. */
export const costOne: Recipe = (rng) => {
  const a = [draw(rng, 0.05, 0.95), draw(rng, 0.05, 0.95)];
  const y = [draw(rng, 0, 1, 1), draw(rng, 0, 1, 1)];
  const trace = run({ sizes: [1, 2], act: 'linear', w: [[0, 0]], b: [a], x: [[0]], y: [y] });
  const sq = (a[0]! - y[0]!) ** 2 + (a[1]! - y[1]!) ** 2;
  return {
    vars: { a1: a[0]!, a2: a[1]!, y1: y[0]!, y2: y[1]! },
    answer: trace.cost,
    wrong: { noHalf: sq, normNotSquare: 0.5 * Math.sqrt(sq) },
  };
};

/** C = (1/n) Σ_x C_x over three samples (eq. 5): a linear output a^L(x) = x shows each output as drawn. */
export const costBatch: Recipe = (rng) => {
  const a = [draw(rng, 0.05, 0.95), draw(rng, 0.05, 0.95), draw(rng, 0.05, 0.95)];
  const y = [draw(rng, 0, 1, 1), draw(rng, 0, 1, 1), draw(rng, 0, 1, 1)];
  const trace = run({
    sizes: [1, 1],
    act: 'linear',
    w: [[1]],
    b: [[0]],
    x: a.map((v) => [v]),
    y: y.map((v) => [v]),
  });
  const cx = Array.from(trace.costs.subarray(0, 3));
  const sum = cx[0]! + cx[1]! + cx[2]!;
  return {
    vars: { a1: a[0]!, a2: a[1]!, a3: a[2]!, y1: y[0]!, y2: y[1]!, y3: y[2]! },
    answer: trace.cost,
    wrong: { sumNotMean: sum, oneSampleForBatch: cx[0]!, noHalf: 2 * trace.cost },
  };
};

/**
 * A nudge that helps one sample and hurts the other: the batch's ΔC follows
 * the mean of δ(x) (exact ΔC from the engine), not the first sample's.
 */
export const costSign: Recipe = (rng) => {
  const e1 = signed(rng, 0.1, 0.3);
  const e2 = -Math.sign(e1) * draw(rng, Math.abs(e1) + 0.15, 0.6);
  // Targets that keep both outputs a = y + e inside [0, 1].
  const y = [
    e1 > 0 ? draw(rng, 0, 1 - e1) : draw(rng, -e1, 1),
    e2 > 0 ? draw(rng, 0, 1 - e2) : draw(rng, -e2, 1),
  ];
  const a = [y[0]! + e1, y[1]! + e2].map((v) => Number(v.toFixed(2)));
  const dz = draw(rng, 0.05, 0.1);
  const trace = run({
    sizes: [1, 1],
    act: 'linear',
    w: [[1]],
    b: [[0]],
    x: a.map((v) => [v]),
    y: y.map((v) => [v]),
  });
  const before = trace.cost;
  const after = run({
    sizes: [1, 1],
    act: 'linear',
    w: [[1]],
    b: [[dz]],
    x: a.map((v) => [v]),
    y: y.map((v) => [v]),
  }).cost;
  const falls = after < before;
  // Sample 1 alone: its error a − y times Δz.
  const firstFalls = (a[0]! - y[0]!) * dz < 0;
  return {
    vars: { a1: a[0]!, a2: a[1]!, y1: y[0]!, y2: y[1]!, dz },
    answer: falls ? 'falls' : 'rises',
    wrong: { oneSampleForBatch: firstFalls ? 'falls' : 'rises' },
  };
};

/** δ^L = ∇_a C ⊙ σ′(z^L) for two outputs (eq. 6 in BP1), against s·t, s + t and the crossed products. */
export const hadamardVector: Recipe = (rng) => {
  const z = [signed(rng, 0.2, 2.5), signed(rng, 0.2, 2.5)];
  const y = [draw(rng, 0, 1, 1), draw(rng, 0, 1, 1)];
  const trace = run({ sizes: [1, 2], w: [[0, 0]], b: [z], x: [[0]], y: [y] });
  const s = [0, 1].map((j) => shown(at(trace.a, trace, 1, j) - y[j]!));
  const t = [0, 1].map((j) => shown(at(trace.sp, trace, 1, j)));
  // Nearly equal slopes would make the crossed products look like the right ones.
  if (Math.abs(t[0]! - t[1]!) < 0.3 * Math.max(t[0]!, t[1]!)) redraw();
  return {
    vars: {
      s1: s[0]!,
      s2: s[1]!,
      t1: t[0]!,
      t2: t[1]!,
      h1: at(trace.delta, trace, 1, 0),
      h2: at(trace.delta, trace, 1, 1),
      dot: s[0]! * t[0]! + s[1]! * t[1]!,
      p1: s[0]! + t[0]!,
      p2: s[1]! + t[1]!,
      c1: s[0]! * t[1]!,
      c2: s[1]! * t[0]!,
    },
    answer: 'hadamard',
    wrong: { dotNotHadamard: 'dot', addsNotMultiplies: 'sum', swappedIndices: 'crossed' },
  };
};

/** δ^2_2 = ((w^3)ᵀδ^3)_2 · σ′(z^2_2): one component of a Hadamard product, not the dot product. */
export const hadamardHidden: Recipe = (rng) => {
  const w2 = [signed(rng, 0.5, 2, 0.1), signed(rng, 0.5, 2, 0.1)];
  const b2 = [signed(rng, 0.1, 1.5, 0.1), signed(rng, 0.1, 1.5, 0.1)];
  const w3 = [signed(rng, 1, 3, 0.1), signed(rng, 1, 3, 0.1)];
  const y = draw(rng, 0, 1, 1);
  const trace = run({
    sizes: [1, 2, 1],
    w: [w2, w3],
    b: [b2, [0]],
    x: [[draw(rng, 0.2, 1, 0.1)]],
    y: [[y]],
  });
  const d3 = at(trace.delta, trace, 2, 0);
  const u = w3.map((w) => shown(w * d3));
  const s = [0, 1].map((j) => shown(at(trace.sp, trace, 1, j)));
  return {
    vars: { u1: u[0]!, u2: u[1]!, s1: s[0]!, s2: s[1]! },
    answer: at(trace.delta, trace, 1, 1),
    wrong: { ignoresSigmaPrime: u[1]!, dotNotHadamard: u[0]! * s[0]! + u[1]! * s[1]! },
  };
};
