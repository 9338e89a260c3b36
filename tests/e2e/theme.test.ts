import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { hostCreates, PHONE, PROJECTOR, playerJoins } from './classroom.steps.ts';
import { newPage, openEveryLevel, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

const LOCALES = [
  ['en', 'en-US'],
  ['zh', 'zh-CN'],
] as const;

const ink = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim());

/** Picks the high-contrast theme in the top bar's menu, as a teacher would. */
async function highContrast(page: Page): Promise<void> {
  await page.locator('#theme-switch').selectOption('contrast');
  await expect.poll(() => ink(page)).toBe('#000000');
  // Phaser draws on its next frame.
  await page.waitForTimeout(300);
}

describe('the theme', () => {
  it('high contrast is picked in the menu, kept on reload, and passes axe on the play view', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?level=outputDemon`);
    await page.locator('.modal button.start').click();
    expect(await ink(page)).toBe('#1b1f24');
    await highContrast(page);
    await page.reload();
    await page.locator('.modal button.start').click();
    expect(await ink(page)).toBe('#000000');
    await expect(page.locator('#theme-switch').inputValue()).resolves.toBe('contrast');
    await page.locator('button.neuron').first().click();
    await page.keyboard.press('+');
    await page.locator('button.submit').click();
    await page.locator('.result .stat').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  for (const [lang, locale] of LOCALES) {
    it(`screenshots of the play view, the projector and the phone (${lang}, standard and high contrast)`, async () => {
      for (const [size, viewport] of [
        ['1920', PROJECTOR],
        ['360', PHONE],
      ] as const) {
        const { context, page } = await newPage(game.browser, { viewport, locale });
        await openEveryLevel(context);
        await page.goto(`${game.url}/play.html?level=hunt`);
        await page.locator('.modal button.start').click();
        await page.locator('button.neuron').nth(2).click();
        for (let i = 0; i < 5; i++) await page.keyboard.press('+');
        await page.waitForTimeout(400);
        await screenshot(page, `theme-play-${lang}-${size}`);
        await highContrast(page);
        await screenshot(page, `theme-play-${lang}-${size}-contrast`);
        await context.close();
      }
      const { context, page: host } = await newPage(game.browser, { viewport: PROJECTOR, locale });
      const code = await hostCreates(host, game.url, 'hunt', 1);
      const phone = await playerJoins(game.browser, game.url, code, 'Ada', {
        phone: true,
        locale,
      });
      await host.click('button.start-button');
      await host.locator('.stage canvas').first().waitFor();
      await phone.page.locator('button.neuron.movable').first().waitFor();
      await phone.page.locator('button.neuron.movable').nth(1).tap();
      await host.waitForTimeout(600);
      await screenshot(host, `theme-projector-${lang}-1920`);
      await screenshot(phone.page, `theme-phone-${lang}-360`);
      await highContrast(host);
      await highContrast(phone.page);
      await screenshot(host, `theme-projector-${lang}-1920-contrast`);
      await screenshot(phone.page, `theme-phone-${lang}-360-contrast`);
      expect(await axeViolations(host)).toEqual([]);
      expect(await axeViolations(phone.page)).toEqual([]);
      await phone.context.close();
      await context.close();
    });
  }
});
