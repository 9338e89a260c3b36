import { describe, expect, it } from 'vitest';
import { layoutNetwork } from '../../client/state/layout.ts';

describe('the network layout', () => {
  for (const [w, h] of [
    [360, 385],
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`keeps every neuron whole inside a ${w}×${h} stage`, () => {
      for (const sizes of [
        [2, 1],
        [2, 6, 6, 1],
        [25, 16, 16, 16, 10],
        [2, 3, 3, 3, 3, 1],
      ]) {
        const lay = layoutNetwork(sizes, w, h);
        lay.pos.forEach((col, l) => {
          expect(col).toHaveLength(sizes[l]!);
          for (const p of col) {
            const r = lay.r[l]!;
            expect(p.x - r).toBeGreaterThanOrEqual(0);
            expect(p.x + r).toBeLessThanOrEqual(lay.strip.x);
            expect(p.y - r).toBeGreaterThanOrEqual(0);
            expect(p.y + r).toBeLessThanOrEqual(h);
          }
        });
      }
    });
  }
});
