/** The hand-backprop level's answer rule: how a typed δ̄ is read and when it counts as right. */

/** An answer within 10 % of |δ̄| is right; for a tiny δ̄, within 5·10⁻⁴. */
export const HAND_REL_TOL = 0.1;
export const HAND_ABS_TOL = 5e-4;

/** Whether a typed v is close enough to the true δ̄ d. */
export function handClose(v: number, d: number): boolean {
  return Math.abs(v - d) <= Math.max(HAND_REL_TOL * Math.abs(d), HAND_ABS_TOL);
}

/** "−0,012", "-1.2e-3", " 0.5 " → a number; anything else → null. */
export function parseAnswer(text: string): number | null {
  const s = text.trim().replace(/[−–]/g, '-').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}
