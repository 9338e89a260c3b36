import { describe, expect, it } from 'vitest';
import { handClose, parseAnswer } from '../../client/solo/handAnswer.ts';

describe('hand backprop answers', () => {
  it('reads decimals as people type them, and refuses what is not a number', () => {
    expect(parseAnswer(' −0.012 ')).toBe(-0.012);
    expect(parseAnswer('-1.2e-3')).toBe(-0.0012);
    expect(parseAnswer('0,5')).toBe(0.5);
    expect(parseAnswer('.25')).toBe(0.25);
    for (const bad of ['abc', '', '1.2.3', '--1', '0x10', 'NaN', 'Infinity'])
      expect(parseAnswer(bad), bad).toBeNull();
  });

  it('accepts within 10 % of δ̄ (never the opposite sign of a δ̄ above 5·10⁻⁴), or within 5·10⁻⁴ when δ̄ is tiny', () => {
    expect(handClose(-0.0195, -0.02)).toBe(true);
    expect(handClose(-0.0175, -0.02)).toBe(false);
    expect(handClose(0.02, -0.02)).toBe(false);
    expect(handClose(0.0004, 0.0001)).toBe(true);
  });
});
