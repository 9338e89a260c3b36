import { band } from './generate.ts';
import { CONCEPTS, type Concept, MISCONCEPTIONS, type Misconception } from './tags.ts';
import type { ConceptItem, Response } from './types.ts';

/**
 * Scoring the concept check: pure functions of the drawn items and the
 * answers, so the server, the browser and a report all get the same numbers.
 */

/**
 * A typed number as a student types it on a phone: "−0.12" (a real minus),
 * "-.5", "+0.3", "0,25" (a decimal comma), surrounding spaces. Null when it is no number.
 */
export function parseNumber(text: string): number | null {
  const s = text
    .trim()
    .replace(/[−–]/g, '-')
    .replace(/\s+/g, '')
    .replace(/^([+-]?\d*),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

export interface ItemResult {
  id: string;
  concept: Concept;
  answered: boolean;
  correct: boolean;
  /** Misconceptions the answer reveals (none when right or unanswered). */
  tags: Misconception[];
}

/** One answer: right or not, and which misconceptions a wrong one lands on. */
export function scoreItem(item: ConceptItem, response: Response): ItemResult {
  const out: ItemResult = {
    id: item.id,
    concept: item.concept,
    answered: false,
    correct: false,
    tags: [],
  };
  if (response === null || response === undefined || response === '') return out;
  if (item.format === 'choice') {
    const option = item.options.find((o) => o.key === response);
    if (!option) return out;
    out.answered = true;
    out.correct = option.key === item.answer;
    out.tags = [...option.tags];
    return out;
  }
  const x = typeof response === 'number' ? response : parseNumber(response);
  if (x === null || !Number.isFinite(x)) return out;
  out.answered = true;
  const answer = item.answer as number;
  const tol = item.tolerance!;
  out.correct = Math.abs(x - answer) <= band(answer, tol);
  // A wrong number within the tolerance of a misconception's number is that misconception.
  if (!out.correct) {
    out.tags = item.wrong
      .filter((w) => Math.abs(x - w.value) <= band(w.value, tol))
      .map((w) => w.tag);
  }
  return out;
}

export interface ConceptScore {
  right: number;
  total: number;
  /** 100 · right / total. */
  percent: number;
}

export interface CheckScore {
  /** Percent of all items right, 0…100. */
  overall: number;
  right: number;
  total: number;
  /** Per concept of the check (concepts with no item are left out). */
  perConcept: Partial<Record<Concept, ConceptScore>>;
  /** How many answers landed on each misconception. */
  misconceptions: Partial<Record<Misconception, number>>;
  items: ItemResult[];
}

/** Scores a whole check: answers by item id; an unanswered item counts as not right. */
export function scoreCheck(
  items: readonly ConceptItem[],
  responses: Readonly<Record<string, Response>>,
): CheckScore {
  const results = items.map((item) => scoreItem(item, responses[item.id]));
  const perConcept: Partial<Record<Concept, ConceptScore>> = {};
  const misconceptions: Partial<Record<Misconception, number>> = {};
  for (const r of results) {
    const c = perConcept[r.concept] ?? { right: 0, total: 0, percent: 0 };
    perConcept[r.concept] = c;
    c.total++;
    if (r.correct) c.right++;
    for (const t of r.tags) misconceptions[t] = (misconceptions[t] ?? 0) + 1;
  }
  for (const c of Object.values(perConcept)) c.percent = (100 * c.right) / c.total;
  const right = results.filter((r) => r.correct).length;
  return {
    overall: results.length ? (100 * right) / results.length : 0,
    right,
    total: results.length,
    perConcept,
    misconceptions,
    items: results,
  };
}

/**
 * Hake's normalised gain g = (post − pre)/(100 − pre): the share of what
 * could still be learnt that was learnt (scores in percent). At pre = 100
 * nothing was left to learn and g is undefined: null, so that a report can
 * say "at ceiling" and leave the student out of a mean of g rather than
 * divide by zero. A drop gives a negative g.
 */
export function normalisedGain(pre: number, post: number): number | null {
  if (!(pre < 100)) return null;
  return (post - pre) / (100 - pre);
}

export interface ClassGain {
  /** ⟨g⟩ = (⟨post⟩ − ⟨pre⟩)/(100 − ⟨pre⟩) from the class's mean scores; null when ⟨pre⟩ = 100 or nobody took both. */
  overall: number | null;
  preMean: number;
  postMean: number;
  /** The same per concept, from the mean per-concept percentages. */
  perConcept: Partial<Record<Concept, number | null>>;
  /** Students counted: those who took both checks. */
  n: number;
}

/**
 * The class's ⟨g⟩ as Hake defines it, from the class means of pre and post
 * (not the mean of each student's g, which a single pre = 100 would break).
 */
export function classGain(pairs: readonly { pre: CheckScore; post: CheckScore }[]): ClassGain {
  const n = pairs.length;
  const mean = (f: (p: { pre: CheckScore; post: CheckScore }) => number) =>
    n ? pairs.reduce((s, p) => s + f(p), 0) / n : 0;
  const preMean = mean((p) => p.pre.overall);
  const postMean = mean((p) => p.post.overall);
  const perConcept: Partial<Record<Concept, number | null>> = {};
  for (const c of CONCEPTS) {
    const both = pairs.filter((p) => p.pre.perConcept[c] && p.post.perConcept[c]);
    if (!both.length) continue;
    const pre = both.reduce((s, p) => s + p.pre.perConcept[c]!.percent, 0) / both.length;
    const post = both.reduce((s, p) => s + p.post.perConcept[c]!.percent, 0) / both.length;
    perConcept[c] = normalisedGain(pre, post);
  }
  return {
    overall: n ? normalisedGain(preMean, postMean) : null,
    preMean,
    postMean,
    perConcept,
    n,
  };
}

/**
 * Misconceptions by share of the class: for each tag, the share of students
 * with at least one answer on it (a student who shows it twice counts once),
 * most common first, ties in the tags' list order.
 */
export function misconceptionShares(
  scores: readonly CheckScore[],
): { tag: Misconception; students: number; share: number }[] {
  const out: { tag: Misconception; students: number; share: number }[] = [];
  if (!scores.length) return out;
  for (const tag of MISCONCEPTIONS) {
    const students = scores.filter((s) => (s.misconceptions[tag] ?? 0) > 0).length;
    if (students) out.push({ tag, students, share: students / scores.length });
  }
  // Array.prototype.sort is stable: equal counts keep the list order.
  return out.sort((p, q) => q.students - p.students);
}
