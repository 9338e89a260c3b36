import { describe, expect, it } from 'vitest';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

describe('a level on a 360×740 phone', () => {
  it('is played by touch: tap the level, tap the neuron, tap Nudge, and earns stars', async () => {
    const { context, page } = await newPage(game.browser, {
      viewport: { width: 360, height: 740 },
      touch: true,
    });
    await page.goto(`${game.url}/play.html`);
    await page.locator('[data-level="outputDemon"]').tap();
    await page.locator('.modal button.start').tap();
    // Nothing is wider than the screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const neuron = page.locator('button.neuron').first();
    const box = (await neuron.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(36);
    await neuron.tap();
    await expect(page.locator('button.neuron.selected').count()).resolves.toBe(1);
    const label = (await page.locator('.nlabel', { hasText: 'δ' }).first().textContent()) ?? '';
    const sign = /δ\u0304? \+/.test(label) ? 1 : -1;
    // Tap the slider near the end that opposes δ.
    const slider = (await page.locator('#dz-slider').boundingBox())!;
    const x = sign > 0 ? slider.x + 2 : slider.x + slider.width - 2;
    await page.touchscreen.tap(x, slider.y + slider.height / 2);
    await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= −/);
    // The Δz arrow on the neuron points the way Δz goes: its head above the centre for Δz > 0.
    const head = (await page.locator('.dz-arrow .dz-head').boundingBox())!;
    const centre = box.y + box.height / 2;
    if (sign > 0) expect(head.y).toBeGreaterThan(centre);
    else expect(head.y + head.height).toBeLessThan(centre);
    await screenshot(page, 'phone-level1-before');
    await page.locator('button.submit').tap();
    await expect
      .poll(async () => Number(await page.locator('.level-done .stars').getAttribute('data-stars')))
      .toBeGreaterThanOrEqual(2);
    await screenshot(page, 'phone-level1-done');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
