/**
 * Colour-blind-safe colours (Okabe–Ito): sign is blue for + and vermillion
 * for −, and every negative line or ring is also dashed, so colour is never
 * the only cue.
 */
export const COLORS = {
  positive: 0x0072b2,
  negative: 0xd55e00,
  best: 0xcc79a7,
  gradient: 0x009e73,
  ink: 0x1b1f24,
  muted: 0x8a94a3,
  neuronEmpty: 0xffffff,
  neuronFull: 0x243447,
} as const;

export function cssColor(c: number): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}
