import { describe, expect, it } from 'vitest';
import { PRESET_LEVELS } from '#shared/game/levels';
import { resolveSettings } from '../../server/rooms/settings.ts';

const seed = () => 99;

describe('session settings', () => {
  it('fills defaults and keeps what the host chose', () => {
    const r = resolveSettings({ rounds: 3, eps: 0.5 }, seed);
    expect(r).toMatchObject({
      ok: true,
      settings: { rounds: 3, eps: 0.5, sizes: [2, 3, 1], seed: 99 },
    });
  });

  it('takes every level preset as it is', () => {
    for (const level of PRESET_LEVELS) {
      const r = resolveSettings({ preset: level.id }, seed);
      expect(r, level.id).toMatchObject({
        ok: true,
        settings: { preset: level.id, sizes: level.settings.sizes },
      });
    }
  });

  it.each([
    [{ rounds: 0 }, 'rounds'],
    [{ rounds: 31 }, 'rounds'],
    [{ secondsPerRound: 2 }, 'secondsPerRound'],
    [{ eps: 0 }, 'eps'],
    [{ eps: 11 }, 'eps'],
    [{ eta: -1 }, 'eta'],
    [{ sgdSteps: 1.5 }, 'sgdSteps'],
    [{ sizes: [2, 100, 1] }, 'sizes[1]'],
    [{ sizes: [3, 1] }, 'sizes'],
    [{ sizes: [2, 2] }, 'sizes'],
    [{ dataset: 'mnist' }, 'dataset'],
    [{ activation: 'softmax' }, 'activation'],
    [{ activation: ['relu'] }, 'activation'],
    [{ cost: 'crossEntropy', activation: 'tanh' }, 'cost'],
    [{ show: 'everything' }, 'show'],
    [{ batchSize: 8 }, 'batchSize'],
    [{ preset: 'level99' }, 'preset'],
    // The MNIST level is solo only: a room cannot build its puzzle from settings.
    [{ preset: 'realDigits' }, 'preset'],
    [{ colour: 'red' }, 'settings'],
  ])('refuses %j naming %s', (input, field) => {
    const r = resolveSettings(input, seed);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe(field);
      expect(r.message.startsWith(`${field}:`)).toBe(true);
    }
  });
});
