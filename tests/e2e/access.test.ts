import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

/** Tab until the focused element passes `test`; fails after `max` presses. */
async function tabTo(page: Page, what: string, test: () => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Whether the focused element has a visible ring and is not covered by anything else. */
async function focusShows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e) return false;
    const css = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return css.outlineStyle !== 'none' && Number.parseFloat(css.outlineWidth) >= 2 && top === e;
  });
}

describe('level 1 without a mouse', () => {
  it('keyboard only: Tab to the neuron, Space picks it, End/Home set Δz, Tab and Enter nudge', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?level=outputDemon`);
    await page.locator('.modal button.start').waitFor();
    await page.keyboard.press('Enter');
    await tabTo(page, 'a neuron', () => !!document.activeElement?.matches('button.neuron'));
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('button.neuron.selected').count()).toBe(1);
    // The sign of δ as a sighted player reads it under the neuron.
    const label = (await page.locator('.nlabel', { hasText: 'δ' }).first().textContent()) ?? '';
    const positive = /δ\u0304? \+/.test(label);
    await tabTo(page, 'the Δz slider', () => document.activeElement?.id === 'dz-slider');
    expect(await focusShows(page)).toBe(true);
    // Against δ, the whole budget.
    await page.keyboard.press(positive ? 'Home' : 'End');
    await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= −/);
    await tabTo(page, 'Nudge', () => !!document.activeElement?.matches('button.submit'));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.level-done .stars').getAttribute('data-stars'))
      .toBe('3');
    await screenshot(page, 'level1-tab-only-3-stars');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('screen-reader style: names and live regions alone carry the neuron, δ and the result', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?level=outputDemon`);
    const dialog = page.getByRole('dialog', { name: /Level 1/ });
    await dialog.getByRole('button', { name: 'Start' }).press('Enter');
    // The DOM mirror: one button per neuron, named in the book's numbering with its values.
    const neuron = page.getByRole('button', { name: /^neuron 1 of layer 2: / });
    await expect(neuron.count()).resolves.toBe(1);
    const name = (await neuron.getAttribute('aria-label')) ?? '';
    expect(name).toMatch(/^neuron 1 of layer 2: z̄ = [+−]?[\d.]+, ā = [\d.]+, δ̄ = [+−][\d.]+/);
    expect(await neuron.getAttribute('aria-pressed')).toBe('false');
    const positive = /δ̄ = \+/.test(name);
    await neuron.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => neuron.getAttribute('aria-pressed')).toBe('true');
    const slider = page.getByRole('slider', { name: 'Δz' });
    await slider.focus();
    await page.keyboard.press(positive ? 'Home' : 'End');
    await page.getByRole('button', { name: 'Nudge' }).press('Enter');
    // The result is read out from a live region: ΔC went down, and the level's stars.
    const live = page.locator('[aria-live="polite"]');
    await expect.poll(() => live.allTextContents()).toContainEqual(expect.stringMatching(/ΔC/));
    await expect(page.getByRole('img', { name: '3 of 3 stars' }).count()).resolves.toBe(1);
    const region = page.locator('.level-done[aria-live="polite"]');
    await expect(region.isVisible()).resolves.toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
