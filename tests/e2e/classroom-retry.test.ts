import { describe, expect, it } from 'vitest';
import { connect, createSession, ok } from '../integration/helpers.ts';
import { PHONE } from './classroom.steps.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

// One join a minute from an address: the phone's join is the second, and the server says "not now".
const game = useServedGame({ JOIN_LIMIT_PER_MINUTE: '1' });

describe('a phone refused with “too many joins”', () => {
  it('says so, counts down, and tries again by itself instead of freezing', async () => {
    const { code } = await createSession(game.url, { preset: 'outputDemon' });
    const first = await connect(game.url);
    await ok(first, 'player:join', { code, nickname: 'First' });

    const { context, page } = await newPage(game.browser, { viewport: PHONE, touch: true });
    let joins = 0;
    page.on('websocket', (ws) =>
      ws.on('framesent', (f) => {
        if (String(f.payload).includes('"player:join"')) joins++;
      }),
    );
    await page.goto(`${game.url}/join.html?code=${code}&name=Second`);
    const message = page.locator('.player-wait');
    await expect
      .poll(() => message.textContent())
      .toMatch(/^Too many joins from this network: wait a minute\. Trying again in \d+ s…$/);
    await screenshot(page, 'classroom-phone-retry-360');
    // The first retry comes after a second or so, and is refused again: the page keeps trying.
    await expect.poll(() => joins, { timeout: 8000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    first.close();
    await context.close();
  });
});
