import { describe, expect, it } from 'vitest';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

describe('the sandbox', () => {
  it('trains for 100 SGD steps and the loss falls', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?sandbox=1`);
    const status = page.locator('.sandbox-status');
    await expect.poll(() => status.getAttribute('data-steps')).toBe('0');
    const before = Number(await status.getAttribute('data-loss'));
    await page.locator('#sb-dataset').selectOption('clusters');
    await page.locator('#sb-layers').fill('4');
    await page.locator('#sb-eta').fill('2');
    await page.getByRole('button', { name: 'New network' }).click();
    const start = Number(await status.getAttribute('data-loss'));
    expect(start).not.toBe(before);
    // Ten single steps by hand, then play until at least 100 steps have run.
    for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => status.getAttribute('data-steps')).toBe('10');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => Number(await status.getAttribute('data-steps')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(100);
    await page.getByRole('button', { name: 'Pause' }).click();
    const after = Number(await status.getAttribute('data-loss'));
    expect(after).toBeLessThan(start * 0.5);
    await expect(status.textContent()).resolves.toMatch(/^Steps \d+ · Loss /);
    await screenshot(page, 'sandbox-trained');
    // A nudge at any time: pick a neuron, set Δz, apply it.
    await page.locator('button.neuron').last().click();
    await page.keyboard.press('+');
    await page.getByRole('button', { name: 'Nudge' }).click();
    await expect.poll(() => page.locator('.applied').textContent()).toMatch(/^Applied: ΔC = /);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('the sandbox at first sight', () => {
  it('its defaults learn the circle: boundary and loss curve above the fold at 1366×768', async () => {
    const { context, page } = await newPage(game.browser, {
      viewport: { width: 1366, height: 768 },
    });
    await page.goto(`${game.url}/play.html?sandbox=1`);
    const status = page.locator('.sandbox-status');
    await expect.poll(() => status.getAttribute('data-steps')).toBe('0');
    for (const sel of ['canvas.heatmap', 'canvas.loss-curve']) {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box.y + box.height, sel).toBeLessThanOrEqual(768);
    }
    const start = Number(await status.getAttribute('data-loss'));
    await page.getByRole('button', { name: 'Play' }).click();
    // 300 steps are 75 frames of play: the data set is separated by then (accuracy ≥ 0.95 in the unit test).
    await expect
      .poll(async () => Number(await status.getAttribute('data-steps')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(300);
    expect(Number(await status.getAttribute('data-loss'))).toBeLessThan(start / 3);
    await screenshot(page, 'sandbox-1366-learned');
    await context.close();
  });

  it('the canvas label and the inspector show the same δ̄ while SGD trains', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?sandbox=1`);
    const out = page.locator('button.neuron').last();
    await out.click();
    await page.getByRole('button', { name: 'Play' }).click();
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(150);
      // Both read in one tick, as a person sees them side by side.
      const [label, inspector] = await page.evaluate(() => {
        const b = document.querySelectorAll<HTMLElement>('button.neuron');
        const last = b[b.length - 1]!;
        const l = last.dataset['l'];
        const j = last.dataset['j'];
        return [
          document.querySelector(`.nlabel[data-l="${l}"][data-j="${j}"]`)?.textContent ?? '',
          document.querySelector('.inspector tr[data-q="delta"] td')?.textContent ?? '',
        ];
      });
      expect(label.replace(/^δ\u0304 /, '').replace(/ · .*$/, '')).toBe(inspector);
      seen.add(inspector);
    }
    // It did train meanwhile: the value moved.
    expect(seen.size).toBeGreaterThan(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
