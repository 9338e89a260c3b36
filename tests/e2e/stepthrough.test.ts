import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { analyse, gradientDemon, Trace } from '#shared/engine/index';
import { levelById, levelPuzzle } from '#shared/game/levels';
import { examplePuzzle } from '../../client/solo/example.ts';
import { SANDBOX_DEFAULTS, SandboxRun } from '../../client/solo/sandboxRun.ts';
import { num, signed, tex } from '../../client/ui/format.ts';
import { hostCreates, PROJECTOR, playerJoins, playerMoves } from './classroom.steps.ts';
import { newPage, openEveryLevel, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

// xor through two hidden layers of 3: [2,3,3,1], book layers 1 (input), 2, 3 and L = 4.
const QUERY = 'dataset=xor&layers=3,3';
const settings = { ...SANDBOX_DEFAULTS, dataset: 'xor' as const, hidden: [3, 3] };

interface Shown {
  kind: string;
  layer: string;
  j: number;
  k: number | null;
  value: number;
  /** The TeX KaTeX typeset, as its MathML annotation keeps it. */
  texSource: string;
  now: string;
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const eq = document.querySelector<HTMLElement>('.pass-eq')!;
    const d = eq.dataset;
    return {
      kind: d['kind']!,
      layer: d['layer']!,
      j: Number(d['j']),
      k: d['k'] === undefined ? null : Number(d['k']),
      value: Number(d['value']),
      texSource: eq.querySelector('annotation')?.textContent ?? '',
      now: document.querySelector('.pass-steps li.now')?.textContent ?? '',
    };
  });
}

/** Book layer mark ("2", "3", "L") to the engine's layer index. */
const engineLayer = (mark: string, L: number) => (mark === 'L' ? L : Number(mark) - 1);

describe('watch backprop in the sandbox', () => {
  it('reaches every layer and shows BP1–BP4 in order, each with the engine’s numbers', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?sandbox=1&${QUERY}`);
    await page.getByRole('button', { name: 'Watch backprop' }).click();
    await expect.poll(() => page.locator('.pass-panel').isVisible()).toBe(true);
    await page.locator('.pass-play').click(); // it opened playing: pause it and step by hand
    await expect(page.locator('.pass-play').textContent()).resolves.toBe('Play');
    // On a slow machine it may have moved on already: back to the first step.
    while (await page.locator('.pass-back').isEnabled()) await page.locator('.pass-back').click();

    const run = new SandboxRun(settings);
    const trace = analyse(run.network, run.shown);
    trace.gradients();
    const L = run.network.sizes.length - 1;
    const n = trace.n;
    const mean = (f: Float64Array, nl: number, j: number) => {
      let s = 0;
      for (let x = 0; x < n; x++) s += f[x * nl + j]!;
      return s / n;
    };

    const seen: string[] = [];
    const count = await page.locator('.pass-steps li').count();
    for (let i = 0; i < count; i++) {
      const s = await shown(page);
      seen.push(
        s.kind === 'forward' || s.kind === 'bp1' || s.kind === 'bp2'
          ? `${s.kind}:${s.layer}`
          : s.kind,
      );
      const l = engineLayer(s.layer, L);
      const j = s.j - 1;
      const nl = run.network.sizes[l]!;
      let expected: number;
      if (s.kind === 'forward') {
        expected = mean(trace.a[l]!, nl, j);
        // z̄ of the same neuron is written out on the line above a.
        expect(s.texSource).toContain(tex(mean(trace.z[l]!, nl, j)));
      } else if (s.kind === 'bp1' || s.kind === 'bp2' || s.kind === 'bp3') {
        expected = trace.deltaBar[l]![j]!;
      } else if (s.kind === 'bp4') {
        const nIn = run.network.sizes[l - 1]!;
        expected = trace.nablaW[l]![j * nIn + s.k! - 1]!;
      } else {
        const g = gradientDemon(trace, settings.eps);
        expect([l, j]).toEqual([g.l, g.j]);
        expected = g.deltaC;
        // The demon sits on the neuron it nudges and is pleased when C falls.
        const demon = page.locator('.demon');
        await expect
          .poll(() => demon.getAttribute('data-mood'))
          .toBe(g.deltaC < 0 ? 'happy' : 'grimace');
        await expect(demon.getAttribute('data-l')).resolves.toBe(String(g.l));
        await expect(demon.getAttribute('data-j')).resolves.toBe(String(g.j));
      }
      expect(s.value, `${s.kind} layer ${s.layer} neuron ${s.j}`).toBeCloseTo(expected, 12);
      // What a person reads: the number, as the panel rounds it, in the typeset equation.
      expect(s.texSource, s.kind).toContain(tex(expected));
      expect(s.now).not.toBe('');
      if (i === 4) await screenshot(page, 'stepthrough-sandbox-bp2');
      if (i < count - 1) await page.locator('.pass-next').click();
    }
    // Forward through every layer 2…L, δ^L, then δ back through 3 and 2, then the gradients and the demon.
    expect(seen).toEqual([
      'forward:2',
      'forward:3',
      'forward:L',
      'bp1:L',
      'bp2:3',
      'bp2:2',
      'bp3',
      'bp4',
      'demon',
    ]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('one sample instead of the batch mean: δ of that sample alone', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?sandbox=1&${QUERY}`);
    await page.getByRole('button', { name: 'Watch backprop' }).click();
    await page.locator('.pass-play').click();
    await page.locator('.pass-sample').selectOption('2');
    for (let i = 0; i < 5; i++) await page.locator('.pass-next').click();
    const s = await shown(page);
    expect(s.kind).toBe('bp2');
    const run = new SandboxRun(settings);
    const one = new Trace(run.network, 1).load(run.shown, [2]).run();
    const l = engineLayer(s.layer, run.network.sizes.length - 1);
    expect(s.value).toBeCloseTo(one.delta[l]![s.j - 1]!, 12);
    // One sample: BP2's product is written out, (wᵀδ)·σ′ with its two factors.
    expect(s.texSource).toContain(tex(one.sp[l]![s.j - 1]!));
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

/** Steps with Step until the last, collecting each step's kind. */
async function walkToEnd(page: Page): Promise<string[]> {
  const kinds: string[] = [];
  const count = await page.locator('.pass-steps li').count();
  for (let i = 0; i < count; i++) {
    kinds.push((await shown(page)).kind);
    if (i < count - 1) await page.locator('.pass-next').click();
  }
  return kinds;
}

const ORDER = (hidden: number) => [
  ...Array(hidden + 1).fill('forward'),
  'bp1',
  ...Array(hidden).fill('bp2'),
  'bp3',
  'bp4',
  'demon',
];

describe('watch backprop in a level intro and at the reveal', () => {
  it('a level intro walks a worked example, then the puzzle itself starts', async () => {
    const { context, page } = await newPage(game.browser);
    await openEveryLevel(context);
    await page.goto(`${game.url}/play.html?level=oneLayerBack`);
    await page.locator('.modal .walk-open').click();
    await page.locator('.pass-play').click();
    while (await page.locator('.pass-back').isEnabled()) await page.locator('.pass-back').click();
    // Level 4 hides δ of the hidden layer: the example is another network of its kind, not the puzzle.
    const level = levelById('oneLayerBack')!;
    const ex = examplePuzzle(level);
    const trace = analyse(ex.network, ex.batch);
    await expect(page.locator('.play-head .cost').textContent()).resolves.toBe(
      `Cost C = ${num(trace.cost, 4)}`,
    );
    const kinds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const s = await shown(page);
      kinds.push(s.kind);
      if (s.kind === 'bp2') expect(s.value).toBeCloseTo(trace.deltaBar[1]![s.j - 1]!, 12);
      await page.locator('.pass-next').click();
    }
    expect(kinds).toEqual(ORDER(1).slice(0, 6));
    await page.getByRole('button', { name: 'To the puzzle' }).click();
    await expect.poll(() => page.locator('.pass-panel').isHidden()).toBe(true);
    const { puzzle } = levelPuzzle(level);
    await expect(page.locator('.play-head .cost').textContent()).resolves.toBe(
      `Cost C = ${num(analyse(puzzle.network, puzzle.batch).cost, 4)}`,
    );
    // The puzzle is playable: a neuron of layer 2 can be picked.
    await page.locator('button.neuron.movable').first().click();
    await expect.poll(() => page.locator('button.neuron.selected').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the projector’s reveal walks the round’s network; its demon is the server’s gradient demon', async () => {
    const host = await newPage(game.browser, { viewport: PROJECTOR });
    const code = await hostCreates(host.page, game.url, 'hunt', 1);
    const bo = await playerJoins(game.browser, game.url, code, 'Bo');
    await host.page.click('button.start-button');
    await expect.poll(() => host.page.locator('.round-title').textContent()).toBe('Round 1 of 1');
    // A loaded machine may take a while to bring the round to the phone.
    await bo.page.locator('button.neuron.movable').first().waitFor({ timeout: 60_000 });
    await playerMoves(bo, 0);
    expect(pageErrors(bo.page)).toEqual([]);
    // The only player has moved: the round closes by itself.
    await expect
      .poll(() => host.page.locator('.host-game').getAttribute('data-phase'))
      .toBe('reveal');
    const serverDemon = (await host.page.locator('.reveal-compare li').nth(1).textContent()) ?? '';
    await host.page.getByRole('button', { name: 'Watch backprop' }).click();
    await host.page.locator('.pass-play').click();
    while (await host.page.locator('.pass-back').isEnabled())
      await host.page.locator('.pass-back').click();
    await host.page.locator('.pass-next').click();
    await screenshot(host.page, 'stepthrough-projector-forward-1920x1080-en');
    await host.page.locator('.pass-back').click();
    const kinds = await walkToEnd(host.page);
    // 'hunt' is [2,6,6,1]: forward through three layers, δ back through two.
    expect(kinds).toEqual(ORDER(2));
    const last = await shown(host.page);
    expect(serverDemon).toContain(`ΔC = ${signed(last.value)}`);
    await screenshot(host.page, 'stepthrough-projector-demon-1920x1080-en');
    expect(pageErrors(host.page)).toEqual([]);
    await bo.context.close();
    await host.context.close();
  });
});

describe('screenshots of the step-through and the demon', () => {
  for (const [locale, tag] of [
    ['en-US', 'en'],
    ['zh-CN', 'zh'],
  ] as const) {
    for (const vp of [
      { width: 1920, height: 1080 },
      { width: 360, height: 740 },
    ]) {
      it(`mid-way and the demon, ${tag} ${vp.width}×${vp.height}`, async () => {
        const { context, page } = await newPage(game.browser, {
          viewport: vp,
          locale,
          touch: vp.width < 500,
        });
        await page.goto(`${game.url}/play.html?sandbox=1&${QUERY}`);
        await page.locator('.walk-open').click();
        await page.locator('.pass-play').click();
        while (await page.locator('.pass-back').isEnabled())
          await page.locator('.pass-back').click();
        for (let i = 0; i < 4; i++) await page.locator('.pass-next').click();
        await expect.poll(async () => (await shown(page)).kind).toBe('bp2');
        await page.waitForTimeout(1500);
        await screenshot(page, `stepthrough-midway-${vp.width}x${vp.height}-${tag}`);
        for (let i = 0; i < 4; i++) await page.locator('.pass-next').click();
        await expect.poll(async () => (await shown(page)).kind).toBe('demon');
        await expect.poll(() => page.locator('.demon').getAttribute('data-mood')).toBe('happy');
        await page.waitForTimeout(1000);
        await screenshot(page, `stepthrough-demon-${vp.width}x${vp.height}-${tag}`);
        expect(pageErrors(page)).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('the demon on a level board', () => {
  for (const [key, mood] of [
    ['-', 'happy'],
    ['+', 'grimace'],
  ] as const) {
    it(`sits on the neuron nudged, ${mood === 'happy' ? 'pleased' : 'wincing'} when the cost ${mood === 'happy' ? 'falls' : 'rises'}`, async () => {
      // Level 1's best move is Δz = −ε at the output (δ̄ > 0): − lowers C, + raises it.
      const { context, page } = await newPage(game.browser, { reducedMotion: 'reduce' });
      await page.goto(`${game.url}/play.html?level=outputDemon`);
      await page.locator('.modal button.start').click();
      const demon = page.locator('.demon');
      await expect(demon.isHidden()).resolves.toBe(true);
      await page.locator('button.neuron').first().click();
      await expect.poll(() => demon.getAttribute('data-mood')).toBe('neutral');
      for (let i = 0; i < 10; i++) await page.keyboard.press(key);
      await page.keyboard.press('Enter');
      await expect.poll(() => demon.getAttribute('data-mood')).toBe(mood);
      await expect(demon.getAttribute('aria-label')).resolves.toMatch(
        mood === 'happy' ? /cost fell/ : /cost rose/,
      );
      // Reduced motion: it appears where it sits, with no hop.
      await expect(demon.getAttribute('class')).resolves.toMatch(/\bstill\b/);
      await screenshot(page, `demon-level1-${mood}`);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    });
  }
});
