import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  CONCEPT_INFO,
  CONCEPTS,
  drawItem,
  fill,
  formatNumber,
  ITEM_BANK,
  itemDef,
  MISCONCEPTION_LABEL,
  MISCONCEPTIONS,
  makeCheck,
  makeItem,
  toPublic,
} from '#shared/game/concepts/index';
import { LEVEL_IDS } from '#shared/game/levels';

describe('the item bank', () => {
  it('holds at least 24 items with unique ids, and every concept of the chapter has at least two', () => {
    expect(ITEM_BANK.length).toBeGreaterThanOrEqual(24);
    expect(new Set(ITEM_BANK.map((d) => d.id)).size).toBe(ITEM_BANK.length);
    for (const c of CONCEPTS) {
      expect(ITEM_BANK.filter((d) => d.concept === c).length, c).toBeGreaterThanOrEqual(2);
    }
  });

  it('tags only known misconceptions, each with a name in both languages; numeric items state a tolerance', () => {
    for (const def of ITEM_BANK) {
      expect(def.tags.length, def.id).toBeGreaterThan(0);
      for (const t of def.tags) expect(MISCONCEPTIONS).toContain(t);
      if (def.format === 'numeric') expect(def.tolerance, def.id).toBeDefined();
      expect(def.prompt.en).not.toBe(def.prompt.zh);
    }
    for (const m of MISCONCEPTIONS) {
      expect(MISCONCEPTION_LABEL[m].en.length).toBeGreaterThan(0);
      expect(MISCONCEPTION_LABEL[m].zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('sends each concept to a campaign level that exists', () => {
    for (const c of CONCEPTS) expect(LEVEL_IDS).toContain(CONCEPT_INFO[c].level);
  });

  it('leaves no placeholder unfilled and no $ unpaired in either language', () => {
    for (const def of ITEM_BANK) {
      const item = makeItem(def, 12345);
      const vars = drawItem(def, 12345).vars;
      const texts = [item.prompt, ...item.options.map((o) => o.text)].flatMap((t) => [t.en, t.zh]);
      for (const text of texts) {
        expect((text.match(/\$/g) ?? []).length % 2, `${def.id}: ${text}`).toBe(0);
        for (const name of Object.keys(vars)) expect(text).not.toContain(`{${name}}`);
        expect(text, def.id).not.toMatch(/\{\+\w+\}/);
        // A doubled backslash before a command is a KaTeX line break, not the command.
        expect(text, def.id).not.toMatch(/\\\\[a-zA-Z]/);
      }
    }
  });

  it('every formula of every item typesets in KaTeX without an error, in both languages', () => {
    for (const def of ITEM_BANK) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const item = makeItem(def, seed);
        const texts = [item.prompt, ...item.options.map((o) => o.text)].flatMap((t) => [
          t.en,
          t.zh,
        ]);
        for (const text of texts) {
          for (const m of text.matchAll(/\$([^$]+)\$/g)) {
            expect(
              () => katex.renderToString(m[1]!, { throwOnError: true }),
              `${def.id}: ${m[1]}`,
            ).not.toThrow();
          }
        }
      }
    }
    for (const c of CONCEPTS)
      expect(() => katex.renderToString(CONCEPT_INFO[c].tex, { throwOnError: true })).not.toThrow();
  });

  it('speaks in book numbering: no layer 0 and no neuron 0 in any text', () => {
    for (const def of ITEM_BANK) {
      for (const seed of [1, 2, 3]) {
        const item = makeItem(def, seed);
        const texts = [item.prompt, ...item.options.map((o) => o.text)].flatMap((t) => [
          t.en,
          t.zh,
        ]);
        for (const text of texts) {
          expect(text).not.toMatch(/layer 0|第 0 层|j = 0|\^0|_\{?0\}?[^.\d]/);
        }
      }
    }
  });
});

describe('items drawn from seeds', () => {
  it('gives the same item, bit for bit, for the same seed', () => {
    for (const def of ITEM_BANK) expect(makeItem(def, 777)).toEqual(makeItem(def, 777));
  });

  it('gives other numbers for other seeds (students cannot copy)', () => {
    for (const def of ITEM_BANK) {
      const prompts = new Set([1, 2, 3, 4, 5, 6].map((s) => makeItem(def, s).prompt.en));
      expect(prompts.size, def.id).toBeGreaterThanOrEqual(4);
    }
  });

  it('a check covers the whole bank, item seeds differ between items and between checks', () => {
    const pre = makeCheck(1001);
    const post = makeCheck(2002);
    expect(pre.map((i) => i.id)).toEqual(ITEM_BANK.map((d) => d.id));
    expect(new Set(pre.map((i) => i.seed)).size).toBe(pre.length);
    const samePrompt = pre.filter((p, i) => p.prompt.en === post[i]!.prompt.en);
    expect(samePrompt.length).toBeLessThan(3);
    expect(makeCheck(1001)).toEqual(pre);
  });

  it('a choice item has one right option and shuffles where it sits', () => {
    const def = itemDef('bp1-value')!;
    expect(def.format).toBe('numeric');
    const choice = ITEM_BANK.filter((d) => d.format === 'choice');
    for (const d of choice) {
      const item = makeItem(d, 99);
      expect(item.options.filter((o) => o.tags.length === 0).map((o) => o.key)).toEqual([
        item.answer,
      ]);
      expect(new Set(item.options.map((o) => o.text.en)).size).toBe(item.options.length);
    }
    const where = new Set(
      Array.from({ length: 30 }, (_, s) => makeItem(itemDef('saturation-pick')!, s).answer),
    );
    expect(where.size).toBeGreaterThan(1);
  });

  it('the public item shows the question and options but not the answer or the tags', () => {
    const item = makeItem(itemDef('linear-hunt')!, 5);
    const pub = toPublic(item);
    expect(JSON.stringify(pub)).not.toContain('"answer"');
    expect(JSON.stringify(pub)).not.toContain('alongDelta');
    expect(pub.options.map((o) => o.text)).toEqual(item.options.map((o) => o.text));
  });
});

describe('bp3-nudge-bias against a forward pass of its own', () => {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  /** C of a 2–2–1 sigmoid network, quadratic cost, mean over samples. */
  function cost(w: number[], b: number[], x: number[], y: number[], dz = 0, j = -1): number {
    let c = 0;
    for (let s = 0; s < 3; s++) {
      const h = [0, 1].map((r) =>
        sig(w[2 * r]! * x[2 * s]! + w[2 * r + 1]! * x[2 * s + 1]! + b[r]! + (r === j ? dz : 0)),
      );
      const out = sig(w[4]! * h[0]! + w[5]! * h[1]! + b[2]!);
      c += 0.5 * (out - y[s]!) ** 2;
    }
    return c / 3;
  }

  it('only the bias option reproduces the nudge of z on every sample', () => {
    for (let seed = 1; seed < 30; seed++) {
      const v = drawItem(itemDef('bp3-nudge-bias')!, seed).vars;
      const get = (p: string, n: number) => Array.from({ length: n }, (_, i) => v[`${p}${i}`]!);
      const [w, b, x, y] = [get('_w', 6), get('_b', 3), get('_x', 6), get('_y', 3)];
      const j = v.j! - 1;
      const base = cost(w, b, x, y);
      const nudged = cost(w, b, x, y, v.dz!, j) - base;
      const bb = [...b];
      bb[j]! += v.dz!;
      const ww = [...w];
      ww[2 * j]! += v.dz!;
      expect(cost(w, bb, x, y) - base).toBeCloseTo(nudged, 12);
      expect(Math.abs(cost(ww, b, x, y) - base - nudged)).toBeGreaterThan(1e-5);
    }
  });
});

describe('numbers as the check shows them', () => {
  it('3 significant digits, a real exponent for tiny values, a + when asked', () => {
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(0.00001234)).toBe('1.23 \\times 10^{-5}');
    expect(formatNumber(0.25, true)).toBe('+0.25');
    expect(formatNumber(-0)).toBe('0');
  });

  it('fills {name} and {+name}, and leaves KaTeX groups alone', () => {
    expect(
      fill('$w^2_{11} = {w}$, $\\Delta z = {+dz}$ \\begin{pmatrix}', { w: -0.5, dz: 0.2 }),
    ).toBe('$w^2_{11} = -0.5$, $\\Delta z = +0.2$ \\begin{pmatrix}');
  });
});

describe('docs/concepts.md, the open inventory', () => {
  it('lists every item with its concept, parameters and every tag it can reveal', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../docs/concepts.md', import.meta.url), 'utf8');
    for (const def of ITEM_BANK) {
      const at = doc.indexOf(`#### \`${def.id}\``);
      expect(at, def.id).toBeGreaterThan(0);
      const entry = doc.slice(
        at,
        doc.indexOf('####', at + 5) === -1 ? undefined : doc.indexOf('####', at + 5),
      );
      expect(entry).toContain(def.params);
      for (const t of def.tags) expect(entry, `${def.id} ${t}`).toContain(`\`${t}\``);
      // Its concept's heading comes before it.
      expect(doc.lastIndexOf(`\`${def.concept}\``, at)).toBeGreaterThan(0);
    }
    for (const m of MISCONCEPTIONS) expect(doc).toContain(`| \`${m}\` |`);
  });
});
