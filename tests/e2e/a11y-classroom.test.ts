import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { hostCreates, PROJECTOR, playerJoins, playerMoves } from './classroom.steps.ts';
import { newPage, useServedGame } from './harness.ts';

const game = useServedGame();

const LOCALES = [
  ['en', 'en-US'],
  ['zh-CN', 'zh-CN'],
] as const;

describe('axe-core finds no serious or critical violation on the classroom pages', () => {
  for (const [lang, locale] of LOCALES) {
    it(`host setup, lobby, round, reveal, podium; phone join, lobby, round, end (${lang})`, async () => {
      const found: string[] = [];
      const check = async (page: Page, where: string) => {
        for (const v of await axeViolations(page)) found.push(`${where}: ${v}`);
      };
      const { context, page: host } = await newPage(game.browser, { viewport: PROJECTOR, locale });
      await host.goto(`${game.url}/host.html`);
      await host.locator('#preset').waitFor();
      expect(await host.evaluate(() => document.documentElement.lang)).toBe(lang);
      await check(host, 'host setup');
      const code = await hostCreates(host, game.url, 'outputDemon', 1);
      await check(host, 'host lobby');

      // The phone's join page, before and after joining.
      const { context: pc, page: joinPage } = await newPage(game.browser, {
        viewport: { width: 360, height: 740 },
        touch: true,
        locale,
      });
      await joinPage.goto(`${game.url}/join.html?code=${code}`);
      await joinPage.locator('#join-nickname').waitFor();
      await check(joinPage, 'phone join');
      await pc.close();
      const phone = await playerJoins(game.browser, game.url, code, 'Ada', { phone: true, locale });
      await check(phone.page, 'phone lobby');

      await host.click('button.start-button');
      await host.locator('.stage canvas').first().waitFor();
      await check(host, 'host round');
      await phone.page.locator('button.neuron.movable').first().waitFor();
      await check(phone.page, 'phone round');
      await playerMoves(phone, 0);
      await check(phone.page, 'phone result');
      await host.locator('.class-picture').waitFor();
      await check(host, 'host reveal');
      await check(phone.page, 'phone reveal');
      await host.click('button.ctl-next');
      await host.locator('.podium').waitFor();
      await host.locator('.report-table tbody tr').first().waitFor();
      await check(host, 'host podium');
      await phone.page.locator('.player-end .podium').waitFor();
      await check(phone.page, 'phone podium');
      expect(found).toEqual([]);
      await phone.context.close();
      await context.close();
    });
  }
});
