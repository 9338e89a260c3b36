import { describe, expect, it } from 'vitest';
import {
  type CheckScore,
  classGain,
  ITEM_BANK,
  itemDef,
  makeCheck,
  makeItem,
  misconceptionShares,
  normalisedGain,
  parseNumber,
  scoreCheck,
  scoreItem,
} from '#shared/game/concepts/index';

describe('typed numbers', () => {
  it('reads what a phone keyboard gives: a real minus, a decimal comma, a leading dot, spaces', () => {
    expect(parseNumber('−0.12')).toBe(-0.12);
    expect(parseNumber(' -.5 ')).toBe(-0.5);
    expect(parseNumber('0,25')).toBe(0.25);
    expect(parseNumber('+3')).toBe(3);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1.2.3')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });
});

describe('scoring one item', () => {
  const numeric = makeItem(itemDef('cost-batch')!, 3);
  const choice = makeItem(itemDef('saturation-pick')!, 3);

  it('a numeric answer inside the tolerance is right; just outside it is not', () => {
    const a = numeric.answer as number;
    const tol = Math.max(numeric.tolerance!.abs, numeric.tolerance!.rel * Math.abs(a));
    expect(scoreItem(numeric, a + 0.9 * tol).correct).toBe(true);
    expect(scoreItem(numeric, String(a - 0.9 * tol)).correct).toBe(true);
    expect(scoreItem(numeric, a + 1.1 * tol).correct).toBe(false);
  });

  it('a wrong number lands on the misconception whose number it is; an unrelated one on none', () => {
    const sum = numeric.wrong.find((w) => w.tag === 'sumNotMean')!;
    expect(scoreItem(numeric, sum.value).tags).toContain('sumNotMean');
    expect(scoreItem(numeric, 42).tags).toEqual([]);
    expect(scoreItem(numeric, 42).answered).toBe(true);
  });

  it('an empty, unparsable or unknown answer is unanswered and not right', () => {
    for (const r of [null, undefined, '', 'x']) expect(scoreItem(numeric, r).answered).toBe(false);
    expect(scoreItem(choice, 'Z')).toMatchObject({ answered: false, correct: false, tags: [] });
  });

  it('a choice is right only for the right key, and a wrong key carries its tags', () => {
    expect(scoreItem(choice, choice.answer).correct).toBe(true);
    const wrong = choice.options.find((o) => o.key !== choice.answer)!;
    expect(scoreItem(choice, wrong.key)).toMatchObject({ correct: false, tags: wrong.tags });
  });
});

/** Answers to a whole check: right on the concepts listed, the `tag` misconception elsewhere when the item has it. */
function answers(seed: number, rightOn: (concept: string) => boolean) {
  const items = makeCheck(seed);
  const res: Record<string, string | number> = {};
  for (const item of items) {
    if (rightOn(item.concept)) res[item.id] = item.answer;
    else if (item.format === 'choice')
      res[item.id] = item.options.find((o) => o.key !== item.answer)!.key;
    else res[item.id] = item.wrong[0]!.value;
  }
  return { items, res };
}

describe('scoring a check', () => {
  it('counts per concept, overall and per misconception', () => {
    const { items, res } = answers(11, (c) => c !== 'bp2' && c !== 'vanishing');
    const s = scoreCheck(items, res);
    const wrongItems = ITEM_BANK.filter((d) => d.concept === 'bp2' || d.concept === 'vanishing');
    expect(s.right).toBe(ITEM_BANK.length - wrongItems.length);
    expect(s.overall).toBeCloseTo((100 * s.right) / ITEM_BANK.length, 10);
    expect(s.perConcept.bp2).toEqual({ right: 0, total: 4, percent: 0 });
    expect(s.perConcept.bp1).toEqual({ right: 3, total: 3, percent: 100 });
    const tagged = Object.values(s.misconceptions).reduce((a, b) => a + b, 0);
    expect(tagged).toBeGreaterThanOrEqual(wrongItems.length);
  });

  it('an empty answer sheet scores 0 with no misconception', () => {
    const s = scoreCheck(makeCheck(5), {});
    expect(s.overall).toBe(0);
    expect(s.misconceptions).toEqual({});
  });
});

describe('normalised gain ⟨g⟩ = (post − pre)/(100 − pre)', () => {
  it('is the share of the room left to learn that was learnt', () => {
    expect(normalisedGain(40, 70)).toBeCloseTo(0.5, 12);
    expect(normalisedGain(0, 100)).toBe(1);
    expect(normalisedGain(50, 50)).toBe(0);
    expect(normalisedGain(60, 40)).toBeCloseTo(-0.5, 12);
  });

  it('is undefined (null) at pre = 100, where nothing was left to learn, whatever the post', () => {
    expect(normalisedGain(100, 100)).toBeNull();
    expect(normalisedGain(100, 80)).toBeNull();
  });

  /** A score whose overall and per-concept percentages are given. */
  const score = (overall: number, perConcept: Record<string, number>): CheckScore => ({
    overall,
    right: 0,
    total: 0,
    perConcept: Object.fromEntries(
      Object.entries(perConcept).map(([c, p]) => [c, { right: p / 10, total: 10, percent: p }]),
    ),
    misconceptions: {},
    items: [],
  });

  it('for the class, from the mean pre and post (Hake), overall and per concept', () => {
    const g = classGain([
      { pre: score(20, { bp1: 0, bp2: 100 }), post: score(60, { bp1: 50, bp2: 100 }) },
      { pre: score(40, { bp1: 20, bp2: 100 }), post: score(80, { bp1: 90, bp2: 100 }) },
      { pre: score(100, { bp1: 100, bp2: 100 }), post: score(100, { bp1: 100, bp2: 100 }) },
    ]);
    expect(g.n).toBe(3);
    expect(g.preMean).toBeCloseTo(160 / 3, 10);
    expect(g.postMean).toBeCloseTo(80, 10);
    // (80 − 53.33)/(100 − 53.33) = 26.67/46.67 = 4/7: the student at 100 stays in the means.
    expect(g.overall).toBeCloseTo(4 / 7, 10);
    expect(g.perConcept.bp1).toBeCloseTo((80 - 40) / (100 - 40), 10);
    // Everyone at 100 before: no gain to speak of.
    expect(g.perConcept.bp2).toBeNull();
    expect(g.perConcept.forward).toBeUndefined();
  });

  it('an empty class has no gain', () => {
    expect(classGain([]).overall).toBeNull();
  });

  it('scored checks go straight in: a class that learns BP2 between checks gains on BP2 only', () => {
    const pre = answers(1, (c) => c !== 'bp2');
    const post = answers(2, () => true);
    const g = classGain([
      { pre: scoreCheck(pre.items, pre.res), post: scoreCheck(post.items, post.res) },
    ]);
    expect(g.perConcept.bp2).toBe(1);
    expect(g.perConcept.bp1).toBeNull();
    expect(g.overall).toBe(1);
  });
});

describe('misconceptions by share of the class', () => {
  const withTags = (m: Record<string, number>): CheckScore => ({
    overall: 0,
    right: 0,
    total: 0,
    perConcept: {},
    misconceptions: m,
    items: [],
  });

  it('counts students, not answers, most common first, ties in list order', () => {
    const shares = misconceptionShares([
      withTags({ ignoresSigmaPrime: 3 }),
      withTags({ ignoresSigmaPrime: 1, alongDelta: 1 }),
      withTags({ sumNotMean: 2 }),
      withTags({}),
    ]);
    expect(shares).toEqual([
      { tag: 'ignoresSigmaPrime', students: 2, share: 0.5 },
      { tag: 'alongDelta', students: 1, share: 0.25 },
      { tag: 'sumNotMean', students: 1, share: 0.25 },
    ]);
    expect(misconceptionShares([])).toEqual([]);
  });

  it('a class whose answers follow set misconceptions gets those shares back', () => {
    // 10 students: 6 ignore σ′ on bp1-value, the other 4 flip a − y.
    const def = itemDef('bp1-value')!;
    const scores = Array.from({ length: 10 }, (_, s) => {
      const item = makeItem(def, 100 + s);
      const tag = s < 6 ? 'ignoresSigmaPrime' : 'flippedError';
      return scoreCheck([item], { [item.id]: item.wrong.find((w) => w.tag === tag)!.value });
    });
    const shares = misconceptionShares(scores);
    expect(shares.find((x) => x.tag === 'ignoresSigmaPrime')!.share).toBeCloseTo(0.6, 12);
    expect(shares.find((x) => x.tag === 'flippedError')!.share).toBeCloseTo(0.4, 12);
  });
});
