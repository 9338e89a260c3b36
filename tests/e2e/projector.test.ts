import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createSession } from '../integration/helpers.ts';
import { newPage, pageErrors, useServedGame } from './harness.ts';
import {
  fitsEveryProjector,
  PROJECTORS,
  type ScriptedPlayer,
  scriptedClass,
  scriptedMoves,
} from './projector.steps.ts';

const game = useServedGame();
let players: ScriptedPlayer[] = [];
afterEach(() => {
  closeAll(players.map((p) => p.socket));
  players = [];
});

describe('the projector for a class of 30 and a lecture hall of 300', () => {
  for (const n of [30, 300]) {
    it(`fits every screen at 1920×1080 and 1366×768 with ${n} players, run from the clicker`, async () => {
      const { context, page: host } = await newPage(game.browser, { viewport: PROJECTORS[0] });
      await host.goto(`${game.url}/host.html`);
      await host.locator('.create-form').waitFor();
      await fitsEveryProjector(host, `projector-${n}-setup`, ['.create-button']);

      const s = await createSession(game.url, { preset: 'hunt', rounds: 2, secondsPerRound: 120 });
      await host.goto(
        `${game.url}/host.html?code=${s.code}#token=${encodeURIComponent(s.hostToken)}`,
      );
      await host.locator('.big-code').waitFor();
      players = await scriptedClass(game.url, s.code, n);
      const count = host.locator('.lobby-count .count-n');
      await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe(String(n));
      // The newest name is first, where its owner looks for it.
      expect(await host.locator('.player-chip .nick').first().textContent()).toBe(
        players.at(-1)!.nickname,
      );
      await fitsEveryProjector(host, `projector-${n}-lobby`, [
        '.big-code',
        '.qr',
        '.start-button',
        '.lobby-count',
      ]);

      // The host gives one student double time from their chip: their phone hears it.
      const slow = players[0]!;
      const timeButton = host.locator(`.player-chip[data-id="${slow.id}"] button.time`);
      await timeButton.click();
      await expect.poll(() => timeButton.textContent()).toBe('◷×1.5');
      await timeButton.click();
      await expect.poll(() => timeButton.textContent()).toBe('◷×2');
      await expect.poll(() => slow.timeFactor).toBe(2);
      await host.locator('body').click({ position: { x: 5, y: 300 } });

      // The clicker starts the round: Page Down, nothing focused.
      await host.keyboard.press('PageDown');
      await host.locator('.host-game[data-phase="question"]').waitFor();
      await expect.poll(() => players.every((p) => p.round?.round === 1)).toBe(true);
      // Two thirds move: their ticks, and only theirs, show as the progress messages name them.
      const first = players.slice(0, Math.round((n * 2) / 3));
      const moved = await scriptedMoves(first, 1);
      expect(moved).toBe(first.length);
      const ticks = host.locator('.moved-chip.done, .moved-cell.done');
      await expect.poll(() => ticks.count()).toBe(moved);
      const ticked = await ticks.evaluateAll((es) => es.map((e) => e.getAttribute('data-id')));
      expect(new Set(ticked)).toEqual(new Set(first.map((p) => p.id)));
      expect(await host.locator('.moved-count').textContent()).toBe(`${moved} of ${n} moved`);
      if (n > 40)
        await expect
          .poll(() => host.locator('.still-thinking').textContent())
          .toMatch(/^Still thinking: /);
      await fitsEveryProjector(host, `projector-${n}-round`, [
        '.ctl-endRound',
        '.moved-count',
        '.who-moved',
      ]);

      // The rest move: the round closes, the reveal shows the board's top beside the class.
      await scriptedMoves(players.slice(first.length), 2);
      await host.locator('.reveal-board .leaderboard').waitFor();
      await host.waitForTimeout(1500);
      // Every phone can show its own rank and points: its entry is in the reveal it received.
      await expect.poll(() => players.every((p) => p.reveal?.round === 1)).toBe(true);
      for (const p of players) {
        const mine = p.reveal!.leaderboard.find((e) => e.id === p.id);
        expect(mine?.rank, p.nickname).toBeGreaterThanOrEqual(1);
        expect(mine?.rank, p.nickname).toBeLessThanOrEqual(n);
      }
      const top5 = [1, 2, 3, 4, 5].map(
        (i) => `.reveal-board .leaderboard tbody tr:nth-child(${i})`,
      );
      await fitsEveryProjector(host, `projector-${n}-reveal`, [
        '.ctl-next',
        '.class-picture .scatter',
        ...top5,
      ]);

      await host.keyboard.press('PageDown');
      await host.locator('.host-game[data-phase="question"]').waitFor();
      await expect.poll(() => players.every((p) => p.round?.round === 2)).toBe(true);
      await scriptedMoves(players, 3);
      await host.locator('.ctl-next', { hasText: 'Show the podium' }).waitFor();
      await host.keyboard.press('PageDown');
      await host.locator('.podium').waitFor();
      await host.locator('.report-table tbody tr').first().waitFor();
      await host.waitForTimeout(1800);
      // Every player is in the standings, a page at a time, and in the report.
      expect(await host.locator('.standings-count').textContent()).toBe(`All ${n} players`);
      await expect.poll(() => host.locator('.report-table tbody tr').count()).toBe(n);
      const pageRows = host.locator('.end-standings .leaderboard tbody tr:not(.bot)');
      let listed = 0;
      for (;;) {
        listed += await pageRows.count();
        const next = host.locator('.end-standings .page-next');
        if (!(await next.isVisible()) || (await next.isDisabled())) break;
        await next.click();
      }
      expect(listed).toBe(n);
      // Back to the first page: the winners' rows under the podium.
      const prev = host.locator('.end-standings .page-prev');
      while ((await prev.isVisible()) && !(await prev.isDisabled())) await prev.click();
      expect(
        await host
          .locator('.end-standings .leaderboard tbody tr:not(.bot) td.rank')
          .first()
          .textContent(),
      ).toBe('1');
      await fitsEveryProjector(host, `projector-${n}-end`, [
        '.podium .place-1',
        'a.csv',
        '.to-report',
        '.standings-count',
      ]);
      expect(pageErrors(host)).toEqual([]);
      await context.close();
    });
  }
});
