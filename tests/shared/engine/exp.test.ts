import { describe, expect, it } from 'vitest';
import { portableExp } from '#shared/engine/exp';
import { Rng } from '#shared/engine/index';

describe('the portable e^x the sigmoid uses', () => {
  it("gives Node's Math.exp bit for bit across the whole range, so results here do not move", () => {
    const rng = new Rng(7);
    for (let i = 0; i < 200_000; i++) {
      const scale = [1400, 80, 2, 1e-6][i % 4]!;
      const x = (rng.next() - 0.5) * scale;
      expect(portableExp(x), `x = ${x}`).toBe(Math.exp(x));
    }
  });

  it('is right at the edges: 0, ±tiny, 1, the reduction thresholds, overflow and underflow, NaN', () => {
    for (const x of [
      0,
      -0,
      1e-300,
      -1e-300,
      1,
      -1,
      0.5 * Math.LN2,
      1.5 * Math.LN2,
      709.78,
      -744.5,
      -708.5,
    ]) {
      expect(portableExp(x), `x = ${x}`).toBe(Math.exp(x));
    }
    expect(portableExp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(portableExp(-746)).toBe(0);
    expect(portableExp(Number.NaN)).toBeNaN();
  });
});
