import { PALETTES, type Palette, ThemeName } from './themeTokens.ts';

export { ThemeName } from './themeTokens.ts';

const KEY = 'bd.theme';
const listeners = new Set<() => void>();

function hex(c: string): number {
  return Number.parseInt(c.slice(1), 16);
}

/** The current palette as numbers, for Phaser and the canvases (0xRRGGBB). */
export interface CanvasColors {
  positive: number;
  negative: number;
  best: number;
  gradient: number;
  ink: number;
  muted: number;
  neuronEmpty: number;
  neuronFull: number;
  /** Opacity of the faintest weight line: higher in high contrast, so small weights stay visible. */
  edgeFloor: number;
}

function toCanvas(p: Palette, name: ThemeName): CanvasColors {
  return {
    edgeFloor: name === ThemeName.Contrast ? 0.55 : 0.25,
    positive: hex(p.pos),
    negative: hex(p.neg),
    best: hex(p.best),
    gradient: hex(p.grad),
    ink: hex(p.ink),
    muted: hex(p.muted),
    neuronEmpty: hex(p.neuronEmpty),
    neuronFull: hex(p.neuronFull),
  };
}

function saved(): ThemeName {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === ThemeName.Contrast ? ThemeName.Contrast : ThemeName.Standard;
  } catch {
    return ThemeName.Standard;
  }
}

let current: ThemeName = saved();

/**
 * Colour-blind-safe colours (Okabe–Ito) of the current theme: sign is blue
 * for + and vermillion for −, and every negative line or ring is also dashed,
 * so colour is never the only cue. Updated in place when the theme changes:
 * read it at draw time, not at import.
 */
export const COLORS: CanvasColors = toCanvas(PALETTES[current], current);

export function cssColor(c: number): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}

export function theme(): ThemeName {
  return current;
}

/** `posInk` → `--pos-ink`. */
function cssName(token: string): string {
  return `--${token.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;
}

/** Writes the palette onto <html> as custom properties and `data-theme`, which the CSS reads. */
export function applyTheme(
  root: HTMLElement | undefined = globalThis.document?.documentElement,
): void {
  if (!root) return;
  const p = PALETTES[current];
  for (const [k, v] of Object.entries(p)) root.style.setProperty(cssName(k), v);
  root.dataset['theme'] = current;
}

export function setTheme(name: ThemeName): void {
  current = name;
  Object.assign(COLORS, toCanvas(PALETTES[name], name));
  try {
    globalThis.localStorage?.setItem(KEY, name);
  } catch {
    // the choice then lasts for this page only
  }
  applyTheme();
  for (const f of listeners) f();
}

export function onThemeChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
