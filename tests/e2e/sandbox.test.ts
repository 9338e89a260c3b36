import { describe, expect, it } from 'vitest';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

describe('the sandbox', () => {
  it('trains for 100 SGD steps and the loss falls', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/play.html?sandbox=1`);
    const status = page.locator('.sandbox-status');
    await expect.poll(() => status.getAttribute('data-steps')).toBe('0');
    const before = Number(await status.getAttribute('data-loss'));
    await page.locator('#sb-dataset').selectOption('clusters');
    await page.locator('#sb-layers').fill('4');
    await page.locator('#sb-eta').fill('2');
    await page.getByRole('button', { name: 'New network' }).click();
    const start = Number(await status.getAttribute('data-loss'));
    expect(start).not.toBe(before);
    // Ten single steps by hand, then play until at least 100 steps have run.
    for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => status.getAttribute('data-steps')).toBe('10');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => Number(await status.getAttribute('data-steps')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(100);
    await page.getByRole('button', { name: 'Pause' }).click();
    const after = Number(await status.getAttribute('data-loss'));
    expect(after).toBeLessThan(start * 0.5);
    await expect(status.textContent()).resolves.toMatch(/^Steps \d+ · Loss /);
    await screenshot(page, 'sandbox-trained');
    // A nudge at any time: pick a neuron, set Δz, apply it.
    await page.locator('button.neuron').last().click();
    await page.keyboard.press('+');
    await page.getByRole('button', { name: 'Nudge' }).click();
    await expect.poll(() => page.locator('.applied').textContent()).toMatch(/^Applied: ΔC = /);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
