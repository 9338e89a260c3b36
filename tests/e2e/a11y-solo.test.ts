import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { analyse } from '#shared/engine/index';
import { LEVEL_IDS, levelById, levelPuzzle } from '#shared/game/levels';
import { axeViolations } from './axe.ts';
import { newPage, openEveryLevel, useServedGame } from './harness.ts';
import { predictIfAsked } from './textbook.steps.ts';

const game = useServedGame();

const LOCALES = [
  ['en', 'en-US'],
  ['zh-CN', 'zh-CN'],
] as const;

/** A page in the given language where every level is open. */
async function openPage(locale: string) {
  const { context, page } = await newPage(game.browser, { locale });
  await openEveryLevel(context);
  return { context, page };
}

/** Plays one move on the open level, the way a keyboard user would, so its result shows. */
async function makeMove(page: Page, id: string): Promise<void> {
  if (id === 'handBackprop') {
    const marked = page.locator('button.neuron.marked');
    const l = Number(await marked.getAttribute('data-l'));
    const j = Number(await marked.getAttribute('data-j'));
    const { puzzle } = levelPuzzle(levelById(id)!);
    const delta = analyse(puzzle.network, puzzle.batch).deltaBar[l]![j]!;
    await page.locator('.hand-input').fill(delta.toPrecision(3));
    await page.locator('.hand-panel button.check, button.check').first().click();
  }
  const pick = page.locator('button.neuron.movable, button.weight:not([disabled])').first();
  await pick.click();
  for (let i = 0; i < 5; i++) await page.keyboard.press('+');
  // Levels 2 and 4 ask for a prediction first (its panel was on the board axe just read).
  await predictIfAsked(page);
  await page.locator('button.submit:not([disabled])').click();
  await page.locator('.result .stat').first().waitFor();
}

describe('axe-core finds no serious or critical violation on the solo pages', () => {
  for (const [lang, locale] of LOCALES) {
    it(`home, levels, concept check, MNIST lab, sandbox, every level's board and result (${lang})`, async () => {
      const { context, page } = await openPage(locale);
      const found: string[] = [];
      const check = async (where: string) => {
        for (const v of await axeViolations(page)) found.push(`${where}: ${v}`);
      };
      await page.goto(`${game.url}/`);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await check('home');
      await page.goto(`${game.url}/play.html`);
      await page.locator('[data-level]').first().waitFor();
      await check('levels');
      await page.goto(`${game.url}/concepts/`);
      await page.locator('main button, main a').first().waitFor();
      await check('concept check');
      await page.goto(`${game.url}/mnist/`);
      await page.locator('main button').first().waitFor();
      await check('MNIST lab');
      await page.goto(`${game.url}/play.html?sandbox=1`);
      await page.locator('button.neuron').first().waitFor();
      await check('sandbox');
      for (const id of LEVEL_IDS) {
        await page.goto(`${game.url}/play.html?level=${id}`);
        // The MNIST level fetches its digits and trains first.
        await page.locator('.modal button.start').waitFor({ timeout: 60_000 });
        await check(`${id} intro`);
        await page.locator('.modal button.start').click();
        await page.locator('button.neuron, button.weight').first().waitFor();
        await check(`${id} board`);
        await makeMove(page, id);
        await check(`${id} result`);
      }
      expect(found).toEqual([]);
      await context.close();
    });
  }
});
