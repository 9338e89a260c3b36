import { Rng } from '#shared/engine/index';
import { ITEM_BANK } from './bank.ts';
import { type Drawn, Redraw, type Value } from './recipes/build.ts';
import { RECIPES } from './recipes/index.ts';
import type { Bilingual, Misconception } from './tags.ts';
import type { ConceptItem, ItemDef, ItemOption, PublicItem, Tolerance } from './types.ts';

/** Draws before an item gives up: every recipe in the bank needs only a few. */
const MAX_DRAWS = 200;

/**
 * A number as the check shows it, for KaTeX: 3 significant digits, no
 * exponent notation above 10⁻⁴ (a ×10ⁿ form below), `plus` puts + on positives.
 */
export function formatNumber(x: number, plus = false): string {
  if (x === 0 || Object.is(x, -0)) return '0';
  const a = Math.abs(x);
  let body: string;
  if (a < 1e-4) {
    const [m, e] = a.toExponential(2).split('e') as [string, string];
    body = `${Number(m)} \\times 10^{${Number(e)}}`;
  } else {
    body = String(Number(a.toPrecision(3)));
  }
  return x < 0 ? `-${body}` : plus ? `+${body}` : body;
}

/** Fills {name} and {+name} with the draw's numbers; braces that name no number (KaTeX groups) stay. */
export function fill(text: string, vars: Record<string, number>): string {
  return text.replace(/\{(\+?)(\w+)\}/g, (m, plus: string, name: string) =>
    Object.hasOwn(vars, name) ? formatNumber(vars[name]!, plus === '+') : m,
  );
}

function fillBoth(text: Bilingual, vars: Record<string, number>): Bilingual {
  return { en: fill(text.en, vars), zh: fill(text.zh, vars) };
}

/** The band of accepted answers around `answer`. */
export function band(answer: number, tol: Tolerance): number {
  return Math.max(tol.abs, tol.rel * Math.abs(answer));
}

/** A different seed for each item of one check: splitmix-style mixing of (check seed, index). */
export function itemSeed(checkSeed: number, index: number): number {
  let x = (checkSeed >>> 0) ^ Math.imul(index + 1, 0x9e3779b9);
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Whether a draw makes a fair item: every wrong answer distinguishable from the right one. */
function usable(def: ItemDef, d: Drawn): boolean {
  const wrong = Object.values(d.wrong) as Value[];
  if (def.format === 'numeric') {
    const ans = d.answer as number;
    const width = band(ans, def.tolerance!);
    return Number.isFinite(ans) && wrong.every((v) => Math.abs((v as number) - ans) > 2 * width);
  }
  if (typeof d.answer === 'string') return wrong.every((v) => v !== d.answer);
  // Numbers as options: what the student reads must differ.
  const shown = formatNumber(d.answer);
  return wrong.every((v) => formatNumber(v as number) !== shown);
}

function optionText(def: ItemDef, v: Value, vars: Record<string, number>): Bilingual {
  if (typeof v === 'number') {
    const s = def.optionTex ? fill(def.optionTex, { v }) : `$${formatNumber(v)}$`;
    return { en: s, zh: s };
  }
  const label = def.labels?.[v];
  if (!label) throw new Error(`item ${def.id} has no label for option ${v}`);
  return fillBoth(label, vars);
}

/** The choice item's options: one per distinct answer, tags merged, in an order drawn from the seed. */
function options(def: ItemDef, d: Drawn, rng: Rng): { list: ItemOption[]; answer: string } {
  const same = (p: Value, q: Value) =>
    typeof p === 'number' && typeof q === 'number' ? formatNumber(p) === formatNumber(q) : p === q;
  const groups: { value: Value; tags: Misconception[] }[] = [{ value: d.answer, tags: [] }];
  for (const [tag, v] of Object.entries(d.wrong) as [Misconception, Value][]) {
    const g = groups.find((x) => same(x.value, v));
    if (g) g.tags.push(tag);
    else groups.push({ value: v, tags: [tag] });
  }
  rng.shuffle(groups);
  const list = groups.map((g, i) => ({
    key: String.fromCharCode(65 + i),
    text: optionText(def, g.value, d.vars),
    tags: g.tags,
  }));
  const right = groups.findIndex((g) => g.tags.length === 0);
  return { list, answer: list[right]!.key };
}

/** The raw draw of an item for a seed (numbers, answer, wrong answers): what tests recompute. */
export function drawItem(def: ItemDef, seed: number): Drawn {
  const rng = new Rng(seed);
  for (let i = 0; i < MAX_DRAWS; i++) {
    try {
      const d = RECIPES[def.recipe](rng);
      if (usable(def, d)) return d;
    } catch (e) {
      if (!(e instanceof Redraw)) throw e;
    }
  }
  throw new Error(`item ${def.id}: no usable draw for seed ${seed}`);
}

/** Item `def` for one seed: the same seed gives the same item, bit for bit. */
export function makeItem(def: ItemDef, seed: number): ConceptItem {
  const d = drawItem(def, seed);
  const base = { id: def.id, concept: def.concept, seed, prompt: fillBoth(def.prompt, d.vars) };
  if (def.format === 'numeric') {
    return {
      ...base,
      format: 'numeric',
      options: [],
      answer: d.answer as number,
      tolerance: def.tolerance!,
      wrong: (Object.entries(d.wrong) as [Misconception, number][]).map(([tag, value]) => ({
        tag,
        value,
      })),
    };
  }
  // The option order has its own stream, so it does not shift the numbers.
  const o = options(def, d, new Rng(itemSeed(seed, 0xbad)));
  return { ...base, format: 'choice', options: o.list, answer: o.answer, wrong: [] };
}

/** A whole check: every item of the bank, each with its own seed derived from the check's. */
export function makeCheck(checkSeed: number, bank: readonly ItemDef[] = ITEM_BANK): ConceptItem[] {
  return bank.map((def, i) => makeItem(def, itemSeed(checkSeed, i)));
}

export function itemDef(id: string, bank: readonly ItemDef[] = ITEM_BANK): ItemDef | undefined {
  return bank.find((d) => d.id === id);
}

/** The item as a student's screen may see it before answering. */
export function toPublic(item: ConceptItem): PublicItem {
  const pub: PublicItem = {
    id: item.id,
    concept: item.concept,
    seed: item.seed,
    format: item.format,
    prompt: item.prompt,
    options: item.options.map((o) => ({ key: o.key, text: o.text })),
  };
  if (item.tolerance) pub.tolerance = item.tolerance;
  return pub;
}
