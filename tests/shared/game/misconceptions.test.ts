import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  type ActivationName,
  analyse,
  makeBatch,
  networkFromJSON,
  type Trace,
} from '#shared/engine/index';
import {
  commonMisconception,
  explainMove,
  explainWeightMove,
  moveMisconceptions,
  weightMoveMisconceptions,
} from '#shared/game/misconceptions';
import { roundKey, scoreMove } from '#shared/game/scoring';

/** A sigmoid network given in full (engine layout: weights[l−1] is w^l row-major), run on its batch. */
function puzzle(
  sizes: number[],
  weights: number[][],
  biases: number[][],
  x: number[][],
  y: number[][],
  act: ActivationName = 'sigmoid',
): Trace {
  const net = networkFromJSON({
    sizes,
    activations: sizes.slice(1).map(() => act),
    cost: 'quadratic',
    weights,
    biases,
  });
  const t = analyse(net, makeBatch(x, y, sizes[0]!, sizes[sizes.length - 1]!));
  t.gradients();
  return t;
}

function move(t: Trace, l: number, j: number, dz: number, eps = 1) {
  return scoreMove(t, roundKey(t, eps), l, j, dz);
}

describe('misconceptions read from a Δz move', () => {
  // One output neuron at z = 1 with target 0: δ > 0.
  const out = puzzle([1, 1], [[0]], [[1]], [[0]], [[0]]);

  it('a move with the sign of δ at the output nudges along δ; the right sign is not tagged', () => {
    expect(out.deltaBar[1]![0]!).toBeGreaterThan(0);
    expect(moveMisconceptions(out, move(out, 1, 0, 0.2))).toEqual(['alongDelta']);
    expect(moveMisconceptions(out, move(out, 1, 0, -0.2))).toEqual([]);
  });

  // A hidden neuron feeds the output through a negative weight: δ^2 has the other sign from δ^3.
  const back = puzzle([1, 1, 1], [[0], [-2]], [[-0.5], [1]], [[0]], [[0]]);

  it('at a hidden neuron, the sign the output δ gives through a negative w is hiddenSignIgnored, not alongDelta', () => {
    const d3 = back.deltaBar[2]![0]!;
    const d2 = back.deltaBar[1]![0]!;
    expect(Math.sign(d3)).toBe(-Math.sign(d2));
    // Moving the hidden neuron against δ^3 (as if it were an output) is along δ^2.
    const m = move(back, 1, 0, -Math.sign(d3) * 0.2);
    expect(m.rightSign).toBe(false);
    expect(moveMisconceptions(back, m)).toEqual(['hiddenSignIgnored']);
    // The same player's output move has the right sign and no tag.
    expect(moveMisconceptions(back, move(back, 2, 0, -Math.sign(d3) * 0.2))).toEqual([]);
  });

  it('with a positive weight, a wrong hidden move cannot be blamed on w: it is alongDelta', () => {
    const pos = puzzle([1, 1, 1], [[0], [2]], [[0.3], [1]], [[0]], [[0]]);
    const d2 = pos.deltaBar[1]![0]!;
    expect(moveMisconceptions(pos, move(pos, 1, 0, Math.sign(d2) * 0.2))).toEqual(['alongDelta']);
  });

  // Three outputs: neuron 1 near a = 0.92 and its target (small |δ|), neuron 2 awake and far (large |δ|), neuron 3 asleep.
  const three = puzzle([1, 3], [[0, 0, 0]], [[2.5, 0, -5]], [[0]], [[0.9, 1, 1]]);

  it('the largest activation with a small |δ| is largeActivation; the largest |δ| is not', () => {
    const d = Array.from(three.deltaBar[1]!);
    expect(Math.abs(d[0]!)).toBeLessThan(0.5 * Math.abs(d[1]!));
    const big = move(three, 1, 0, -Math.sign(d[0]!) * 0.1);
    expect(moveMisconceptions(three, big)).toEqual(['largeActivation']);
    expect(moveMisconceptions(three, move(three, 1, 1, -Math.sign(d[1]!) * 0.1))).toEqual([]);
    // With only that neuron movable there was nothing better to pick.
    expect(moveMisconceptions(three, big, [{ l: 1, j: 0 }])).toEqual([]);
  });

  it('a right-sign step past the bend is overshoot; a short one is not', () => {
    // z = 1, y = 0.5: C is least near Δz = −1; Δz = −4 goes far past it.
    const far = puzzle([1, 1], [[0]], [[1]], [[0]], [[0.5]]);
    const long = move(far, 1, 0, -4, 4);
    expect(long.rightSign).toBe(true);
    expect(moveMisconceptions(far, long)).toEqual(['overshoot']);
    expect(moveMisconceptions(far, move(far, 1, 0, -0.3, 4))).toEqual([]);
  });

  it('the best move carries no tag, even on the neuron with the largest activation', () => {
    // Neuron 1 sits at z = 4 far from its target (a ≈ 0.98, small |δ|), neuron 2 at z = 0 near
    // its target (twice the |δ|). Over ε = 4 the line lies: the best move is neuron 1's.
    const curved = puzzle([1, 2], [[0, 0]], [[4, 0]], [[0]], [[0, 0.35]]);
    const d = Array.from(curved.deltaBar[1]!);
    expect(Math.abs(d[0]!)).toBeLessThan(0.5 * Math.abs(d[1]!));
    const key = roundKey(curved, 4);
    expect(key.best.j).toBe(0);
    const best = scoreMove(curved, key, 1, 0, key.best.dz);
    expect(best.reason).toBe('best');
    expect(moveMisconceptions(curved, best)).toEqual([]);
    // A short move there is still the large-activation pick.
    expect(moveMisconceptions(curved, scoreMove(curved, key, 1, 0, -0.1))).toEqual([
      'largeActivation',
    ]);
  });

  it('a move of 0 carries no tag', () => {
    expect(moveMisconceptions(out, move(out, 1, 0, 0))).toEqual([]);
  });
});

describe('misconceptions read from a weight move', () => {
  it('a negative input flips ∂C/∂w: following −δ there ignores a_k', () => {
    const t = puzzle([1, 1], [[1]], [[0.5]], [[-0.8]], [[0]]);
    const d = t.deltaBar[1]![0]!;
    expect(d).toBeGreaterThan(0);
    expect(weightMoveMisconceptions(t, { l: 1, j: 0, k: 0, dw: -0.2 })).toEqual([
      'weightIgnoresActivation',
    ]);
    expect(weightMoveMisconceptions(t, { l: 1, j: 0, k: 0, dw: 0.2 })).toEqual([]);
  });

  it('a weight from an inactive input (a_k = 0) while another input is active ignores a_k', () => {
    const t = puzzle([2, 1], [[1, 1]], [[0.5]], [[0, 0.8]], [[0]]);
    const d = t.deltaBar[1]![0]!;
    expect(weightMoveMisconceptions(t, { l: 1, j: 0, k: 0, dw: -Math.sign(d) * 0.3 })).toEqual([
      'weightIgnoresActivation',
    ]);
    expect(weightMoveMisconceptions(t, { l: 1, j: 0, k: 1, dw: -Math.sign(d) * 0.3 })).toEqual([]);
    // With a positive input the wrong sign is plain alongDelta.
    expect(weightMoveMisconceptions(t, { l: 1, j: 0, k: 1, dw: Math.sign(d) * 0.3 })).toEqual([
      'alongDelta',
    ]);
  });

  it('the sentence gives BP4 with the round numbers in book numbering', () => {
    const t = puzzle([1, 1], [[1]], [[0.5]], [[-0.8]], [[0]]);
    const e = explainWeightMove(t, { l: 1, j: 0, k: 0, dw: -0.2 });
    expect(e.en).toContain('w^{2}_{11}');
    expect(e.en).toContain('-0.8');
    expect(e.zh).toContain('BP4');
    expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the sentences for a class reveal', () => {
  const out = puzzle([1, 1], [[0]], [[1]], [[0]], [[0]]);

  it('alongDelta: δ, Δz and δΔz of the round, in book numbering, both languages', () => {
    const m = move(out, 1, 0, 0.2);
    const e = explainMove('alongDelta', out, m);
    const d = out.deltaBar[1]![0]!;
    expect(e.en).toContain('\\delta^{2}_{1}');
    expect(e.en).toContain(`+${Number(d.toPrecision(3))}`);
    expect(e.en).toContain(`+${Number((d * 0.2).toPrecision(3))}`);
    expect(e.en).toContain('\\Delta z = -0.2');
    expect(e.zh).toContain('\\Delta z = -0.2');
  });

  it('hiddenSignIgnored: BP2 with the weighted sum of the next layer and σ′', () => {
    const back = puzzle([1, 1, 1], [[0], [-2]], [[-0.5], [1]], [[0]], [[0]]);
    const d3 = back.deltaBar[2]![0]!;
    const m = move(back, 1, 0, -Math.sign(d3) * 0.2);
    const e = explainMove('hiddenSignIgnored', back, m);
    expect(e.en).toContain('BP2');
    expect(e.en).toContain(`${Number((-2 * d3).toPrecision(3))}`);
    expect(e.en).toContain('w^{3}');
  });

  it('overshoot and largeActivation name the numbers that show the mistake', () => {
    const far = puzzle([1, 1], [[0]], [[1]], [[0]], [[0.5]]);
    const m = move(far, 1, 0, -4, 4);
    expect(explainMove('overshoot', far, m).en).toContain('\\Delta z = -4');
    const three = puzzle([1, 3], [[0, 0, 0]], [[2.5, 0, -5]], [[0]], [[0.9, 1, 1]]);
    const big = move(three, 1, 0, -0.1);
    expect(explainMove('largeActivation', three, big).en).toContain('a^{2}_{1} = 0.924');
  });

  it('every sentence typesets in KaTeX, in both languages', () => {
    const far = puzzle([1, 1], [[0]], [[1]], [[0]], [[0.5]]);
    const back = puzzle([1, 1, 1], [[0], [-2]], [[-0.5], [1]], [[0]], [[0]]);
    const three = puzzle([1, 3], [[0, 0, 0]], [[2.5, 0, -5]], [[0]], [[0.9, 1, 1]]);
    const w = puzzle([1, 1], [[1]], [[0.5]], [[-0.8]], [[0]]);
    const sentences = [
      explainMove('alongDelta', out, move(out, 1, 0, 0.2)),
      explainMove('hiddenSignIgnored', back, move(back, 1, 0, 0.2)),
      explainMove('largeActivation', three, move(three, 1, 0, -0.1)),
      explainMove('overshoot', far, move(far, 1, 0, -4, 4)),
      explainWeightMove(w, { l: 1, j: 0, k: 0, dw: -0.2 }),
    ];
    for (const e of sentences) {
      for (const text of [e.en, e.zh]) {
        expect((text.match(/\$/g) ?? []).length % 2).toBe(0);
        for (const m of text.matchAll(/\$([^$]+)\$/g)) {
          expect(() => katex.renderToString(m[1]!, { throwOnError: true }), m[1]).not.toThrow();
        }
      }
    }
  });

  it('the most common tag by count, ties broken in the list order, with its share', () => {
    expect(
      commonMisconception([
        { tags: ['overshoot'] },
        { tags: ['alongDelta', 'largeActivation'] },
        { tags: ['largeActivation'] },
        { tags: [] },
      ]),
    ).toEqual({ tag: 'largeActivation', count: 2, share: 0.5 });
    expect(commonMisconception([{ tags: ['overshoot'] }, { tags: ['alongDelta'] }])!.tag).toBe(
      'alongDelta',
    );
    expect(commonMisconception([{ tags: [] }])).toBeNull();
  });
});
