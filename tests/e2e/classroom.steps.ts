import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newPage } from './harness.ts';

export const PROJECTOR = { width: 1920, height: 1080 };
export const PHONE = { width: 360, height: 740 };

export interface Player {
  name: string;
  context: BrowserContext;
  page: Page;
  touch: boolean;
  dialogs: string[];
  /** Scripts the page had fetched by the time its lobby showed. */
  lobbyScripts: string[];
}

/**
 * The host creates a session on the host page and lands in its lobby; returns
 * the code. `ticks` are the form's checkboxes to tick first (#preCheck, #predict…).
 */
export async function hostCreates(
  page: Page,
  base: string,
  preset: string,
  rounds: number,
  ticks: string[] = [],
): Promise<string> {
  await page.goto(`${base}/host.html`);
  await page.selectOption('#preset', preset);
  await page.fill('#rounds', String(rounds));
  await page.fill('#secondsPerRound', '120');
  for (const box of ticks) await page.check(box);
  await page.click('button.create-button');
  const code = page.locator('.big-code');
  await code.waitFor();
  await expect.poll(() => code.getAttribute('data-code')).toMatch(/^\d{6}$/);
  const digits = (await code.getAttribute('data-code'))!;
  // Shown in two groups of three, easy to read off the projector.
  expect(await code.textContent()).toBe(`${digits.slice(0, 3)} ${digits.slice(3)}`);
  return digits;
}

/**
 * A player opens the join link (the first page with the code filled in), types
 * a nickname, joins, and waits for `until` (the lobby; a check before the game shows instead).
 */
export async function playerJoins(
  browser: Browser,
  base: string,
  code: string,
  name: string,
  o: { phone?: boolean; locale?: string; until?: string } = {},
): Promise<Player> {
  const { context, page } = await newPage(browser, {
    viewport: o.phone ? PHONE : { width: 1024, height: 768 },
    touch: o.phone ?? false,
    locale: o.locale ?? 'en-US',
  });
  const dialogs: string[] = [];
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${base}/?code=${code}`);
  await expect.poll(() => page.inputValue('#code')).toBe(code);
  await page.fill('#nickname', name);
  if (o.phone) await page.locator('form.join button[type=submit]').tap();
  else await page.click('form.join button[type=submit]');
  await page.waitForURL(/join\.html/);
  await page.locator(o.until ?? '.player-lobby h1').waitFor();
  return { name, context, page, touch: o.phone ?? false, dialogs, lobbyScripts: [...scripts] };
}

/** Picks neuron `index` and sets Δz against δ (the preview must go negative), then nudges. */
export async function playerMoves(p: Player, index: number): Promise<void> {
  const page = p.page;
  const neurons = page.locator('button.neuron.movable');
  await expect.poll(() => neurons.count()).toBeGreaterThan(index);
  const neuron = neurons.nth(index);
  if (p.touch) await neuron.tap();
  else await neuron.click();
  await expect.poll(() => page.locator('button.neuron.selected').count()).toBe(1);
  if (p.touch) {
    // Tap one end of the slider, look at the preview's sign, tap the other end if it is wrong.
    // On a phone the slider may sit below the fold (under the value chips of a wide layer): scroll to it as a thumb would.
    await page.locator('#dz-slider').scrollIntoViewIfNeeded();
    const box = (await page.locator('#dz-slider').boundingBox())!;
    await page.touchscreen.tap(box.x + box.width - 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= [+−]/);
    if (/= \+/.test((await page.locator('.preview').textContent()) ?? ''))
      await page.touchscreen.tap(box.x + 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= −/);
    await page.locator('button.submit').tap();
  } else {
    for (let i = 0; i < 10; i++) await page.keyboard.press('+');
    await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= [+−]/);
    if (/= \+/.test((await page.locator('.preview').textContent()) ?? ''))
      for (let i = 0; i < 20; i++) await page.keyboard.press('-');
    await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= −/);
    await page.keyboard.press('Enter');
  }
  // The server's judgement: points beside actual and predicted ΔC.
  await page.locator('.result .stat.points').waitFor();
}

/** The number after "Score" on a player's screen. */
export async function shownScore(page: Page): Promise<number> {
  const text = (await page.locator('.my-score').textContent()) ?? '';
  return Number(/Score (\d+)/.exec(text)?.[1]);
}

/** Parses the report CSV (quoted cells with "" escapes, CRLF). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  const [head, ...body] = rows;
  return body
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}
