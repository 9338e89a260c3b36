import { describe, expect, it } from 'vitest';
import { analyse, createNetwork, makeBatch, nudge, Rng } from '#shared/engine/index';

/**
 * Cross-entropy of confident outputs against a reference computed here in
 * exact integer arithmetic (BigInt fixed point, 60 decimal places), with no
 * Math.exp or Math.log: c(z, y) = y·softplus(−z) + (1 − y)·softplus(z).
 * Every z used is a multiple of 2⁻¹⁰, so it is exact both as a double and as
 * the rational Z/1024 the reference works with.
 */
const SCALE = 10n ** 60n;
const Q = 1024n;

/** e^{Z/1024}·SCALE for Z ≥ 0, by its Taylor series (every term positive, no cancellation). */
function expPos(Z: bigint): bigint {
  let term = SCALE;
  let sum = SCALE;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * Z) / (Q * k);
    sum += term;
  }
  return sum;
}

function exp(Z: bigint): bigint {
  return Z >= 0n ? expPos(Z) : (SCALE * SCALE) / expPos(-Z);
}

/** log(1 + t)·SCALE for a tiny fixed-point t (here t ≤ e^{−29}), by t − t²/2 + t³/3 − … */
function log1p(t: bigint): bigint {
  let sum = 0n;
  let pow = t;
  for (let k = 1n; pow !== 0n; k++) {
    sum += (k % 2n === 1n ? pow : -pow) / k;
    pow = (pow * t) / SCALE;
  }
  return sum;
}

/** softplus(Z/1024)·SCALE = log(1 + e^u), as u + log(1 + e^{−u}) for u > 0. */
function softplus(Z: bigint): bigint {
  return Z <= 0n ? log1p(exp(Z)) : (Z * SCALE) / Q + log1p(exp(-Z));
}

function ce(Z: bigint, y: 0 | 1): bigint {
  return y === 1 ? softplus(-Z) : softplus(Z);
}

const toNumber = (v: bigint) => Number(`${v}e-60`);
const relErr = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

/** A [1,1] sigmoid network whose output z is exactly `z` (w = 0, b = z), or a [1,1,1] one that gets there through a linear hidden neuron. */
function nets(z: number) {
  const rng = new Rng(1);
  const flat = createNetwork({ sizes: [1, 1], cost: 'crossEntropy' }, rng);
  flat.w[1]![0] = 0;
  flat.b[1]![0] = z;
  const deep = createNetwork(
    { sizes: [1, 1, 1], activations: ['linear', 'sigmoid'], cost: 'crossEntropy' },
    rng,
  );
  deep.w[1]![0] = 0;
  deep.b[1]![0] = 0;
  deep.w[2]![0] = 1;
  deep.b[2]![0] = z;
  return { flat, deep };
}

describe('cross-entropy keeps its digits for confident outputs', () => {
  for (const z of [40, -40, 30, -30]) {
    for (const y of [0, 1] as const) {
      it(`z = ${z}, y = ${y}: C and ΔC to 1e−12 relative`, () => {
        const Z = BigInt(z) * Q;
        const c0 = ce(Z, y);
        const batch = makeBatch([[0.5]], [[y]], 1, 1);
        const { flat, deep } = nets(z);
        const t = analyse(flat, batch);
        expect(t.cost).toBeGreaterThan(0);
        expect(relErr(t.cost, toNumber(c0))).toBeLessThan(1e-12);
        const td = analyse(deep, batch);
        for (const dZ of [1n, -1n, 1024n, -1024n]) {
          const dz = Number(dZ) / 1024;
          const want = toNumber(ce(Z + dZ, y) - c0);
          // The output neuron itself, and the hidden neuron whose Δa reaches z^L with weight 1.
          const out = nudge(t, 1, 0, dz).deltaC;
          const hidden = nudge(td, 1, 0, dz).deltaC;
          expect(out).not.toBe(0);
          expect(relErr(out, want), `output Δz=${dz}`).toBeLessThan(1e-12);
          expect(relErr(hidden, want), `hidden Δz=${dz}`).toBeLessThan(1e-12);
        }
      });
    }
  }

  it('the confident right output of the issue: z = 40, y = 1 gives C ≈ 4.25e−18 and a ΔC that is not 0', () => {
    const t = analyse(nets(40).flat, makeBatch([[0]], [[1]], 1, 1));
    expect(t.cost).toBeCloseTo(4.248354255291589e-18, 30);
    expect(nudge(t, 1, 0, 1).deltaC).toBeLessThan(-2e-18);
  });
});
