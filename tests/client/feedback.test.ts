import { describe, expect, it } from 'vitest';
import { MoveReason } from '#shared/game/scoring';
import { setLang } from '../../client/i18n/index.ts';
import type { MoveResultView } from '../../client/state/playStore.ts';
import { reasonText } from '../../client/ui/feedback.ts';

/** A move at hidden neuron 3 of [2,3,1] (engine l = 1, j = 2) with δ̄ = +0.12 and Δz = +0.8. */
function result(
  reason: MoveResultView['reason'],
  over: Partial<MoveResultView> = {},
): MoveResultView {
  return {
    move: { l: 1, j: 2, dz: 0.8, deltaC: 0.101 },
    predicted: 0.096,
    deltaBar: 0.12,
    sigmaPrime: 0.2,
    best: { l: 2, j: 0, dz: -0.5, deltaC: -0.2 },
    gradient: null,
    quality: -0.5,
    points: 0,
    reason,
    ...over,
  };
}

describe('feedback after a move: one sentence with its equation and numbers', () => {
  it('wrong sign: δ̄²₃ = +0.12, so ΔC ≈ δ̄Δz = +0.096 (actual +0.101), nudge the other way', () => {
    setLang('en');
    const s = reasonText(result('wrongSign'), { L: 2 });
    expect(s).toContain('δ̄²₃ = +0.120');
    expect(s).toContain('ΔC ≈ δ̄Δz = +0.120·(+0.800) = +0.0960');
    expect(s).toContain('actual +0.101');
    expect(s).toMatch(/other way/);
  });

  it('every reason has a sentence in both languages, with the move’s numbers filled in', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      setLang(lang);
      for (const reason of Object.values(MoveReason)) {
        const s = reasonText(result(reason), { L: 2, bigger: { l: 2, j: 0, d: -0.3 } });
        expect(s, `${lang} ${reason}`).not.toMatch(/\{\w+\}/);
        if (reason !== 'noMove') expect(s, `${lang} ${reason}`).toContain('+0.101');
      }
    }
    setLang('en');
  });

  it('names the neuron with the larger |δ̄| (the output reads δ̄ᴸ₁), and the best move where curvature decides', () => {
    setLang('en');
    const small = reasonText(result('smallDelta'), { L: 2, bigger: { l: 2, j: 0, d: -0.3 } });
    expect(small).toContain('|δ̄ᴸ₁| = 0.300');
    const curve = reasonText(result('curvature'), { L: 2 });
    expect(curve).toMatch(/not linear in Δz/);
    expect(curve).toContain('Δz = −0.500 at neuron 1 of layer 3 (ΔC = −0.200)');
  });

  it('before a class reveal (best move held back) the sentence does not invent one', () => {
    setLang('en');
    for (const reason of ['overshoot', 'undershoot', 'curvature'] as const) {
      const s = reasonText(result(reason, { best: null }), { L: 2 });
      expect(s).not.toMatch(/best move was|would have given/);
      expect(s).not.toMatch(/\{\w+\}/);
    }
    expect(reasonText(result('smallDelta'), { L: 2, bigger: null })).toMatch(/another neuron/);
  });

  it('a weight move reads ∂C/∂w^l_jk = (1/n)Σ a·δ, and says so when Δw had its sign', () => {
    setLang('en');
    const w = result('weight', {
      move: { l: 2, j: 0, k: 2, dz: 1, deltaC: 0.05 },
      deltaBar: 0.04,
      predicted: 0.04,
    });
    const s = reasonText(w, { L: 2 });
    expect(s).toContain('∂C/∂wᴸ₁₃ = (1/n)Σₓ a·δ = +0.0400');
    expect(s).toMatch(/other way/);
    const good = reasonText({ ...w, move: { ...w.move, dz: -1 } }, { L: 2 });
    expect(good).not.toMatch(/other way/);
  });
});
