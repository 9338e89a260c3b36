import { describe, expect, it } from 'vitest';
import {
  type ConceptItem,
  drawItem,
  formatNumber as f,
  ITEM_BANK,
  type Misconception,
  makeItem,
  scoreItem,
} from '#shared/game/concepts/index';

/**
 * Every item solved a second time, without the engine: from the numbers its
 * text shows, by the chapter's formulas, finite differences and a sigmoid of
 * this file's own. Each misconception is then played out as the wrong
 * reasoning it names, and must land on the option (or number) tagged with it.
 * A student who reads the screen and reasons right is marked right.
 */

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const dsig = (z: number) => sig(z) * (1 - sig(z));
const logit = (a: number) => Math.log(a / (1 - a));
/** Central difference of f at x. */
const fd = (fn: (x: number) => number, x: number, h = 1e-5) => (fn(x + h) - fn(x - h)) / (2 * h);
const sgn = Math.sign;
const pm = (x: number) => (x > 0 ? `+${f(x)}` : f(x));

type Answer = number | string;
interface Solved {
  right: Answer;
  wrong: Partial<Record<Misconception, Answer>>;
}
type V = Record<string, number>;

const plusMinus = (name: string, step: number) => `$\\Delta ${name} = ${pm(step)}$`;
const neuronText = (j: number) => `neuron $j = ${j}$`;

const SOLVERS: Record<string, (v: V) => Solved> = {
  'forward-z': (v) => {
    const wa = v.w1! * v.x1! + v.w2! * v.x2!;
    return { right: wa + v.b!, wrong: { noBias: wa, zForA: sig(wa + v.b!) } };
  },
  'forward-a': (v) => {
    const wa = v.w1! * v.x1! + v.w2! * v.x2!;
    return { right: sig(wa + v.b!), wrong: { zForA: wa + v.b!, noBias: sig(wa) } };
  },
  'forward-index': (v) => ({
    right: v.w21! * v.x1! + v.w22! * v.x2! + v.b2!,
    wrong: {
      swappedIndices: v.w12! * v.x1! + v.w22! * v.x2! + v.b2!,
      noBias: v.w21! * v.x1! + v.w22! * v.x2!,
    },
  }),
  'cost-one': (v) => {
    const sq = (v.y1! - v.a1!) ** 2 + (v.y2! - v.a2!) ** 2;
    return { right: sq / 2, wrong: { noHalf: sq, normNotSquare: Math.sqrt(sq) / 2 } };
  },
  'cost-batch': (v) => {
    const c = [1, 2, 3].map((s) => 0.5 * (v[`y${s}`]! - v[`a${s}`]!) ** 2);
    const sum = c[0]! + c[1]! + c[2]!;
    return {
      right: sum / 3,
      wrong: { sumNotMean: sum, oneSampleForBatch: c[0]!, noHalf: (2 * sum) / 3 },
    };
  },
  'cost-sign': (v) => {
    const c = (d: number) => (0.5 * (v.a1! + d - v.y1!) ** 2 + 0.5 * (v.a2! + d - v.y2!) ** 2) / 2;
    const first = 0.5 * (v.a1! + v.dz! - v.y1!) ** 2 - 0.5 * (v.a1! - v.y1!) ** 2;
    return {
      right: c(v.dz!) < c(0) ? 'falls' : 'rises',
      wrong: { oneSampleForBatch: first < 0 ? 'falls' : 'rises' },
    };
  },
  'hadamard-vector': (v) => ({
    right: `$(${f(v.s1! * v.t1!)}, ${f(v.s2! * v.t2!)})$`,
    wrong: {
      dotNotHadamard: `$\\,${f(v.s1! * v.t1! + v.s2! * v.t2!)}$`,
      addsNotMultiplies: `$(${f(v.s1! + v.t1!)}, ${f(v.s2! + v.t2!)})$`,
      swappedIndices: `$(${f(v.s1! * v.t2!)}, ${f(v.s2! * v.t1!)})$`,
    },
  }),
  'hadamard-hidden': (v) => ({
    right: v.u2! * v.s2!,
    wrong: { ignoresSigmaPrime: v.u2!, dotNotHadamard: v.u1! * v.s1! + v.u2! * v.s2! },
  }),
  'bp1-value': (v) => {
    // δ = ∂C/∂z by finite differences of ½(σ(z) − y)², at the z the shown a comes from.
    const z = logit(v.a!);
    const d = fd((t) => 0.5 * (sig(t) - v.y!) ** 2, z);
    return {
      right: d,
      wrong: {
        ignoresSigmaPrime: v.a! - v.y!,
        flippedError: (v.y! - v.a!) * v.sp!,
        sigmaForSigmaPrime: (v.a! - v.y!) * v.a!,
      },
    };
  },
  'bp1-sign': (v) => {
    const z = logit(v.a!);
    const c = (t: number) => 0.5 * (sig(t) - v.y!) ** 2;
    const down = c(z + v.eps!) < c(z - v.eps!) ? v.eps! : -v.eps!;
    return { right: plusMinus('z', down), wrong: { alongDelta: plusMinus('z', -down) } };
  },
  'bp1-predict': (v) => {
    const d = (v.a! - v.y!) * v.sp!;
    return {
      right: d * v.dz!,
      wrong: {
        ignoresSigmaPrime: (v.a! - v.y!) * v.dz!,
        flippedError: -d * v.dz!,
        deltaIsDeltaC: d,
      },
    };
  },
  'saturation-pick': (v) => {
    const js = [1, 2, 3];
    const best = (g: (j: number) => number) => js.reduce((m, j) => (g(j) > g(m) ? j : m));
    return {
      right: neuronText(
        best((j) => Math.abs((sig(v[`z${j}`]!) - v[`y${j}`]!) * dsig(v[`z${j}`]!))),
      ),
      wrong: {
        ignoresSigmaPrime: neuronText(best((j) => Math.abs(v[`a${j}`]! - v[`y${j}`]!))),
        largeActivation: neuronText(best((j) => v[`a${j}`]!)),
      },
    };
  },
  'saturation-dc': (v) => {
    const d = fd((t) => 0.5 * (sig(t) - v.y!) ** 2, v.z!);
    return { right: d * v.dz!, wrong: { ignoresSigmaPrime: (v.a! - v.y!) * v.dz! } };
  },
  'saturation-hidden': (v) => {
    const js = [1, 2, 3];
    const best = (g: (j: number) => number) => js.reduce((m, j) => (g(j) > g(m) ? j : m));
    return {
      right: neuronText(best((j) => Math.abs(v[`w${j}`]! * v.d3! * dsig(v[`z${j}`]!)))),
      wrong: {
        ignoresSigmaPrime: neuronText(best((j) => Math.abs(v[`w${j}`]! * v.d3!))),
        largeActivation: neuronText(best((j) => v[`a${j}`]!)),
      },
    };
  },
  'bp2-value': (v) => ({
    right: v.w! * v.d3! * v.sp!,
    wrong: { ignoresSigmaPrime: v.w! * v.d3!, sigmaForSigmaPrime: v.w! * v.d3! * v.a2! },
  }),
  'bp2-sign-w': (v) => bp2Sign(v),
  'bp2-sign-delta': (v) => bp2Sign(v),
  'bp2-two-paths': (v) => ({
    right: (v.w11! * v.d1! + v.w21! * v.d2!) * v.s1!,
    wrong: {
      swappedIndices: (v.w11! * v.d1! + v.w12! * v.d2!) * v.s1!,
      onePathOnly: v.w11! * v.d1! * v.s1!,
      ignoresSigmaPrime: v.w11! * v.d1! + v.w21! * v.d2!,
    },
  }),
  'bp3-output': (v) => {
    // ∂C/∂b by finite differences: b moves z one for one.
    const z = logit(v.a!);
    const d = fd((t) => 0.5 * (sig(t) - v.y!) ** 2, z);
    return { right: d, wrong: { biasTimesActivation: v.x! * d, ignoresSigmaPrime: v.a! - v.y! } };
  },
  'bp3-nudge-bias': (v) => {
    const j = v.j!;
    const dz = f(v.dz!);
    return {
      right: `$\\Delta b^2_{${j}} = ${dz}$`,
      wrong: {
        nudgeNotBias: `$\\Delta w^2_{${j}1} = ${dz}$`,
        zForA: `$\\Delta a^2_{${j}} = ${dz}$`,
      },
    };
  },
  'bp3-batch': (v) => ({
    right: (v.d1! + v.d2! + v.d3!) / 3,
    wrong: { sumNotMean: v.d1! + v.d2! + v.d3!, oneSampleForBatch: v.d1! },
  }),
  'bp4-value': (v) => ({
    right: v.a2! * v.d3!,
    wrong: {
      deltaForGradient: v.d3!,
      outputActivation: v.a3! * v.d3!,
      swappedIndices: v.a1! * v.d3!,
    },
  }),
  'bp4-inactive': (v) => ({
    right: 0 * v.d! * v.dw!,
    wrong: { deltaForGradient: v.d! * v.dw!, swappedIndices: v.x2! * v.d! * v.dw! },
  }),
  'bp4-sign': (v) => {
    const down = -sgn(v.x! * v.d!) * v.eps!;
    return {
      right: plusMinus('w^2_{11}', down),
      wrong: { weightIgnoresActivation: plusMinus('w^2_{11}', -sgn(v.d!) * v.eps!) },
    };
  },
  'bp4-batch': (v) => {
    const p = [v.x1! * v.d1!, v.x2! * v.d2!];
    return {
      right: (p[0]! + p[1]!) / 2,
      wrong: {
        productOfMeans: ((v.x1! + v.x2!) / 2) * ((v.d1! + v.d2!) / 2),
        oneSampleForBatch: p[0]!,
        sumNotMean: p[0]! + p[1]!,
      },
    };
  },
  'linear-hunt': (v) => {
    const big = Math.abs(v.d1!) > Math.abs(v.d2!) ? 1 : 2;
    const small = 3 - big;
    const db = v[`d${big}`]!;
    const ds = v[`d${small}`]!;
    const move = (j: number, dz: number) => `$\\Delta z^L_{${j}} = ${pm(dz)}$`;
    return {
      right: move(big, -sgn(db) * v.eps!),
      wrong: { alongDelta: move(big, sgn(db) * v.eps!), signOnly: move(small, -sgn(ds) * v.eps!) },
    };
  },
  'linear-bound': (v) => {
    const c = (t: number) => 0.5 * (sig(t) - v.y!) ** 2;
    const d = (sig(v.z!) - v.y!) * dsig(v.z!);
    return { right: c(v.z! + v.dz!) - c(v.z!), wrong: { linearAlways: d * v.dz! } };
  },
  'linear-best': (v) => {
    // C = ½(σ(z + Δz) − y)² is least where σ(z + Δz) = y, if that lies in the budget.
    const best = Math.max(-v.eps!, Math.min(v.eps!, logit(v.y!) - v.z!));
    const d = sgn(sig(v.z!) - v.y!);
    return { right: best, wrong: { linearAlways: -d * v.eps!, alongDelta: d * v.eps! } };
  },
  'linear-small': (v) => ({ right: v.d! * v.dz!, wrong: { deltaIsDeltaC: v.d! } }),
  'vanish-chain': (v) => ({
    right: v.w3! * v.w4! * v.d4! * v.s3! * v.s2!,
    wrong: {
      ignoresSigmaPrime: v.w3! * v.w4! * v.d4!,
      deltaKeepsSize: v.d4!,
      shrinksOnce: v.w3! * v.w4! * v.d4! * v.s3!,
    },
  }),
  'vanish-bound': (v) => ({
    right: v.d! * (v.wmax! * 0.25) ** v.k!,
    wrong: {
      ignoresSigmaPrime: v.d! * v.wmax! ** v.k!,
      shrinksOnce: (v.d! * v.wmax! ** v.k!) / 4,
      deltaKeepsSize: v.d!,
    },
  }),
  'vanish-which': (v) => {
    // δ^5 = (a − y)σ′(z^5), then δ^l = w^{l+1} δ^{l+1} σ′(z^l) back to layer 2.
    const delta: Record<number, number> = { 5: (sig(v.z5!) - v.y!) * dsig(v.z5!) };
    for (let l = 4; l >= 2; l--) delta[l] = v[`w${l + 1}`]! * delta[l + 1]! * dsig(v[`z${l}`]!);
    const ls = [2, 3, 4, 5];
    const best = ls.reduce((m, l) => (Math.abs(delta[l]!) > Math.abs(delta[m]!) ? l : m));
    const bigA = ls.reduce((m, l) => (v[`a${l}`]! > v[`a${m}`]! ? l : m));
    return {
      right: `layer ${best}`,
      wrong: { deltaKeepsSize: 'layer 2', largeActivation: `layer ${bigA}` },
    };
  },
};

function bp2Sign(v: V): Solved {
  // δ^2 = w δ^3 σ′(z^2): its sign is sign(w)·sign(δ^3).
  const d2 = v.w! * v.d3! * v.sp!;
  const all = {
    alongDelta: plusMinus('z^2_1', sgn(d2) * v.eps!),
    hiddenSignIgnored: plusMinus('z^2_1', -sgn(v.d3!) * v.eps!),
    weightSignNotDelta: plusMinus('z^2_1', -sgn(v.w!) * v.eps!),
  };
  const right = plusMinus('z^2_1', -sgn(d2) * v.eps!);
  // A misconception that happens to give the right move on these numbers is not revealed by them.
  const wrong = Object.fromEntries(Object.entries(all).filter(([, t]) => t !== right));
  return { right, wrong };
}

/** The number an option shows (choice items whose options are numbers). */
function optionNumber(text: string): number {
  // The last number in the text, with its ×10^e if it has one.
  const all = [...text.matchAll(/([-+]?\d+(?:\.\d+)?)(?: \\times 10\^\{(-?\d+)\})?/g)];
  const m = all[all.length - 1]!;
  return Number(m[1]) * 10 ** Number(m[2] ?? 0);
}

/** Same text, numbers allowed to differ in their last shown digit (3 significant digits each way). */
function sameText(p: string, q: string): boolean {
  const num = /(-?\d+(?:\.\d+)?)/;
  const a = p.split(num);
  const b = q.split(num);
  return (
    a.length === b.length &&
    a.every((x, i) =>
      i % 2 === 0
        ? x === b[i]
        : Math.abs(Number(x) - Number(b[i])) <= 0.01 * Math.abs(Number(x)) + 1e-4,
    )
  );
}

function optionFor(item: ConceptItem, a: Answer) {
  if (typeof a === 'string') return item.options.find((o) => sameText(o.text.en, a));
  // The option nearest to the value, which must be close to it.
  const near = [...item.options].sort(
    (p, q) => Math.abs(optionNumber(p.text.en) - a) - Math.abs(optionNumber(q.text.en) - a),
  )[0]!;
  const x = optionNumber(near.text.en);
  return Math.abs(x - a) <= Math.max(0.002, 0.03 * Math.abs(a)) ? near : undefined;
}

const SEEDS = Array.from(
  { length: Number(process.env.CONCEPT_SEEDS ?? 40) },
  (_, i) => 1 + i * 7919,
);

describe('every item of the bank, solved again without the engine', () => {
  it('has a solver for every item, and no solver without an item', () => {
    expect(Object.keys(SOLVERS).sort()).toEqual(ITEM_BANK.map((d) => d.id).sort());
  });

  for (const def of ITEM_BANK) {
    it(`${def.id}: the right answer from the shown numbers is marked right, each wrong reasoning lands on its tag`, () => {
      const reached = new Set<Misconception>();
      for (const seed of SEEDS) {
        const item = makeItem(def, seed);
        const solved = SOLVERS[def.id]!(drawItem(def, seed).vars);
        if (item.format === 'numeric') {
          const right = scoreItem(item, solved.right as number);
          expect(right.correct, `${def.id} seed ${seed}: ${solved.right} vs ${item.answer}`).toBe(
            true,
          );
          for (const [tag, value] of Object.entries(solved.wrong) as [Misconception, number][]) {
            const r = scoreItem(item, value);
            expect(r.correct, `${def.id} seed ${seed}: ${tag} gives ${value}`).toBe(false);
            expect(r.tags).toContain(tag);
            reached.add(tag);
          }
        } else {
          const right = optionFor(item, solved.right);
          expect(right?.key, `${def.id} seed ${seed}: right answer ${solved.right}`).toBe(
            item.answer,
          );
          for (const [tag, a] of Object.entries(solved.wrong) as [Misconception, Answer][]) {
            const o = optionFor(item, a);
            expect(o, `${def.id} seed ${seed}: ${tag} gives ${a}`).toBeDefined();
            expect(o!.key).not.toBe(item.answer);
            expect(o!.tags).toContain(tag);
            expect(scoreItem(item, o!.key).tags).toContain(tag);
            reached.add(tag);
          }
          // Every wrong option names what it reveals.
          for (const o of item.options)
            if (o.key !== item.answer) expect(o.tags.length).toBeGreaterThan(0);
        }
      }
      // Every misconception the bank lists for the item is reached on some seed.
      expect([...reached].sort()).toEqual([...def.tags].sort());
    });
  }
});
