/** Where each neuron sits on the stage: computed once per size change, read by the scene and the DOM overlay. */
export interface NetLayout {
  width: number;
  height: number;
  /** pos[l][j]: the centre of neuron j of layer l. */
  pos: { x: number; y: number }[][];
  /** Neuron radius of each layer. */
  r: number[];
  /** The strip right of the output layer where a^L(x) is drawn beside y(x). */
  strip: { x: number; width: number };
}

/** Lays a network out in a width×height stage, leaving room on the right for the output strip. */
export function layoutNetwork(sizes: readonly number[], width: number, height: number): NetLayout {
  const w = Math.max(width, 120);
  const h = Math.max(height, 120);
  const stripWidth = Math.max(56, Math.min(160, w * 0.18));
  const r0 = Math.min(32, ((h * 0.88) / sizes[0]!) * 0.36);
  // The input layer's squares and their x labels must not leave the stage.
  const left = Math.max(r0 + 12, Math.min(64, w * 0.08));
  // Room right of the output layer for the move marks (rings and arrows) before the strip.
  const right = w - stripWidth - Math.max(48, w * 0.08);
  const cols = sizes.length;
  const colGap = cols > 1 ? (right - left) / (cols - 1) : 0;
  const top = Math.max(16, h * 0.06);
  const usable = h - 2 * top;
  const pos: { x: number; y: number }[][] = [];
  const r: number[] = [];
  sizes.forEach((n, l) => {
    const x = left + l * colGap;
    const gap = usable / n;
    const radius = Math.max(4, Math.min(32, gap * 0.36, colGap * 0.2));
    r.push(radius);
    pos.push(Array.from({ length: n }, (_, j) => ({ x, y: top + gap * (j + 0.5) })));
  });
  return { width: w, height: h, pos, r, strip: { x: w - stripWidth - 8, width: stripWidth - 8 } };
}

/** Samples drawn per output in the strip: a few pixels each at least, at most 16. */
export function stripSamples(layout: NetLayout, nOut: number, nSamples: number): number {
  return Math.min(nSamples, 16, Math.max(1, Math.floor(layout.height / nOut / 7)));
}

/** The vertical extent of output neuron j's strip of n samples. */
export function stripSpan(layout: NetLayout, j: number, n: number): { top: number; span: number } {
  const L = layout.pos.length - 1;
  const nL = layout.pos[L]!.length;
  const r = layout.r[L]!;
  const span = Math.max(r * 2, Math.min(n * 7, layout.height / nL - 6));
  return { top: layout.pos[L]![j]!.y - span / 2, span };
}
