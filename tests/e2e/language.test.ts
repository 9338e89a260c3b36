import { describe, expect, it } from 'vitest';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

describe('the language switch', () => {
  it('turns the interface into 简体中文 and keeps it on the next page', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/?code=123456`);
    await expect(page.locator('#code').inputValue()).resolves.toBe('123456');
    await expect(page.locator('h1').textContent()).resolves.toBe('Backprop Demon');
    await page.locator('select.lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.locator('h1').textContent()).toBe('反向传播小恶魔');
    await expect(page.locator('form.join button').textContent()).resolves.toBe('加入');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await screenshot(page, 'home-zh');
    // The choice is remembered: the campaign opens in Chinese.
    await page.getByRole('link', { name: '单人闯关' }).click();
    await expect.poll(() => page.locator('main.campaign h1').textContent()).toBe('闯关');
    await expect(page.locator('[data-level="outputDemon"] .name').textContent()).resolves.toBe(
      '输出层的小恶魔',
    );
    await page.locator('[data-level="outputDemon"]').click();
    await expect.poll(() => page.locator('.modal button.start').textContent()).toBe('开始');
    await expect(page.locator('.modal .intro-text').textContent()).resolves.toMatch(/输出神经元/);
    await page.locator('.modal button.start').click();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('.inspector h3').textContent())
      .toBe('第 2 层（输出层 L）第 1 个神经元');
    await expect(page.locator('button.submit').textContent()).resolves.toBe('出手');
    await expect(page.locator('.play-head .cost').textContent()).resolves.toMatch(/^损失 C = /);
    await screenshot(page, 'level1-zh');
    // And back to English without a reload.
    await page.locator('select.lang-switch').selectOption('en');
    await expect.poll(() => page.locator('button.submit').textContent()).toBe('Nudge');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps what the teacher set in the session form when the language changes', async () => {
    const { context, page } = await newPage(game.browser);
    await page.goto(`${game.url}/host.html`);
    await page.locator('#preset').selectOption('custom');
    await page.locator('#rounds').fill('7');
    await page.locator('#hidden').fill('4,2');
    await page.locator('#speedScoring').uncheck();
    await page.locator('select.lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.locator('button.create-button').textContent()).toBe('创建游戏');
    expect(await page.locator('#preset').inputValue()).toBe('custom');
    expect(await page.locator('#rounds').inputValue()).toBe('7');
    expect(await page.locator('#hidden').inputValue()).toBe('4,2');
    expect(await page.locator('#hidden').isVisible()).toBe(true);
    expect(await page.locator('#speedScoring').isChecked()).toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
