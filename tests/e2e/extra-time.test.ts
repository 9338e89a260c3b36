import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createSession } from '../integration/helpers.ts';
import { PHONE, playerJoins } from './classroom.steps.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';
import { PROJECTORS, type ScriptedPlayer, scriptedClass } from './projector.steps.ts';

const game = useServedGame();
let others: ScriptedPlayer[] = [];
afterEach(() => {
  closeAll(others.map((p) => p.socket));
  others = [];
});

/** The seconds a countdown shows. */
const seconds = async (text: Promise<string | null>) => Number(/\d+/.exec((await text) ?? '')?.[0]);

describe('time for every student, on the screens', () => {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`gives one phone double time: its own clock runs past the projector's (${locale})`, async () => {
      const s = await createSession(game.url, {
        preset: 'outputDemon',
        rounds: 1,
        secondsPerRound: 20,
      });
      const { context, page: host } = await newPage(game.browser, {
        viewport: PROJECTORS[1],
        locale,
      });
      await host.goto(
        `${game.url}/host.html?code=${s.code}#token=${encodeURIComponent(s.hostToken)}`,
      );
      const phone = await playerJoins(game.browser, game.url, s.code, 'Slow', {
        phone: true,
        locale,
      });
      others = await scriptedClass(game.url, s.code, 3);
      const chip = host.locator('.player-chip', { hasText: 'Slow' });
      await chip.waitFor();
      await chip.locator('button.time').click();
      await expect.poll(() => chip.locator('button.time').textContent()).toBe('◷×1.5');
      await chip.locator('button.time').click();
      await expect.poll(() => chip.locator('button.time').textContent()).toBe('◷×2');
      await host.locator('.start-button').click();
      await phone.page.locator('.my-time:not([hidden])').waitFor();
      expect(await phone.page.locator('.my-time').textContent()).toMatch(/×2/);
      // 20 s for the class, 40 s for this phone: each screen shows its own.
      const mine = await seconds(phone.page.locator('.countdown-value').textContent());
      const theirs = await seconds(host.locator('.countdown-value').textContent());
      expect(mine).toBeGreaterThan(30);
      expect(theirs).toBeLessThanOrEqual(20);
      // The projector marks the player who has more time among those to move.
      await expect
        .poll(() => host.locator('.moved-chip', { hasText: 'Slow' }).textContent())
        .toMatch(/×2/);
      await phone.page.locator('button.neuron').first().waitFor();
      await phone.page.waitForTimeout(500);
      const tag = locale === 'en-US' ? 'en' : 'zh';
      await screenshot(phone.page, `extra-time-phone-${tag}-360`);
      await screenshot(host, `extra-time-host-${tag}-1366`);
      expect(PHONE.width).toBe(360);
      expect(pageErrors(host)).toEqual([]);
      expect(pageErrors(phone.page)).toEqual([]);
      await phone.context.close();
      await context.close();
    });
  }
});
