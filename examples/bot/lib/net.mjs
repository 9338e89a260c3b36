/**
 * Backprop written from the chapter and docs/protocol.md, with no code of the
 * server's: forward (eq. 23, 25), BP1–BP4, the costs, and the exact ΔC of a
 * nudge. Layer l of the book (2…L, the input is layer 1) is index l − 1 of
 * `w`, `b` and `act` here, as on the wire. Sums run in the order the
 * protocol states, so that the SGD it feeds gives the server's bits.
 */

/** @typedef {{ sizes: number[], act: string[], cost: string, w: Float64Array[], b: Float64Array[] }} Net */

/** @returns {Net} */
export function netFromWire(json) {
  return {
    sizes: [...json.sizes],
    act: [...json.activations],
    cost: json.cost,
    w: json.weights.map((x) => Float64Array.from(x)),
    b: json.biases.map((x) => Float64Array.from(x)),
  };
}

export function cloneNet(net) {
  return { ...net, w: net.w.map((x) => x.slice()), b: net.b.map((x) => x.slice()) };
}

const SIGMA = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => Math.tanh(z),
  relu: (z) => (z > 0 ? z : 0),
  linear: (z) => z,
};
const SIGMA_PRIME = {
  sigmoid: (_z, a) => a * (1 - a),
  tanh: (_z, a) => 1 - a * a,
  relu: (z) => (z > 0 ? 1 : 0),
  linear: () => 1,
};

export function softplus(z) {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = y·softplus(−z) + (1 − y)·softplus(z). */
export function crossEntropy(z, y) {
  if (y === 1) return softplus(-z);
  if (y === 0) return softplus(z);
  return y * softplus(-z) + (1 - y) * softplus(z);
}

/** softplus(u) − softplus(v) = log1p(σ(v)·expm1(u − v)), which keeps a tiny difference of tiny costs. */
function softplusDiff(u, v) {
  const d = u - v;
  if (d === 0) return 0;
  if (Math.abs(d) <= 1) {
    const s = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    return Math.log1p(s * Math.expm1(d));
  }
  return softplus(u) - softplus(v);
}

function costDiff(cost, z1, a1, z0, a0, y) {
  if (cost === 'quadratic') {
    const d1 = a1 - y;
    const d0 = a0 - y;
    return 0.5 * (d1 - d0) * (d1 + d0);
  }
  if (y === 1) return softplusDiff(-z1, -z0);
  if (y === 0) return softplusDiff(z1, z0);
  return y * softplusDiff(-z1, -z0) + (1 - y) * softplusDiff(z1, z0);
}

/** z_j = b_j + (Σ_even w_jk a_k + Σ_odd w_jk a_k), the two partial sums in increasing k. */
function weightedInput(w, row, b, a, nIn) {
  let even = 0;
  let odd = 0;
  const pairs = nIn - (nIn % 2);
  for (let k = 0; k < pairs; k += 2) {
    even += w[row + k] * a[k];
    odd += w[row + k + 1] * a[k + 1];
  }
  if (nIn % 2 === 1) even += w[row + pairs] * a[pairs];
  return b + (even + odd);
}

/**
 * Forward one sample from layer `from` (index of the first layer to compute)
 * given the activations below it; `shift` adds Δz to one neuron on the way.
 * Returns z[i], a[i] for i = 0 (the inputs, z unused) … L.
 */
export function forwardSample(net, x, shift) {
  const L = net.sizes.length - 1;
  const z = [x.slice()];
  const a = [x.slice()];
  for (let l = 1; l <= L; l++) {
    const nIn = net.sizes[l - 1];
    const n = net.sizes[l];
    const zl = new Float64Array(n);
    const al = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      zl[j] = weightedInput(net.w[l - 1], j * nIn, net.b[l - 1][j], a[l - 1], nIn);
      if (shift && shift.l === l && shift.j === j) zl[j] += shift.dz;
      al[j] = SIGMA[net.act[l - 1]](zl[j]);
    }
    z.push(zl);
    a.push(al);
  }
  return { z, a };
}

function sampleCost(net, zL, aL, y) {
  let c = 0;
  for (let j = 0; j < y.length; j++) {
    if (net.cost === 'quadratic') {
      const d = aL[j] - y[j];
      c += 0.5 * d * d;
    } else c += crossEntropy(zL[j], y[j]);
  }
  return c;
}

/**
 * Forward and backward over a batch of samples { x, y }: C, and per sample
 * z, a, σ', δ; δ̄ (the batch mean, BP3) and ∂C/∂w (BP4) in the stated order.
 */
export function backprop(net, samples) {
  const L = net.sizes.length - 1;
  const n = samples.length;
  const fw = samples.map((s) => forwardSample(net, s.x));
  let total = 0;
  for (let s = 0; s < n; s++) total += sampleCost(net, fw[s].z[L], fw[s].a[L], samples[s].y);
  const cost = total / n;
  const sp = fw.map((f) =>
    f.z.map((zl, l) =>
      l === 0 ? null : zl.map((zv, j) => SIGMA_PRIME[net.act[l - 1]](zv, f.a[l][j])),
    ),
  );
  // δ[s][l]
  const delta = fw.map(() => new Array(L + 1).fill(null));
  for (let s = 0; s < n; s++) {
    const aL = fw[s].a[L];
    const y = samples[s].y;
    delta[s][L] = aL.map((a, j) =>
      net.cost === 'quadratic' ? (a - y[j]) * sp[s][L][j] : a - y[j],
    );
    for (let l = L - 1; l >= 1; l--) {
      const nl = net.sizes[l];
      const nNext = net.sizes[l + 1];
      const w = net.w[l];
      const dn = delta[s][l + 1];
      const d = new Float64Array(nl);
      const fours = nNext - (nNext % 4);
      // BP2, (wᵀδ)_k: rows of w^{l+1} four at a time, ((r0 + r1) + (r2 + r3)) added to the sum so far.
      for (let i = 0; i < fours; i += 4)
        for (let k = 0; k < nl; k++)
          d[k] +=
            w[i * nl + k] * dn[i] +
            w[(i + 1) * nl + k] * dn[i + 1] +
            (w[(i + 2) * nl + k] * dn[i + 2] + w[(i + 3) * nl + k] * dn[i + 3]);
      for (let i = fours; i < nNext; i++)
        for (let k = 0; k < nl; k++) d[k] += w[i * nl + k] * dn[i];
      for (let k = 0; k < nl; k++) d[k] *= sp[s][l][k];
      delta[s][l] = d;
    }
  }
  const deltaBar = [null];
  const gradW = [null];
  for (let l = 1; l <= L; l++) {
    const nl = net.sizes[l];
    const nIn = net.sizes[l - 1];
    const bar = new Float64Array(nl);
    for (let s = 0; s < n; s++) for (let j = 0; j < nl; j++) bar[j] += delta[s][l][j];
    for (let j = 0; j < nl; j++) bar[j] /= n;
    deltaBar.push(bar);
    // BP4: samples four at a time, ((s0 + s1) + (s2 + s3)), then the rest one by one, then × (1/n).
    const g = new Float64Array(nl * nIn);
    const fours = n - (n % 4);
    for (let s = 0; s < fours; s += 4)
      for (let j = 0; j < nl; j++)
        for (let k = 0; k < nIn; k++)
          g[j * nIn + k] +=
            delta[s][l][j] * fw[s].a[l - 1][k] +
            delta[s + 1][l][j] * fw[s + 1].a[l - 1][k] +
            (delta[s + 2][l][j] * fw[s + 2].a[l - 1][k] +
              delta[s + 3][l][j] * fw[s + 3].a[l - 1][k]);
    for (let s = fours; s < n; s++)
      for (let j = 0; j < nl; j++)
        for (let k = 0; k < nIn; k++) g[j * nIn + k] += delta[s][l][j] * fw[s].a[l - 1][k];
    const inv = 1 / n;
    for (let i = 0; i < g.length; i++) g[i] *= inv;
    gradW.push(g);
  }
  return { cost, fw, sp, delta, deltaBar, gradW };
}

/** Batch mean of σ'(z^l_j). */
export function meanSigmaPrime(run, l, j) {
  let s = 0;
  for (const x of run.sp) s += x[l][j];
  return s / run.sp.length;
}

/**
 * The exact ΔC of the demon's move z^l_j += Δz on every sample: each sample
 * forwarded again with the shift, (1/n) Σ_x Σ_j [c(new) − c(old)] with each
 * difference factored.
 */
export function nudgeDeltaC(net, samples, run, l, j, dz) {
  if (dz === 0) return 0;
  const L = net.sizes.length - 1;
  let total = 0;
  samples.forEach((smp, s) => {
    const f = forwardSample(net, smp.x, { l, j, dz });
    const old = run.fw[s];
    for (let i = 0; i < net.sizes[L]; i++)
      total += costDiff(net.cost, f.z[L][i], f.a[L][i], old.z[L][i], old.a[L][i], smp.y[i]);
  });
  return total / samples.length;
}
