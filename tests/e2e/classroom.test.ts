import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  hostCreates,
  type Player,
  PROJECTOR,
  parseCsv,
  playerJoins,
  playerMoves,
  shownScore,
} from './classroom.steps.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

const XSS = '<img src=x onerror=alert(1)>';

async function revealed(host: Page, round: number): Promise<void> {
  await expect
    .poll(() => host.locator('.round-title').textContent())
    .toBe(`Round ${round}: the answer`);
  await host.locator('.class-picture').waitFor();
}

describe('a class game: a host and three players, three rounds to the podium', () => {
  it('plays through lobby, rounds, reveals, a reload, the podium and the CSV', async () => {
    const base = game.url;
    const { context: hostContext, page: host } = await newPage(game.browser, {
      viewport: PROJECTOR,
    });
    const hostDialogs: string[] = [];
    host.on('dialog', (d) => {
      hostDialogs.push(d.message());
      void d.accept();
    });
    const code = await hostCreates(host, base, 'manySamples', 3);

    const ada = await playerJoins(game.browser, base, code, 'Ada');
    const xss = await playerJoins(game.browser, base, code, XSS);
    const phone = await playerJoins(game.browser, base, code, 'Phone', { phone: true });
    const players: Player[] = [ada, xss, phone];

    // The lobby lists every nickname as text; the markup in one of them is never parsed.
    await expect.poll(() => host.locator('.player-chip').count()).toBe(3);
    const nicks = await host.locator('.player-chip .nick').allTextContents();
    expect(nicks.sort()).toEqual([XSS, 'Ada', 'Phone'].sort());
    expect(await host.locator('.lobby-players img').count()).toBe(0);
    await expect.poll(() => xss.page.locator('.player-lobby h1').textContent()).toContain(XSS);
    expect(await xss.page.locator('.player-lobby img').count()).toBe(0);
    // The phone's lobby came before Phaser and KaTeX: they load with the first round.
    expect(phone.lobbyScripts.some((u) => /join-/.test(u))).toBe(true);
    expect(phone.lobbyScripts.filter((u) => /startPlayView|resultPanel/.test(u))).toEqual([]);
    await screenshot(host, 'classroom-host-lobby-1920');
    await screenshot(phone.page, 'classroom-phone-lobby-360');

    // Round 1: everyone moves; the round closes by itself when all have moved.
    await host.click('button.start-button');
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 1 of 3');
    await host.locator('.stage canvas').first().waitFor();
    // Nothing of anyone's answer before the reveal: no pick badges, no class picture.
    expect(await host.locator('.pick-badge, .class-picture').count()).toBe(0);
    await screenshot(host, 'classroom-host-round-1920');
    await playerMoves(ada, 0);
    // Ada sees her own result, but not the best move while the others still think.
    expect(await ada.page.locator('.result .compare').count()).toBe(0);
    await expect.poll(() => host.locator('.moved-count').textContent()).toBe('1 of 3 moved');
    expect(await host.locator('.pick-badge, .class-picture').count()).toBe(0);
    await playerMoves(xss, 1);
    // The phone's round fits its 360 px screen: nothing scrolls sideways, neurons are finger-sized.
    await phone.page.locator('button.neuron').first().waitFor();
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(360);
    expect(
      (await phone.page.locator('button.neuron').first().boundingBox())!.width,
    ).toBeGreaterThanOrEqual(36);
    await screenshot(phone.page, 'classroom-phone-round-360');
    await playerMoves(phone, 0);
    await revealed(host, 1);
    await expect.poll(() => ada.page.locator('.result .compare li').count()).toBe(2);
    // The projector names the best move and the gradient demon's, as the solo result does.
    expect(await host.locator('.reveal-compare li').allTextContents()).toEqual([
      expect.stringMatching(/^Best move: neuron \d of layer \d, Δz = /),
      expect.stringMatching(/^Gradient demon: neuron \d of layer \d, Δz = /),
    ]);
    await expect.poll(() => host.locator('.pick-badge').count()).toBeGreaterThan(0);
    await expect.poll(() => host.locator('.leaderboard tbody tr').count()).toBe(4);
    expect(await host.locator('.leaderboard td.name').allTextContents()).toContain(XSS);
    await expect.poll(() => host.locator('.training').textContent()).toMatch(/Trained/);
    // Let the loss curve's new segment finish growing before the picture.
    await host.waitForTimeout(1600);
    await screenshot(host, 'classroom-host-reveal-1920');
    await phone.page.locator('.my-round').waitFor();
    await screenshot(phone.page, 'classroom-phone-reveal-360');
    const scoreAfter1 = await shownScore(ada.page);

    // Round 2: Ada reloads before moving and comes back as herself; Phone does not move; the host ends the round.
    await host.click('button.ctl-next');
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 2 of 3');
    await expect.poll(() => ada.page.locator('.round-title').textContent()).toBe('Round 2 of 3');
    await ada.page.reload();
    await expect.poll(() => ada.page.locator('.round-title').textContent()).toBe('Round 2 of 3');
    expect(await ada.page.locator('.my-name').textContent()).toBe('Ada');
    expect(await shownScore(ada.page)).toBe(scoreAfter1);
    await playerMoves(ada, 2);
    await playerMoves(xss, 0);
    await expect.poll(() => host.locator('.moved-count').textContent()).toBe('2 of 3 moved');
    await host.click('button.ctl-endRound');
    await revealed(host, 2);
    await expect.poll(() => phone.page.locator('.round-points').textContent()).toMatch(/No move/);

    // Round 3, then the podium; a presenter's clicker (Page Down) moves on like the button.
    await host.keyboard.press('PageDown');
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 3 of 3');
    for (const p of players) await playerMoves(p, 1);
    await revealed(host, 3);
    await host.click('button.ctl-next');
    await host.locator('.podium').waitFor();
    await host.locator('.report-table tbody tr').first().waitFor();
    // Let the podium finish rising before the picture.
    await host.waitForTimeout(1800);
    await screenshot(host, 'classroom-host-podium-1920');
    for (const p of players) await p.page.locator('.player-end .podium').waitFor();
    await phone.page.waitForTimeout(1800);
    await screenshot(phone.page, 'classroom-phone-podium-360');
    expect(await phone.page.locator('.my-place').textContent()).toMatch(/You finished \d of 3/);

    // The gradient demon is a benchmark: no podium step, "of 3" counts the players only, and the end says how the class did against it.
    await expect
      .poll(() => host.locator('.end-side .beat-demon').textContent())
      .toMatch(/^The class beat the gradient demon in [0-3] of 3 rounds\.$/);
    expect(await phone.page.locator('.player-end .beat-demon').textContent()).toMatch(
      /^The class beat the gradient demon in [0-3] of 3 rounds\.$/,
    );
    expect(await phone.page.locator('.player-end .podium .step.bot').count()).toBe(0);

    // The report on screen: points per player per round, and the totals.
    const onScreen = new Map<string, number>();
    for (const row of await host.locator('.report-table tbody tr').all()) {
      const name = (await row.locator('th.name').textContent())!;
      for (const cell of await row.locator('td[data-round]').all()) {
        const round = (await cell.getAttribute('data-round'))!;
        const pts = Number(/^\d+/.exec((await cell.textContent()) ?? '')?.[0]);
        onScreen.set(`${round}:${name}`, pts);
      }
    }
    expect(onScreen.size).toBe(9);
    expect(onScreen.get(`2:Phone`)).toBe(0);

    // The CSV: one row per player per round, the same points as on screen.
    const [download] = await Promise.all([host.waitForEvent('download'), host.click('a.csv')]);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8')).filter(
      (r) => r['bot'] === 'false',
    );
    expect(rows).toHaveLength(9);
    for (const r of rows)
      expect(Number(r['points'])).toBe(onScreen.get(`${r['round']}:${r['nickname']}`));
    const nicknames = new Set(rows.map((r) => r['nickname']));
    expect(nicknames).toEqual(new Set(['Ada', XSS, 'Phone']));

    // The standings on screen add up the report's rounds.
    for (const p of players) {
      const total = [1, 2, 3].reduce((s, r) => s + onScreen.get(`${r}:${p.name}`)!, 0);
      const score = await host
        .locator('.end-top .leaderboard tr', { has: host.locator('td.name', { hasText: p.name }) })
        .first()
        .locator('td.score')
        .textContent();
      expect(Number(score)).toBe(total);
    }

    // The markup in a nickname ran nowhere.
    for (const p of players) expect(p.dialogs).toEqual([]);
    expect(hostDialogs).toEqual([]);
    for (const page of [host, ...players.map((p) => p.page)]) expect(pageErrors(page)).toEqual([]);
    for (const p of players) await p.context.close();
    await hostContext.close();
  });
});
