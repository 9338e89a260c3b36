import { describe, expect, it } from 'vitest';
import { analyse, createNetwork, makeDataset, nudge, Rng } from '#shared/engine/index';

describe('engine smoke', () => {
  it('δ̄ matches a central finite difference of the exact nudge', () => {
    const rng = new Rng(1);
    const net = createNetwork({ sizes: [25, 8, 10] }, rng);
    const t = analyse(net, makeDataset('digits', rng, { n: 16 }));
    const h = 1e-5;
    for (const l of [1, 2]) {
      const fd = (nudge(t, l, 3, h).deltaC - nudge(t, l, 3, -h).deltaC) / (2 * h);
      expect(fd).toBeCloseTo(t.deltaBar[l]![3]!, 8);
    }
  });
});
