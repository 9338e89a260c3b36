import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, pageErrors, useServedGame } from './harness.ts';

const game = useServedGame();

/** The effects the page has played so far (the synthesiser logs them where a test asks it to). */
const played = (page: Page) =>
  page.evaluate(() => [...((window as Window & { bdSounds?: string[] }).bdSounds ?? [])]);

describe('sound', () => {
  it('plays pick, nudge, the cost chord and level done after a gesture; mute silences it and is remembered', async () => {
    const { context, page } = await newPage(game.browser);
    await context.addInitScript(() => {
      (window as Window & { bdSounds?: string[] }).bdSounds = [];
    });
    await page.goto(`${game.url}/play.html?level=outputDemon`);
    // Loading the game makes no sound, and the first page never fetches the synthesiser.
    await page.locator('.modal button.start').waitFor();
    expect(await played(page)).toEqual([]);
    await page.locator('.modal button.start').click();
    await page.locator('button.neuron').first().click();
    await expect.poll(() => played(page)).toEqual(['pick']);
    await page.keyboard.press('-');
    await expect.poll(() => played(page)).toEqual(['pick', 'nudge']);
    await page.locator('button.submit').click();
    await expect.poll(() => played(page)).toContainEqual(expect.stringMatching(/^cost(Down|Up)$/));
    await expect.poll(() => played(page)).toContain('levelDone');

    const mute = page.getByLabel('Mute');
    await expect(mute.isChecked()).resolves.toBe(false);
    await mute.check();
    await page.reload();
    await expect(page.getByLabel('Mute').isChecked()).resolves.toBe(true);
    await page.locator('.modal button.start').click();
    await page.locator('button.neuron').first().click();
    await page.keyboard.press('-');
    await page.waitForTimeout(300);
    expect(await played(page)).toEqual([]);
    // And back on, still remembered.
    await page.getByLabel('Mute').uncheck();
    await page.reload();
    await expect(page.getByLabel('Mute').isChecked()).resolves.toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the first page ships no sound code', async () => {
    const { context, page } = await newPage(game.browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${game.url}/`);
    await page.getByLabel('Mute').click();
    await page.waitForTimeout(500);
    expect(scripts.filter((s) => /synth/.test(s))).toEqual([]);
    await context.close();
  });
});
