import { describe, expect, it } from 'vitest';
import {
  bookLayer,
  deltaText,
  layerMark,
  sampleName,
  symText,
  texSym,
  weightText,
} from '../../client/ui/notation.ts';

describe('the book’s numbering on every label', () => {
  it('[2,1]: the single output neuron reads δᴸ₁, never δ¹₁', () => {
    // Engine layer 1 of sizes [2,1] is the output layer L = 2.
    expect(deltaText(1, 0, 1)).toBe('δᴸ₁');
    expect(deltaText(1, 0, 1, true)).toBe('δ̄ᴸ₁');
    expect(texSym('\\delta', 1, 0, 1)).toBe('\\delta^{L}_{1}');
  });

  it('[2,3,1]: the hidden layer is layer 2, its neurons count from 1', () => {
    expect(bookLayer(1)).toBe(2);
    expect(deltaText(1, 2, 2)).toBe('δ²₃');
    expect(symText('z', 1, 0, 2)).toBe('z²₁');
    expect(layerMark(0, 2)).toBe('1');
  });

  it('a weight w^l_jk names the layer it feeds, then j and k from 1', () => {
    // Into the output of [2,3,1] from hidden neuron 3: w^L_13.
    expect(weightText(2, 0, 2, 2)).toBe('wᴸ₁₃');
    expect(weightText(1, 1, 0, 2)).toBe('w²₂₁');
  });

  it('samples count from 1', () => {
    expect(sampleName(0)).toBe('x₁');
    expect(sampleName(11)).toBe('x₁₂');
  });
});
