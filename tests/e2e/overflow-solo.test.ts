import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LEVELS, LevelKind } from '#shared/game/levels';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

/** Elements whose box reaches past the right edge of a 360 px screen, by tag and class. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrollWidth ${document.documentElement.scrollWidth}`);
    for (const e of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Inside a scroll box (a wide table scrolled sideways) is fine; cut off by the screen is not.
      let clipped = false;
      for (let p = e.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') {
          clipped = p !== document.body && p !== document.documentElement;
          if (clipped) break;
        }
      }
      if (!clipped && r.right > width + 1)
        out.push(`${e.tagName.toLowerCase()}.${e.className} right ${Math.round(r.right)}`);
    }
    return out.slice(0, 8);
  });
}

const PHONE = { viewport: { width: 360, height: 740 }, touch: true } as const;

describe('no solo page is wider than a 360 px phone', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`${locale}: the home page, the level list and the sandbox`, async () => {
      const { context, page } = await newPage(game.browser, { ...PHONE, locale });
      for (const [name, url] of [
        ['home', '/'],
        ['levels', '/play.html'],
        ['sandbox', '/play.html?sandbox=1'],
      ] as const) {
        await page.goto(`${game.url}${url}`);
        await page.waitForLoadState('networkidle');
        await screenshot(page, `phone-${locale}-${name}`);
        expect(await overflowing(page), `${locale} ${name}`).toEqual([]);
      }
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    });

    it(`${locale}: every level's board, before and after a move`, async () => {
      const { context, page } = await newPage(game.browser, { ...PHONE, locale });
      // Every level open, as for a player who has passed them all.
      const all = JSON.stringify(Object.fromEntries(LEVELS.map((l) => [l.id, 3])));
      await context.addInitScript((v) => localStorage.setItem('bd.progress.v1', v), all);
      for (const level of LEVELS) {
        await page.goto(`${game.url}/play.html?level=${level.id}`);
        await page.locator('.modal button.start').tap();
        expect(await overflowing(page), `${locale} ${level.id} before`).toEqual([]);
        // The weight and hand-backprop levels take other inputs before a move (their own tests play them).
        if (level.kind === LevelKind.HandDelta || level.kind === LevelKind.Weight) continue;
        // Predict levels ask for the sign and decade of ΔC first.
        const predict = page.locator('.predict[data-committed="false"]');
        if (await predict.count()) {
          await predict.locator('[data-group="sign"][data-value="down"]').tap();
          await predict.locator('[data-group="size"][data-value="1"]').tap();
          await predict.locator('button.predict-commit').tap();
          await page.locator('.predict[data-committed="true"]').waitFor();
        }
        // Pick with the keyboard (the first press picks the output), nudge, submit.
        await page.keyboard.press('ArrowRight');
        for (let i = 0; i < 3; i++) await page.keyboard.press('+');
        await page.keyboard.press('Enter');
        await page.locator('.result').waitFor();
        await screenshot(page, `phone-${locale}-${level.id}-after`);
        expect(await overflowing(page), `${locale} ${level.id} after`).toEqual([]);
      }
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    });
  }
});
