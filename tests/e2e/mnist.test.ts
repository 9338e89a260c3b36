import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { trainBatch } from '#shared/data/mnist';
import { mnistTrainer, networkHash, stepsPerEpoch } from '#shared/data/mnistTraining';
import { readMnist } from '../../scripts/pack-mnist.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

/** Gzipped bytes of every script a page loads, and whether it fetched the digits. */
async function pageWeight(page: Page, url: string): Promise<{ jsGzip: number; digits: boolean }> {
  const scripts: Promise<number>[] = [];
  let digits = false;
  page.on('response', (r) => {
    if (r.url().endsWith('.gz')) digits = true;
    if (r.request().resourceType() === 'script') {
      scripts.push(r.body().then((b) => gzipSync(b).length));
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const sizes = await Promise.all(scripts);
  return { jsGzip: sizes.reduce((a, b) => a + b, 0), digits };
}

/** Frames per second the page draws until `done` holds, polled every 100 ms. */
async function frameRate(page: Page, done: () => Promise<boolean>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number };
    w.frames_ = 0;
    const tick = () => {
      w.frames_++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  while (!(await done())) await page.waitForTimeout(100);
  const frames = await page.evaluate(() => (window as unknown as { frames_: number }).frames_);
  return frames / ((Date.now() - t0) / 1000);
}

async function openLab(page: Page): Promise<void> {
  await page.goto(`${game.url}/mnist/`);
  await page.locator('button.mnist-load').click();
  await expect.poll(() => page.locator('.mnist-status').count(), { timeout: 30_000 }).toBe(1);
}

const status = (page: Page, key: string) =>
  page.locator('.mnist-status').getAttribute(`data-${key}`);

async function trainOneEpoch(page: Page): Promise<number> {
  await page.locator('.mnist-controls button.primary').click();
  return frameRate(page, async () => (await status(page, 'epoch')) === '1');
}

describe('the MNIST lab', () => {
  it('the first page and the join page stay light and load none of the digits', async () => {
    for (const path of ['/', '/join.html?code=123456&name=x']) {
      const { context, page } = await newPage(game.browser);
      const w = await pageWeight(page, `${game.url}${path}`);
      console.log(`${path}: ${(w.jsGzip / 1024).toFixed(1)} KB of gzipped JavaScript`);
      expect(w.jsGzip).toBeLessThan(100 * 1024);
      expect(w.digits).toBe(false);
      await context.close();
    }
  });

  it('loads on demand, trains an epoch smoothly, replays a seed, and a nudge moves the reading', async () => {
    const { context, page } = await newPage(game.browser, {
      viewport: { width: 1920, height: 1080 },
    });
    // The reference: a page that draws nothing, in the same browser.
    await page.goto('about:blank');
    const t0 = Date.now();
    const idle = await frameRate(page, async () => Date.now() - t0 > 2000);
    // The first page links to the lab; the sandbox offers it as its last data set.
    await page.goto(`${game.url}/`);
    await expect(
      page
        .getByRole('link', { name: 'Train the book’s network on real digits' })
        .getAttribute('href'),
    ).resolves.toBe('mnist/');
    await page.goto(`${game.url}/play.html?sandbox=1`);
    await page
      .locator('#sb-dataset')
      .selectOption({ label: 'MNIST (real handwriting): opens the lab' });
    await page.waitForURL(/\/mnist\/$/);
    let digits = false;
    page.on('response', (r) => {
      if (r.url().endsWith('.gz')) digits = true;
    });
    await page.waitForTimeout(300);
    expect(digits).toBe(false); // not before the player asks
    await page.locator('button.mnist-load').click();
    await expect.poll(() => page.locator('.mnist-status').count(), { timeout: 30_000 }).toBe(1);
    expect(digits).toBe(true);
    await expect(page.locator('.mnist-load-box .form-message').textContent()).resolves.toMatch(
      /8,000 training digits and 2,000 test digits/,
    );
    const fps = await trainOneEpoch(page);
    console.log(
      `one epoch of [784,30,10] in the worker: the page drew ${fps.toFixed(1)} frames/s, a blank page ${idle.toFixed(1)} (ratio ${(fps / idle).toFixed(2)})`,
    );
    const acc = Number(await status(page, 'accuracy'));
    expect(acc).toBeGreaterThan(0.85);
    await expect(page.locator('.mnist-epochs li').first().textContent()).resolves.toMatch(
      /^Epoch 1: \d\d\.\d\d % of the 2,000 test digits read right$/,
    );
    // Bit for bit: a new network from the same seed, trained again, ends in the same place.
    const hash = await status(page, 'hash');
    expect(hash).toMatch(/^[0-9a-f]{8}$/);
    await page.getByRole('button', { name: 'New network' }).click();
    await expect.poll(() => status(page, 'epoch')).toBe('0');
    await trainOneEpoch(page);
    expect(await status(page, 'hash')).toBe(hash);
    // And the same run in Node: the sigmoid's e^x is the engine's own, not each engine's Math.exp.
    const train = trainBatch(readMnist());
    const node = mnistTrainer(train, { preset: 'small', cost: 'quadratic', seed: 1 });
    node.run(stepsPerEpoch(train));
    const nodeHash = networkHash(node.net).toString(16).padStart(8, '0');
    console.log(`fingerprint after epoch 1, seed 1: browser ${hash}, Node ${nodeHash}`);
    expect(hash).toBe(nodeHash);

    // A digit the network reads wrong, and the demon at the hidden neuron that matters most.
    const wrong = page.locator('button.wrong-digit');
    expect(await wrong.count()).toBeGreaterThan(10);
    const t = Number(await wrong.first().getAttribute('data-t'));
    await wrong.first().click();
    const reading = page.locator('.mnist-reading');
    await expect
      .poll(() => reading.textContent())
      .toMatch(new RegExp(`^Test digit ${t + 1} of 2,000`));
    const label = Number(await reading.getAttribute('data-label'));
    expect(Number(await reading.getAttribute('data-predicted'))).not.toBe(label);
    const deltas = await page
      .locator('.hidden-neuron')
      .evaluateAll((gs) => gs.map((g) => Number((g as SVGGElement).dataset['delta'])));
    expect(deltas).toHaveLength(30);
    const j = deltas.reduce((b, d, i) => (Math.abs(d) > Math.abs(deltas[b]!) ? i : b), 0);
    await page.locator(`.hidden-neuron[data-j="${j}"]`).click();
    await expect
      .poll(() => page.locator('.demon-info').textContent())
      .toMatch(new RegExp(`^Neuron ${j + 1} of layer 2: z = `));
    const predicted = Number(await reading.getAttribute('data-predicted'));
    const outputOf = async (d: number) =>
      Number((await page.locator('.out-label').nth(d).textContent())!.split(': ')[1]!.slice(0, 5));
    const misread = await outputOf(predicted);
    // Against δ: the cost of this digit falls, its right output rises, the wrong one falls.
    await page.locator('#mnist-dz').fill(String(deltas[j]! > 0 ? -3 : 3));
    // The page redraws on the next frame.
    await expect.poll(() => page.locator('.demon-dc').textContent()).toMatch(/^Exact ΔC = −/);
    const dc = (await page.locator('.demon-dc').textContent())!;
    const line = (await page.locator('.demon-reads').textContent())!;
    const m = line.match(/→ (\d\.\d+)\)/);
    const before = line.match(/: (\d\.\d+) →/);
    expect(Number(m![1])).toBeGreaterThan(Number(before![1]));
    await expect.poll(() => outputOf(predicted)).toBeLessThan(misread);
    // Beside it, the certified best nudge under the same budget: never worse than this move.
    const best = (await page.locator('.demon-best').textContent())!;
    expect(best).toMatch(
      /^The best single nudge with \|Δz\| ≤ 3\.0: neuron \d+ of layer 2, Δz = [+−]?[\d.]+, ΔC = −/,
    );
    const num = (s: string) => Number(s.replace('−', '-'));
    expect(num(best.split('ΔC = ')[1]!)).toBeLessThanOrEqual(num(dc.split(' ')[3]!));
    console.log(`nudge of hidden neuron ${j + 1} by ∓3: ${dc}; ${line}. ${best}`);
    await screenshot(page, 'mnist-lab-1920-en');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reads well at 360 px and in Chinese', async () => {
    const shots: [string, { width: number; height: number }, string][] = [
      ['mnist-lab-1920-zh', { width: 1920, height: 1080 }, 'zh-CN'],
      ['mnist-lab-360-en', { width: 360, height: 740 }, 'en-US'],
      ['mnist-lab-360-zh', { width: 360, height: 740 }, 'zh-CN'],
    ];
    for (const [name, viewport, locale] of shots) {
      const { context, page } = await newPage(game.browser, { viewport, locale });
      await openLab(page);
      await trainOneEpoch(page);
      await page.locator('button.wrong-digit').first().click();
      await page.locator('.hidden-neuron').nth(4).click();
      await page.locator('#mnist-dz').fill('2');
      if (name === 'mnist-lab-1920-zh') {
        // The book's second network: 100 hidden neurons, and its own figure beside the accuracy.
        await page.locator('#mnist-preset').selectOption('large');
        await expect.poll(() => page.locator('.hidden-neuron').count()).toBe(100);
        await expect(page.locator('.mnist-progress').textContent()).resolves.toMatch(/96\.59 %/);
        await screenshot(page, 'mnist-lab-1920-zh-large');
        // Cross-entropy: the book's chapter 3 rate and figure.
        await page.locator('#mnist-cost').selectOption('crossEntropy');
        await expect(page.locator('.mnist-progress').textContent()).resolves.toMatch(/96\.82 %/);
        await expect(page.locator('.mnist-controls').textContent()).resolves.toMatch(/η = 0\.5/);
        await page.locator('#mnist-cost').selectOption('quadratic');
        await page.locator('#mnist-preset').selectOption('small');
        await trainOneEpoch(page);
        await page.locator('button.wrong-digit').first().click();
        await page.locator('.hidden-neuron').nth(4).click();
        await page.locator('#mnist-dz').fill('2');
      }
      if (locale === 'zh-CN') {
        await expect(page.locator('.mnist-epochs li').first().textContent()).resolves.toMatch(
          /^第 1 轮：/,
        );
      }
      // Nothing wider than the screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, name);
      // The long phone page in parts a viewer can read at full size.
      for (const part of ['mnist-reader', 'demon']) {
        await page
          .locator(`.${part}`)
          .screenshot({ path: `test-results/screenshots/${name}-${part}.png` });
      }
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }
  });
});
