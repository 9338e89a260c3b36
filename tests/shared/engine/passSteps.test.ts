import { describe, expect, it } from 'vitest';
import {
  analyse,
  gradientDemon,
  nudge,
  type PassStep,
  passSteps,
  subBatch,
  Trace,
} from '#shared/engine/index';
import { makeCase } from './random-nets.ts';

const kinds = (s: PassStep[]) =>
  s.map((x) =>
    x.kind === 'forward' || x.kind === 'bp1' || x.kind === 'bp2' ? `${x.kind}${x.l}` : x.kind,
  );

describe('passSteps: the pass as the chapter tells it', () => {
  const c = makeCase([3, 4, 3, 2], ['sigmoid', 'tanh', 'sigmoid'], 'quadratic', 5, 7);

  it('orders the steps forward 1…L, BP1 at L, BP2 back to layer 1, BP3, BP4, the demon', () => {
    const steps = passSteps(analyse(c.net, c.batch), 0.3);
    expect(kinds(steps)).toEqual([
      'forward1',
      'forward2',
      'forward3',
      'bp13',
      'bp22',
      'bp21',
      'bp3',
      'bp4',
      'demon',
    ]);
  });

  it('for one sample, each step is its equation with these numbers filled in', () => {
    const one = new Trace(c.net, 1).load(c.batch, [2]).run();
    const steps = passSteps(one, 0.3);
    const f2 = steps.find((s) => s.kind === 'forward' && s.l === 2)!;
    if (f2.kind !== 'forward') throw new Error('not a forward step');
    const f1 = steps[0]!;
    if (f1.kind !== 'forward') throw new Error('not a forward step');
    // z^2_j = Σ_k w^2_jk a^1_k + b^2_j (eq. 1), a = σ(z) (eq. 3).
    for (let j = 0; j < 3; j++) {
      let z = c.net.b[2]![j]!;
      for (let k = 0; k < 4; k++) z += c.net.w[2]![j * 4 + k]! * f1.a[k]!;
      expect(f2.z[j]).toBeCloseTo(z, 12);
      expect(f2.a[j]).toBeCloseTo(Math.tanh(z), 12);
    }
    const out = steps.find((s) => s.kind === 'bp1')!;
    if (out.kind !== 'bp1') throw new Error('no BP1');
    // BP1, quadratic: δ^L = (a − y) σ'(z^L).
    out.delta.forEach((d, j) => {
      expect(d).toBeCloseTo((out.a[j]! - out.y[j]!) * out.sp[j]!, 14);
    });
    // BP2: δ^l = (wᵀδ^{l+1}) ⊙ σ'(z^l), and wᵀδ is Σ_k w_kj δ_k of the step before.
    const back = steps.filter((s) => s.kind === 'bp2');
    let next = out.delta;
    for (const b of back) {
      if (b.kind !== 'bp2') continue;
      const nl = c.net.sizes[b.l]!;
      b.delta.forEach((d, j) => {
        let wd = 0;
        next.forEach((dk, k) => {
          wd += c.net.w[b.l + 1]![k * nl + j]! * dk;
        });
        expect(b.wd[j]).toBeCloseTo(wd, 12);
        expect(d).toBeCloseTo(wd * b.sp[j]!, 12);
      });
      next = b.delta;
    }
    // BP4 at its focus: a^{l−1}_k δ^l_j.
    const w = steps.find((s) => s.kind === 'bp4')!;
    if (w.kind !== 'bp4') throw new Error('no BP4');
    const { l, j, k } = w.focus;
    const nIn = c.net.sizes[l - 1]!;
    expect(w.nablaW[l]![j * nIn + k]).toBeCloseTo(w.aIn * one.deltaBar[l]![j]!, 14);
  });

  it('over the batch, every number is the mean of the per-sample ones', () => {
    const all = passSteps(analyse(c.net, c.batch), 0.3);
    const per = Array.from({ length: c.batch.n }, (_, x) =>
      passSteps(analyse(c.net, subBatch(c.batch, [x])), 0.3),
    );
    all.forEach((step, i) => {
      if (step.kind === 'demon') return;
      const mean = (f: (s: PassStep) => number[]) =>
        f(step).map((_, j) => per.reduce((acc, p) => acc + f(p[i]!)[j]!, 0) / c.batch.n);
      const pick = (s: PassStep): number[] =>
        s.kind === 'forward'
          ? s.z.concat(s.a)
          : s.kind === 'bp3'
            ? s.nablaB.flat()
            : s.kind === 'bp4'
              ? s.nablaW.flat()
              : s.kind === 'demon'
                ? []
                : s.delta.concat(s.sp);
      const m = mean(pick);
      pick(step).forEach((v, j) => {
        expect(v).toBeCloseTo(m[j]!, 12);
      });
    });
  });

  it('the demon step is the gradient demon, with the exact ΔC the engine reports', () => {
    const trace = analyse(c.net, c.batch);
    const steps = passSteps(trace, 0.3);
    const demon = steps[steps.length - 1]!;
    if (demon.kind !== 'demon') throw new Error('no demon');
    const g = gradientDemon(trace, 0.3);
    expect(demon.move).toEqual(g);
    expect(demon.move.deltaC).toBe(nudge(trace, g.l, g.j, g.dz).deltaC);
    const b = steps.find((s) => s.kind === 'bp3')!;
    if (b.kind !== 'bp3') throw new Error('no BP3');
    // BP3's largest |∂C/∂b| is where the gradient demon sits.
    expect(b.focus).toEqual({ l: g.l, j: g.j });
    expect(demon.cost).toBe(trace.cost);
  });
});
