import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../client/state/themeTokens.ts';

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours, 1…21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT = ['ink', 'muted', 'posInk', 'negInk', 'bestInk', 'gradInk'] as const;

describe('the palettes', () => {
  it('standard: every text colour reads at WCAG AA (4.5 : 1) on the panel, the background and the notice', () => {
    const p = PALETTES.standard;
    for (const k of TEXT)
      for (const bg of [p.panel, p.bg, p.warnBg])
        expect(contrast(p[k], bg), `${k} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.onInk, p.ink)).toBeGreaterThanOrEqual(4.5);
  });

  it('high contrast: every text colour reaches AAA (7 : 1)', () => {
    const p = PALETTES.contrast;
    for (const k of TEXT)
      for (const bg of [p.panel, p.bg, p.warnBg])
        expect(contrast(p[k], bg), `${k} on ${bg}`).toBeGreaterThanOrEqual(7);
  });

  it('the + and − line colours stand out from the panel (3 : 1, WCAG 1.4.11)', () => {
    for (const p of Object.values(PALETTES)) {
      expect(contrast(p.pos, p.panel)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.neg, p.panel)).toBeGreaterThanOrEqual(3);
      // Podium blocks carry white numbers.
      for (const c of [p.gold, p.silver, p.bronze])
        expect(contrast(p.onInk, c)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
