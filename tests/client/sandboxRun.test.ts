import { describe, expect, it } from 'vitest';
import { accuracy, analyse, nudge, weightAt, weightNudge } from '#shared/engine/index';
import { SANDBOX_DEFAULTS, SandboxRun, stepsPerFrame } from '../../client/solo/sandboxRun.ts';

describe('the sandbox run', () => {
  it('its defaults separate the default data set within 300 SGD steps (75 frames of play)', () => {
    const run = new SandboxRun(SANDBOX_DEFAULTS);
    expect(run.settings.dataset).toBe('circle');
    const c0 = run.loss();
    run.train(300);
    expect(accuracy(run.network, run.trainer.data)).toBeGreaterThanOrEqual(0.95);
    expect(run.loss()).toBeLessThan(c0 / 3);
    expect(stepsPerFrame(run.network.sizes)).toBe(4);
  });

  it('keeps a neuron nudge in its bias and a weight nudge in its weight, reporting the engine’s ΔC', () => {
    const run = new SandboxRun(SANDBOX_DEFAULTS);
    const t = analyse(run.network, run.shown);
    const expected = nudge(t, 1, 2, 0.3).deltaC;
    const b = run.network.b[1]![2]!;
    expect(run.keepNeuronNudge(t, { l: 1, j: 2 }, 0.3)).toBe(expected);
    expect(run.network.b[1]![2]).toBeCloseTo(b + 0.3, 15);
    const t2 = analyse(run.network, run.shown);
    const w = weightAt(run.network, 2, 1, 3);
    const dw = weightNudge(t2, 2, 1, 3, -0.2).deltaC;
    expect(run.keepWeightNudge(t2, { l: 2, j: 1, k: 3 }, -0.2)).toBe(dw);
    expect(weightAt(run.network, 2, 1, 3)).toBeCloseTo(w - 0.2, 15);
  });
});
