import { el } from '../ui/format.ts';

/**
 * A 28×28 digit in a canvas of its own size, scaled up by CSS with crisp
 * pixels: ink (255) dark on light paper (0), as the digit was written.
 */
export function digitCanvas(className: string): HTMLCanvasElement {
  return el('canvas', { class: className, width: '28', height: '28' });
}

export function drawDigit(canvas: HTMLCanvasElement, pixels: Uint8Array): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = 255 - pixels[i]!;
    img.data[i * 4] = v;
    img.data[i * 4 + 1] = v;
    img.data[i * 4 + 2] = v;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
