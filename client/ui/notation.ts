/**
 * The book's numbering, in one place. The engine counts layers 0…L with 0 the
 * input layer and neurons from 0; the chapter counts layers from 1 (the input
 * layer is layer 1, the output layer is L) and neurons from 1. Every label a
 * person reads goes through here, so [2,1]'s output δ reads δ^L_1 (or δ²₁),
 * never δ¹₁.
 */

const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  L: 'ᴸ',
  '−': '⁻',
};
const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
};

const sup = (s: string) => [...s].map((c) => SUP[c] ?? c).join('');
const sub = (s: string) => [...s].map((c) => SUB[c] ?? c).join('');

/** The book's number of engine layer l (input layer 0 → layer 1). */
export function bookLayer(l: number): number {
  return l + 1;
}

/** The book's number of engine neuron j (first neuron 0 → neuron 1). */
export function bookNeuron(j: number): number {
  return j + 1;
}

/** A layer's superscript as the book writes it: "L" for the output layer, else its number. */
export function layerMark(l: number, L: number): string {
  return l === L ? 'L' : String(bookLayer(l));
}

/** δ of a neuron in plain text: δ²₃, or δᴸ₁ at the output. */
export function deltaText(l: number, j: number, L: number, bar = false): string {
  return `${bar ? 'δ̄' : 'δ'}${sup(layerMark(l, L))}${sub(String(bookNeuron(j)))}`;
}

/** Any symbol with a layer superscript and a neuron subscript in plain text: z²₃, σ′(z²₃). */
export function symText(sym: string, l: number, j: number, L: number): string {
  return `${sym}${sup(layerMark(l, L))}${sub(String(bookNeuron(j)))}`;
}

/** w^l_jk in plain text: the weight into neuron j of layer l from neuron k of the layer before. */
export function weightText(l: number, j: number, k: number, L: number): string {
  return `w${sup(layerMark(l, L))}${sub(`${bookNeuron(j)}${bookNeuron(k)}`)}`;
}

/** A layer superscript for TeX: {L} or {2}. */
export function texLayer(l: number, L: number): string {
  return `{${layerMark(l, L)}}`;
}

/** A symbol with layer and neuron in TeX: \delta^{2}_{3}, a^{L}_{1}. */
export function texSym(sym: string, l: number, j: number, L: number): string {
  return `${sym}^${texLayer(l, L)}_{${bookNeuron(j)}}`;
}

/** Superscript text, for layers in prose such as "a^{l−1}". */
export function superscript(s: string): string {
  return sup(s);
}

/** Sample x of the batch as the book writes it: x₁, x₂, … */
export function sampleName(x: number): string {
  return `x${sub(String(x + 1))}`;
}

/** The target of output neuron j: y₁, y₂, … */
export function targetName(j: number): string {
  return `y${sub(String(bookNeuron(j)))}`;
}
