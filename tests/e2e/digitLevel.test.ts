import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '#shared/game/levels';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';
import {
  afterMove,
  budget,
  inspect,
  movableNeurons,
  neuron,
  nudge,
  type Ref,
  setShare,
  shownNumber,
} from './textbook.steps.ts';

const game = useServedGame();

/** Every level open, as for a player who has passed the twelve before (stars earned here are kept). */
async function allOpen(page: Page): Promise<void> {
  await page.context().addInitScript(
    (ids: string[]) => {
      const p = JSON.parse(localStorage.getItem('bd.progress.v1') ?? '{}') as Record<
        string,
        number
      >;
      for (const k of ids) p[k] ??= 1;
      localStorage.setItem('bd.progress.v1', JSON.stringify(p));
    },
    [...LEVEL_IDS.slice(0, -1)],
  );
}

/** Counts responses that are the packed digits. */
function watchDigits(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('response', (r) => {
    if (r.url().endsWith('.gz')) seen.count++;
  });
  return seen;
}

/** Opens the MNIST level from the campaign list; resolves once its intro is up. */
async function openLevel(page: Page): Promise<void> {
  await page.goto(`${game.url}/play.html`);
  await page.locator('[data-level="realDigits"]').click();
  await page.waitForURL(/level=realDigits/);
  await page.locator('.modal button.start').waitFor({ timeout: 60_000 });
}

/**
 * The chapter's rule as a player reads it off the screen: the inspector's δ
 * of each hidden neuron (BP2's answer for this digit), the largest |δ|,
 * nudged by the whole budget against its sign. Returns the neuron and δ.
 */
async function ruleMove(page: Page): Promise<{ r: Ref; d: number }> {
  let best: { r: Ref; d: number } | null = null;
  for (const r of await movableNeurons(page)) {
    const d = shownNumber(await inspect(page, r, 'delta'));
    if (!best || Math.abs(d) > Math.abs(best.d)) best = { r, d };
  }
  await neuron(page, best!.r).click();
  await setShare(page, -Math.sign(best!.d) * 10);
  return best!;
}

/** Pairs of hidden neurons whose buttons overlap on screen, and the narrowest button's width. */
async function crowding(page: Page): Promise<{ overlaps: number; narrowest: number }> {
  return page.locator('button.neuron[data-l="1"]').evaluateAll((bs) => {
    const r = bs.map((b) => b.getBoundingClientRect());
    let overlaps = 0;
    for (let i = 0; i < r.length; i++)
      for (let k = i + 1; k < r.length; k++) {
        const a = r[i]!;
        const b = r[k]!;
        if (
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1
        )
          overlaps++;
      }
    return { overlaps, narrowest: Math.min(...r.map((x) => x.width)) };
  });
}

describe('the MNIST level ends the campaign on the book’s network', () => {
  it('is level 13 in the list; the list loads no digits, the level loads them with a progress bar', async () => {
    const { context, page } = await newPage(game.browser, {
      viewport: { width: 1920, height: 1080 },
    });
    await allOpen(page);
    const digits = watchDigits(page);
    await page.goto(`${game.url}/play.html`, { waitUntil: 'networkidle' });
    const card = page.locator('[data-level="realDigits"]');
    await expect(card.textContent()).resolves.toMatch(/^Level 13The book’s network, real digits/);
    expect(digits.count).toBe(0);
    // Every value the progress bar shows, with what the page says at that moment.
    await context.addInitScript(() => {
      const w = window as unknown as { bar_: string[] };
      w.bar_ = [];
      new MutationObserver((ms) => {
        for (const m of ms) {
          const said = document.querySelector('.digit-loading .form-message')?.textContent ?? '';
          w.bar_.push(`${(m.target as Element).getAttribute('value') ?? 'busy'}|${said}`);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value'] });
    });
    await card.click();
    // The bar shows while the digits come and the network trains.
    await page.locator('.digit-loading progress').waitFor();
    await expect
      .poll(() => page.locator('.digit-loading .form-message').textContent(), { timeout: 30_000 })
      .toMatch(/^(Downloading the digits… \d+ %|Unpacking|Training the book’s \[784, 30, 10\])/);
    await page.locator('.modal button.start').waitFor({ timeout: 60_000 });
    expect(digits.count).toBe(1);
    // The bar moved on while the network trained: shares of the epoch between 0 and 1.
    const bar = await page.evaluate(() => (window as unknown as { bar_: string[] }).bar_);
    const shares = bar
      .filter((v) => v.includes('|Training the book’s'))
      .map((v) => Number(v.split('|')[0]));
    expect(shares.filter((f) => f > 0 && f < 1).length, bar.join('\n')).toBeGreaterThan(5);
    await expect(page.locator('.modal .intro-text').textContent()).resolves.toMatch(/BP2/);
    await screenshot(page, 'digit-level-1920-en-intro');
    await page.locator('.modal button.start').click();
    // Layer 1 is the picture, layer 2 the 30 hidden neurons, layer L the 10 outputs.
    await expect(page.locator('canvas.digit-input').getAttribute('width')).resolves.toBe('28');
    await expect(page.locator('button.neuron[data-l="1"]').count()).resolves.toBe(30);
    await expect(page.locator('button.neuron[data-l="2"]').count()).resolves.toBe(10);
    await expect(page.locator('button.neuron.movable').count()).resolves.toBe(30);
    const reads = page.locator('.digit-reads');
    const line = (await reads.textContent())!;
    const [, written, read] = line.match(/^Written (\d); the network reads (\d)\.$/)!;
    expect(read).not.toBe(written);
    // A screen reader hears each neuron with its value.
    await expect(
      page.locator('button.neuron[data-l="1"][data-j="0"]').getAttribute('aria-label'),
    ).resolves.toMatch(/^neuron 1 of layer 2: [+−][\d.e−]+$/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('says so when the digits cannot be loaded, and offers to try again', async () => {
    const { context, page } = await newPage(game.browser);
    await allOpen(page);
    await page.route('**/*.gz', (r) => r.fulfill({ status: 503, body: 'busy' }));
    await page.goto(`${game.url}/play.html?level=realDigits`);
    await expect
      .poll(() => page.locator('.digit-loading .form-message').textContent())
      .toBe('The digits could not be loaded: HTTP 503');
    await expect(page.locator('.digit-loading button.retry').isVisible()).resolves.toBe(true);
    expect(await page.locator('.modal').count()).toBe(0);
    await page.unroute('**/*.gz');
    await page.locator('.digit-loading button.retry').click();
    await page.locator('.modal button.start').waitFor({ timeout: 60_000 });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('a player who nudges the largest |δ| of layer 2 against its sign fixes the digit and earns 2 stars', async () => {
    const { context, page } = await newPage(game.browser, {
      viewport: { width: 1920, height: 1080 },
    });
    await allOpen(page);
    await openLevel(page);
    await page.locator('.modal button.start').click();
    expect(await budget(page)).toBe(1);
    const written = Number((await page.locator('.digit-reads').textContent())!.match(/\d/)![0]);
    let stars: 'next' | number = 'next';
    const moves: string[] = [];
    for (let m = 1; stars === 'next'; m++) {
      const { r, d } = await ruleMove(page);
      await expect(page.locator('.move-panel .dz-value').textContent()).resolves.toBe(
        d > 0 ? '−1.00' : '+1.00',
      );
      await nudge(page);
      const q = Number(await page.locator('.result').getAttribute('data-quality'));
      moves.push(`neuron ${r.j + 1} of layer 2, δ = ${d}, q = ${q.toFixed(3)}`);
      // The exact ΔC is negative: this digit's cost fell.
      await expect(page.locator('.result .stat.good').count()).resolves.toBe(1);
      if (m === 1) await screenshot(page, 'digit-level-1920-en-after');
      stars = await afterMove(page);
    }
    console.log(`MNIST level by the |δ| rule: ${moves.join('; ')}; ${stars} stars`);
    expect(stars).toBeGreaterThanOrEqual(2);
    // With the last move kept the network reads the digit as written.
    await expect(page.locator('.digit-reads').getAttribute('data-reads')).resolves.toBe(
      String(written),
    );
    await expect(page.locator('.digit-reads').textContent()).resolves.toMatch(/Right!$/);
    await screenshot(page, 'digit-level-1920-en-done');
    // Stars are kept: the list shows them, and there is no level after this one.
    await expect(page.locator('.level-done a', { hasText: 'Next level' }).count()).resolves.toBe(0);
    await page.goto(`${game.url}/play.html`);
    await expect(
      page.locator('[data-level="realDigits"]').getAttribute('data-stars'),
    ).resolves.toBe(String(stars));
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('reads well in Chinese, on a laptop and at 360 px', async () => {
    const shots: [string, { width: number; height: number }, string][] = [
      ['digit-level-1920-zh', { width: 1920, height: 1080 }, 'zh-CN'],
      ['digit-level-1366-en', { width: 1366, height: 800 }, 'en-US'],
      ['digit-level-1024-zh', { width: 1024, height: 768 }, 'zh-CN'],
      ['digit-level-360-en', { width: 360, height: 740 }, 'en-US'],
      ['digit-level-360-zh', { width: 360, height: 740 }, 'zh-CN'],
    ];
    for (const [name, viewport, locale] of shots) {
      const { context, page } = await newPage(game.browser, { viewport, locale });
      await allOpen(page);
      await openLevel(page);
      if (locale === 'zh-CN') {
        await expect(page.locator('.modal h2').textContent()).resolves.toBe(
          '第 13 关 · 书中的网络，真实的数字',
        );
      }
      await screenshot(page, `${name}-intro`);
      await page.locator('.modal button.start').click();
      await ruleMove(page);
      await nudge(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, name).toBeLessThanOrEqual(0);
      // Every hidden neuron stays a tap target of its own, its δ label readable.
      const crowd = await crowding(page);
      expect(crowd.overlaps, name).toBe(0);
      expect(crowd.narrowest, name).toBeGreaterThanOrEqual(44);
      await screenshot(page, name);
      await page
        .locator('.digit-stage')
        .screenshot({ path: `test-results/screenshots/${name}-stage.png` });
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }
  }, 240_000);
});
