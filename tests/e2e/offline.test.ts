import { describe, expect, it } from 'vitest';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

describe('offline', () => {
  it('after one visit the solo game reloads and plays level 1 with the network off', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html`);
    // The service worker has precached the game and controls the page.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 30_000,
      })
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-level="outputDemon"]').click();
    await page.locator('.modal button.start').click();
    await page.locator('button.neuron').first().click();
    const label = (await page.locator('.nlabel', { hasText: 'δ' }).first().textContent()) ?? '';
    for (let i = 0; i < 10; i++) await page.keyboard.press(/δ\u0304? \+/.test(label) ? '-' : '+');
    await page.locator('button.submit').click();
    await expect
      .poll(() => page.locator('.level-done .stars').getAttribute('data-stars'))
      .toBe('3');
    // The sandbox and the first page come from the cache too.
    await page.goto(`${game.url}/play.html?sandbox=1`);
    await page.locator('button.neuron').first().waitFor();
    await page.goto(`${game.url}/`);
    await page.locator('form.join').waitFor();
    await screenshot(page, 'offline-home');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
