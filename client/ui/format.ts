/** A number with its sign and a few significant digits: +0.0123, −1.20, 3.4e−5. */
export function signed(v: number, digits = 3): string {
  if (v === 0) return '0';
  const sign = v > 0 ? '+' : '−';
  return sign + magnitude(Math.abs(v), digits);
}

/** |v| with a few significant digits, switching to exponent form for tiny or huge values. */
export function magnitude(v: number, digits = 3): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a < 1e-3 || a >= 1e5) return a.toExponential(digits - 1).replace('-', '−');
  return a.toPrecision(digits);
}

/** A plain number, − for minus. */
export function num(v: number, digits = 3): string {
  return v < 0 ? `−${magnitude(v, digits)}` : magnitude(v, digits);
}

/** A number for use inside TeX: ASCII minus, and 8.25 × 10⁻⁴ rather than 8.25e−4. */
export function tex(v: number, digits = 3): string {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) {
    const [m, e] = a.toExponential(digits - 1).split('e');
    return `${v < 0 ? '-' : ''}${m}\\times 10^{${Number(e)}}`;
  }
  return num(v, digits).replace('−', '-');
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** Writes text only when it differs: an unchanged write still costs a relayout. */
export function setText(e: HTMLElement, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}
