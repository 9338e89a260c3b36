import { describe, expect, it } from 'vitest';
import { meanCalibration, scorePrediction, sizeOf } from '#shared/game/prediction';

describe('a prediction scored on its own (calibration)', () => {
  it('puts |ΔC| in its decade', () => {
    expect([0, 9.9e-4, 1e-3, -0.005, 0.0999, -0.1, 3].map(sizeOf)).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it('gives half for the sign and half for the decade, a quarter one decade off', () => {
    expect(scorePrediction({ sign: 'down', size: 1 }, -0.004).score).toBe(100);
    expect(scorePrediction({ sign: 'down', size: 2 }, -0.004).score).toBe(75);
    expect(scorePrediction({ sign: 'up', size: 1 }, -0.004).score).toBe(50);
    expect(scorePrediction({ sign: 'up', size: 3 }, -0.004)).toMatchObject({
      score: 0,
      signRight: false,
      sizeOff: 2,
    });
    // C rising by exactly nothing counts as "up": the move did not lower it.
    expect(scorePrediction({ sign: 'up', size: 0 }, 0).signRight).toBe(true);
    expect(meanCalibration([])).toBeNull();
    expect(
      meanCalibration([
        scorePrediction({ sign: 'down', size: 1 }, -0.004),
        scorePrediction({ sign: 'up', size: 1 }, -0.004),
      ]),
    ).toBe(75);
  });
});
