import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { levelById } from '#shared/game/levels';
import { signed } from '../../client/ui/format.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

/** The Δz read-out at the full budget of level 1, against a δ of the given sign. */
const fullBudget = (sign: number) => signed(-sign * levelById('outputDemon')!.settings.eps);

/** δ as the player reads it under the neuron: "δ +0.12" → +0.12. */
async function shownDelta(page: Page): Promise<number> {
  const text = (await page.locator('.nlabel', { hasText: 'δ' }).first().textContent()) ?? '';
  const m = /δ\u0304? ([+−-])/.exec(text);
  expect(m, `a δ label, got "${text}"`).not.toBeNull();
  return m![1] === '+' ? 1 : -1;
}

describe('level 1 in the browser', () => {
  it('reaches 3 stars with the mouse: click the neuron, drag it against δ, click Nudge', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html`);
    await page.locator('[data-level="outputDemon"]').click();
    await page.getByRole('button', { name: 'Start' }).click();
    const neuron = page.locator('button.neuron').first();
    await neuron.click();
    const sign = await shownDelta(page);
    const box = (await neuron.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    // Against the sign of δ, by more than the 90 px that stand for the whole budget.
    await page.mouse.move(cx, cy + sign * 60, { steps: 5 });
    await page.mouse.move(cx, cy + sign * 130, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.dz-value').textContent()).toBe(fullBudget(sign));
    await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= −/);
    await page.getByRole('button', { name: 'Nudge' }).click();
    await expect
      .poll(() => page.locator('.level-done .stars').getAttribute('data-stars'))
      .toBe('3');
    await expect(page.locator('.result .reason').textContent()).resolves.toMatch(
      /as good as it gets/,
    );
    await screenshot(page, 'level1-mouse-3-stars');
    // The stars are kept: the level list shows them and opens level 2.
    await page.getByRole('link', { name: 'All levels' }).click();
    await expect
      .poll(() => page.locator('[data-level="outputDemon"]').getAttribute('data-stars'))
      .toBe('3');
    await expect(page.locator('a[data-level="predictSign"]').count()).resolves.toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reaches 3 stars with the keyboard alone', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?level=outputDemon`);
    await page.locator('.modal button.start').waitFor();
    await page.keyboard.press('Enter');
    await expect(page.locator('.modal').isHidden()).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('button.neuron.selected').count()).resolves.toBe(1);
    const sign = await shownDelta(page);
    for (let i = 0; i < 10; i++) await page.keyboard.press(sign > 0 ? '-' : '+');
    await expect.poll(() => page.locator('.dz-value').textContent()).toBe(fullBudget(sign));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.level-done .stars').getAttribute('data-stars'))
      .toBe('3');
    await screenshot(page, 'level1-keyboard-3-stars');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('gives no stars to a nudge with the sign of δ, and says to nudge the other way', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?level=outputDemon`);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.keyboard.press('ArrowRight');
    const sign = await shownDelta(page);
    for (let i = 0; i < 5; i++) await page.keyboard.press(sign > 0 ? '+' : '-');
    await page.getByRole('button', { name: 'Nudge' }).click();
    await expect
      .poll(() => page.locator('.level-done .stars').getAttribute('data-stars'))
      .toBe('0');
    await expect(page.locator('.result .reason').textContent()).resolves.toMatch(/other way/);
    await expect(page.locator('.stat.points .v').textContent()).resolves.toBe('0');
    await screenshot(page, 'level1-wrong-sign');
    await context.close();
  });
});

describe('reduced motion', () => {
  it('follows the system setting and the in-game toggle, which is remembered', async () => {
    const { context, page } = await newPage(game.browser, { reducedMotion: 'reduce' });
    await page.goto(`${game.url}/play.html`);
    const toggle = page.getByLabel('Reduce motion');
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.uncheck();
    await page.reload();
    await expect(page.getByLabel('Reduce motion').isChecked()).resolves.toBe(false);
    await context.close();
  });
});
