import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, connect, ok } from '../integration/helpers.ts';
import { hostCreates, PHONE, PROJECTOR, playerJoins, playerMoves } from './classroom.steps.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

/**
 * What sticks out past the right edge of a `width`-px screen: the page's own
 * scroll width, and every visible element whose box ends beyond it (a table in
 * its own scroll box is fine: only the box counts).
 */
async function overflow(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > w) out.push(`page ${doc.scrollWidth}px`);
    const clipped = (e: Element): boolean => {
      for (let p = e.parentElement; p; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') return true;
      }
      return false;
    };
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= w + 0.5) continue;
      if (getComputedStyle(e).visibility === 'hidden' || clipped(e)) continue;
      out.push(
        `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ends at ${Math.round(r.right)}px`,
      );
    }
    return out.slice(0, 8);
  }, width);
}

async function fitsPhone(page: Page, what: string): Promise<void> {
  expect(await overflow(page, PHONE.width), what).toEqual([]);
}

/** The host's screen is checked on a phone too, then looked at as the projector again. */
async function hostFits(page: Page, what: string, shot: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await fitsPhone(page, `host ${what} at 360 px`);
  await screenshot(page, `${shot}-360`);
  await page.setViewportSize(PROJECTOR);
  await page.waitForTimeout(300);
}

const sockets: Client[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

/** A player on a plain socket who nudges the output neuron against a guess at δ's sign. */
async function bot(url: string, code: string, nickname: string): Promise<void> {
  const s = await connect(url);
  sockets.push(s);
  await ok(s, 'player:join', { code, nickname });
  s.on('round:started', (r) => {
    const L = r.puzzle.network.sizes.length - 1;
    void ok(s, 'move:submit', { round: r.round, l: L, j: 0, dz: r.puzzle.eps / 2 }).catch(() => {});
  });
}

describe('the classroom screens on a 360 px phone and on the projector', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`fit a 360 px screen, and the reveal shows the top 5 at 1920×1080 (${locale})`, async () => {
      const base = game.url;
      const tag = locale === 'en-US' ? 'en' : 'zh';
      const { context: hostContext, page: host } = await newPage(game.browser, {
        viewport: PROJECTOR,
        locale,
      });
      host.on('dialog', (d) => void d.accept());

      // The first page and the join page, with their error, on the phone.
      const { context: firstContext, page: first } = await newPage(game.browser, {
        viewport: PHONE,
        touch: true,
        locale,
      });
      await first.goto(`${base}/`);
      await first.fill('#code', '12');
      await first.locator('form.join button[type=submit]').tap();
      await first.locator('form.join .form-message:not(:empty)').waitFor();
      await fitsPhone(first, 'first page with its error');
      await screenshot(first, `layout-${tag}-phone-home-error`);
      await first.goto(`${base}/join.html?code=000000`);
      await first.fill('#join-nickname', 'Nobody');
      await first.locator('button.join-button').tap();
      await first.locator('.player-join .form-message:not(:empty)').waitFor();
      await fitsPhone(first, 'join page with its error');
      await screenshot(first, `layout-${tag}-phone-join-error`);
      await firstContext.close();

      await host.goto(`${base}/host.html`);
      await host.locator('.create-form').waitFor();
      await hostFits(host, 'setup', `layout-${tag}-host-setup`);
      const code = await hostCreates(host, base, 'hunt', 1);
      await hostFits(host, 'lobby', `layout-${tag}-host-lobby`);

      const phone = await playerJoins(game.browser, base, code, 'Phone', { phone: true, locale });
      for (const name of ['Ada', 'Bo', 'Cy', 'Di', 'Eve']) await bot(base, code, name);
      await expect.poll(() => host.locator('.player-chip').count()).toBe(6);
      await fitsPhone(phone.page, 'phone lobby');
      await screenshot(phone.page, `layout-${tag}-phone-lobby`);

      await host.click('button.start-button');
      await host.locator('.stage canvas').first().waitFor();
      await phone.page.locator('button.neuron').first().waitFor();
      await phone.page.waitForTimeout(500);
      await fitsPhone(phone.page, 'phone round');
      await screenshot(host, `layout-${tag}-host-round-1920`);
      // Six neurons a hidden layer: the phone still shows every δ the projector shows.
      const deltaLabels = host.locator('.stage .nlabel', { hasText: 'δ' });
      await expect.poll(() => deltaLabels.count()).toBeGreaterThanOrEqual(13);
      const projectorDeltas = await deltaLabels.count();
      const phoneDeltas = await phone.page
        .locator('.stage .nlabel:visible, .delta-chips .delta-chip:visible')
        .filter({ hasText: 'δ' })
        .count();
      expect(phoneDeltas).toBeGreaterThanOrEqual(projectorDeltas);
      await screenshot(phone.page, `layout-${tag}-phone-round`);
      // A phone has no keyboard: the pick hint says tap, and names no keys.
      expect(await phone.page.locator('.move-panel .hint').textContent()).not.toMatch(/Keys|按键/);
      await hostFits(host, 'round', `layout-${tag}-host-round`);

      await playerMoves(phone, 0);
      await host.locator('.class-picture').waitFor();
      await phone.page.locator('.my-round').waitFor();
      await fitsPhone(phone.page, 'phone reveal');
      await screenshot(phone.page, `layout-${tag}-phone-reveal`);
      // The projector's reveal: the top five of the leaderboard in view without scrolling.
      await host.waitForTimeout(1600);
      await screenshot(host, `layout-${tag}-host-reveal-1920`);
      const rows = host.locator('.game-side .leaderboard tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(6);
      const inView = await rows.evaluateAll(
        (trs, h) =>
          trs.filter((tr) => {
            const r = tr.getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= h;
          }).length,
        PROJECTOR.height,
      );
      expect(inView).toBeGreaterThanOrEqual(5);
      // The gradient demon is on the board with its points, but has no place.
      expect(await host.locator('.game-side .leaderboard tr.bot td.rank').textContent()).toBe('–');
      expect(await host.locator('.game-side .leaderboard tr.bot td.score').textContent()).toMatch(
        /^\d+$/,
      );
      expect(await host.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
        PROJECTOR.height,
      );
      await hostFits(host, 'reveal', `layout-${tag}-host-reveal`);

      await host.click('button.ctl-next');
      await host.locator('.podium').waitFor();
      await host.locator('.report-table tbody tr').first().waitFor();
      await phone.page.locator('.player-end .podium').waitFor();
      await phone.page.waitForTimeout(1800);
      await fitsPhone(phone.page, 'phone podium');
      await screenshot(phone.page, `layout-${tag}-phone-podium`);
      await host.waitForTimeout(1800);
      await screenshot(host, `layout-${tag}-host-end-1920`);
      await hostFits(host, 'end', `layout-${tag}-host-end`);

      expect(pageErrors(host)).toEqual([]);
      expect(pageErrors(phone.page)).toEqual([]);
      await phone.context.close();
      await hostContext.close();
    });
  }
});
