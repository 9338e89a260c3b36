import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostCreates, PROJECTOR, playerJoins, playerMoves, shownScore } from './classroom.steps.ts';
import {
  closeBrowser,
  launchBrowser,
  newPage,
  pageErrors,
  type Served,
  startServer,
  stopServer,
} from './harness.ts';

const servers: Served[] = [];
let browser: Browser | undefined;

beforeAll(async () => {
  servers.push(await startServer());
  browser = await launchBrowser();
});

afterAll(async () => {
  await closeBrowser(browser);
  for (const s of servers) await stopServer(s);
});

describe('a dropped connection', () => {
  it('comes back on its own after a server restart: same player, same score, same round, and play goes on', async () => {
    const first = servers[0]!;
    const base = first.url;
    const { page: host } = await newPage(browser!, { viewport: PROJECTOR });
    const code = await hostCreates(host, base, 'outputDemon', 2);
    const ann = await playerJoins(browser!, base, code, 'Ann', { phone: true });
    await host.click('button.start-button');
    await playerMoves(ann, 0);
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 1: the answer');
    await host.click('button.ctl-next');
    await expect.poll(() => ann.page.locator('.round-title').textContent()).toBe('Round 2 of 2');
    const score = await shownScore(ann.page);
    expect(score).toBeGreaterThan(0);

    // The server goes away: both pages say the link is down.
    const exited = new Promise<void>((r) => first.server.once('exit', () => r()));
    process.kill(first.server.pid!, 'SIGTERM');
    await exited;
    await expect.poll(() => ann.page.locator('.link-state').isVisible()).toBe(true);
    await expect.poll(() => host.locator('.link-state').isVisible()).toBe(true);

    // The same server comes back on the same port with the same database.
    const port = new URL(base).port;
    const again = await startServer({ PORT: port, DATA_DIR: first.dataDir });
    servers.push(again);
    await expect
      .poll(() => ann.page.locator('.link-state').isVisible(), { timeout: 15_000 })
      .toBe(false);
    await expect.poll(() => ann.page.locator('.round-title').textContent()).toBe('Round 2 of 2');
    expect(await ann.page.locator('.my-name').textContent()).toBe('Ann');
    expect(await shownScore(ann.page)).toBe(score);
    await expect
      .poll(() => host.locator('.link-state').isVisible(), { timeout: 15_000 })
      .toBe(false);
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 2 of 2');

    await playerMoves(ann, 0);
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 2: the answer');
    expect(await shownScore(ann.page)).toBeGreaterThan(score);
    expect(pageErrors(ann.page)).toEqual([]);
    expect(pageErrors(host)).toEqual([]);
    rmSync(first.dataDir, { recursive: true, force: true });
  });
});
