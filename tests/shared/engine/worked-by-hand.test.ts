import { describe, expect, it } from 'vitest';
import {
  analyse,
  makeBatch,
  type Network,
  networkFromJSON,
  nudge,
  weightNudge,
} from '#shared/engine/index';

// A [2, 2, 1] sigmoid network with weights chosen so that every σ is a simple
// fraction: σ(0) = 1/2, σ(ln 3) = 1/(1 + 1/3) = 3/4, σ' = σ(1 − σ).
const LN3 = Math.log(3);

function handNet(cost: 'quadratic' | 'crossEntropy'): Network {
  return networkFromJSON({
    sizes: [2, 2, 1],
    activations: ['sigmoid', 'sigmoid'],
    cost,
    // w^1 = [[ln 3, 2], [−1, 3]], b^1 = [0, 1]; w^2 = [2, −1], b^2 = −1
    weights: [
      [LN3, 2, -1, 3],
      [2, -1],
    ],
    biases: [[0, 1], [-1]],
  });
}

// One sample x = (1, 0) with target y = 1.
const batch = makeBatch([[1, 0]], [[1]], 2, 1);

describe('a [2,2,1] network worked by hand', () => {
  it('forward: z^1 = (ln 3·1 + 2·0 + 0, −1·1 + 3·0 + 1) = (ln 3, 0), a^1 = (3/4, 1/2); z^2 = 2·3/4 − 1·1/2 − 1 = 0, a^2 = 1/2', () => {
    const t = analyse(handNet('quadratic'), batch);
    expect(t.z[1]![0]).toBeCloseTo(LN3, 15);
    expect(t.z[1]![1]).toBe(0);
    expect(t.a[1]![0]).toBeCloseTo(0.75, 15);
    expect(t.a[1]![1]).toBe(0.5);
    expect(t.z[2]![0]).toBeCloseTo(0, 15);
    expect(t.a[2]![0]).toBeCloseTo(0.5, 15);
    // C = ½(1/2 − 1)² = 1/8
    expect(t.cost).toBeCloseTo(0.125, 15);
  });

  it("BP1: δ^2 = (a^2 − y)·σ'(z^2) = (1/2 − 1)·(1/2·1/2) = −1/8", () => {
    const t = analyse(handNet('quadratic'), batch);
    expect(t.delta[2]![0]).toBeCloseTo(-0.125, 15);
  });

  it("BP2: δ^1 = (w^2)ᵀδ^2 ⊙ σ'(z^1) = (2·(−1/8)·3/16, −1·(−1/8)·1/4) = (−3/64, 1/32)", () => {
    // σ'(ln 3) = 3/4·1/4 = 3/16, σ'(0) = 1/4
    const t = analyse(handNet('quadratic'), batch);
    expect(t.delta[1]![0]).toBeCloseTo(-3 / 64, 15); // −0.046875
    expect(t.delta[1]![1]).toBeCloseTo(1 / 32, 15); // 0.03125
  });

  it('BP3: ∂C/∂b = δ: (−3/64, 1/32) and −1/8', () => {
    const t = analyse(handNet('quadratic'), batch);
    expect(Array.from(t.deltaBar[1]!)).toEqual([
      expect.closeTo(-3 / 64, 15),
      expect.closeTo(1 / 32, 15),
    ]);
    expect(t.deltaBar[2]![0]).toBeCloseTo(-1 / 8, 15);
  });

  it('BP4: ∂C/∂w^2 = a^1·δ^2 = (3/4·(−1/8), 1/2·(−1/8)) = (−3/32, −1/16); ∂C/∂w^1_jk = x_k δ^1_j = [[−3/64, 0], [1/32, 0]]', () => {
    const t = analyse(handNet('quadratic'), batch);
    t.gradients();
    const w2 = Array.from(t.nablaW[2]!);
    expect(w2[0]).toBeCloseTo(-3 / 32, 15); // −0.09375
    expect(w2[1]).toBeCloseTo(-1 / 16, 15); // −0.0625
    const w1 = Array.from(t.nablaW[1]!);
    expect(w1[0]).toBeCloseTo(-3 / 64, 15);
    expect(w1[1]).toBe(0); // x_1 = 0: an input that is off does not learn
    expect(w1[2]).toBeCloseTo(1 / 32, 15);
    expect(w1[3]).toBe(0);
    expect(weightNudge(t, 2, 0, 0, 0.01).gradient).toBeCloseTo(-3 / 32, 15);
  });

  it('the demon at the output: Δz = +ln 3 gives a^2 = 3/4, C = ½(1/4)² = 1/32, so ΔC = 1/32 − 1/8 = −3/32; δΔz predicts −ln 3/8', () => {
    const t = analyse(handNet('quadratic'), batch);
    const r = nudge(t, 2, 0, LN3);
    expect(r.deltaC).toBeCloseTo(-3 / 32, 15); // −0.09375
    expect(r.predicted).toBeCloseTo(-LN3 / 8, 15); // −0.1373…: the line overshoots
  });

  it("cross-entropy: δ^2 = a^2 − y = −1/2 (σ' cancels), C = −ln(1/2) = ln 2, δ^1 = (2·(−1/2)·3/16, −1·(−1/2)·1/4) = (−3/16, 1/8)", () => {
    const t = analyse(handNet('crossEntropy'), batch);
    expect(t.cost).toBeCloseTo(Math.LN2, 15);
    expect(t.delta[2]![0]).toBeCloseTo(-0.5, 15);
    expect(t.delta[1]![0]).toBeCloseTo(-3 / 16, 15);
    expect(t.delta[1]![1]).toBeCloseTo(1 / 8, 15);
  });
});
