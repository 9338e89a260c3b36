import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Concept, type ConceptItem, makeCheck } from '#shared/game/concepts/index';
import { type Attempt, bankFor } from '../../client/concepts/store.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

/** The check under way, as the page keeps it, and its items drawn here from the same seed. */
async function currentCheck(page: Page): Promise<{ attempt: Attempt; items: ConceptItem[] }> {
  const raw = await page.evaluate(() => localStorage.getItem('bd.concepts.v1'));
  const attempts = JSON.parse(raw ?? '[]') as Attempt[];
  const attempt = attempts[attempts.length - 1]!;
  return { attempt, items: makeCheck(attempt.seed, bankFor(attempt.kind, attempt.seed)) };
}

/** Answers the question on screen: right, or the first misconception's answer. */
async function answer(page: Page, item: ConceptItem, right: boolean): Promise<void> {
  await expect.poll(() => page.locator('.cc-question').getAttribute('data-item')).toBe(item.id);
  // Next appears only once the question is answered.
  await expect(page.locator('.cc-next').isVisible()).resolves.toBe(false);
  if (item.format === 'choice') {
    const key = right ? item.answer : item.options.find((o) => o.key !== item.answer)!.key;
    await page.locator(`.cc-option[data-key="${String(key)}"]`).tap();
  } else {
    const value = right ? (item.answer as number) : item.wrong[0]!.value;
    await page.locator('.cc-number').fill(String(value));
    await page.locator('.cc-numeric button').tap();
  }
  await expect(page.locator(right ? '.cc-right' : '.cc-wrong').count()).resolves.toBe(1);
  // A wrong answer says which misconception it comes from.
  await expect(page.locator('.cc-tag').count()).resolves.toBe(right ? 0 : 1);
}

const KNOWN: ReadonlySet<Concept> = new Set([
  'forward',
  'costMean',
  'hadamard',
  'bp1',
  'saturation',
]);

describe('the concept check on a 360×740 phone', () => {
  it('is reached from the home page, taken by touch, resumed after a reload, and shows what I know per concept', async () => {
    const { context, page } = await newPage(game.browser, {
      viewport: { width: 360, height: 740 },
      touch: true,
    });
    await page.goto(`${game.url}/`);
    // Solo progress already made: two stars on the BP2 level.
    await page.evaluate(() =>
      localStorage.setItem('bd.progress.v1', JSON.stringify({ oneLayerBack: 2 })),
    );
    await page.locator('a[href="concepts/"]').tap();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Concept check');
    // Before any check, what I know comes from the levels played: BP2's level has 2 stars, BP1's none.
    const levels = page.locator('.cc-from-levels');
    await expect(levels.locator('[data-concept="bp2"] .cc-strong').count()).resolves.toBe(1);
    await expect(
      levels.locator('[data-concept="bp1"] a.cc-replay').getAttribute('href'),
    ).resolves.toBe('/play.html?level=predictSign');
    await page.locator('.cc-start[data-kind="quick"]').tap();
    const { items } = await currentCheck(page);
    expect(items).toHaveLength(10);

    let shotChoice = false;
    let shotWrong = false;
    for (const [i, item] of items.entries()) {
      if (i === 0) await screenshot(page, 'concepts-phone-en-question');
      if (item.format === 'choice' && !shotChoice) {
        shotChoice = true;
        await expect
          .poll(() => page.locator('.cc-question').getAttribute('data-item'))
          .toBe(item.id);
        await screenshot(page, 'concepts-phone-en-choice');
      }
      await answer(page, item, KNOWN.has(item.concept));
      if (i === 0) await screenshot(page, 'concepts-phone-en-feedback');
      if (!KNOWN.has(item.concept) && !shotWrong) {
        shotWrong = true;
        await screenshot(page, 'concepts-phone-en-wrong');
      }
      // Nothing is wider than the phone, formulas included.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      if (i === 3) {
        // A reload in the middle resumes where the student was.
        await page.reload();
        await expect.poll(() => page.locator('.cc-resume').textContent()).toMatch(/4 of 10/);
        await page.locator('.cc-resume').tap();
        continue;
      }
      await page.locator('.cc-next').tap();
    }
    // The reloaded question 4 was answered before the reload: the page shows it answered.
    await expect.poll(() => page.locator('.cc-know h2').textContent()).toBe('What I know');
    await expect(page.locator('.cc-score').textContent()).resolves.toContain(
      '5 of 10 right (50 %)',
    );
    for (const c of KNOWN) {
      await expect(page.locator(`[data-concept="${c}"] .cc-pct`).textContent()).resolves.toBe(
        '100 %',
      );
    }
    // A weak concept sends the player to its level.
    const bp2 = page.locator('[data-concept="bp2"]');
    await expect(bp2.locator('.cc-pct').textContent()).resolves.toBe('0 %');
    await expect(bp2.locator('a.cc-replay').getAttribute('href')).resolves.toBe(
      '/play.html?level=oneLayerBack',
    );
    await expect(bp2.locator('.cc-stars').textContent()).resolves.toBe('2 of 3 stars');
    // Each wrong answer named a misconception.
    const tags = await page.locator('.cc-tags li').count();
    expect(tags).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'concepts-phone-en-know');

    // A second check: new numbers, all right, and the gain since the first.
    const firstPrompt = items[0]!.prompt.en;
    await page.locator('.cc-start[data-kind="quick"]').tap();
    const second = await currentCheck(page);
    expect(second.items[0]!.prompt.en).not.toBe(firstPrompt);
    for (const item of second.items) {
      await answer(page, item, true);
      await page.locator('.cc-next').tap();
    }
    await expect.poll(() => page.locator('.cc-gain').textContent()).toContain('⟨g⟩ = 1.00');
    await expect(page.locator('.cc-replay').count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('speaks 简体中文, one question a screen', async () => {
    const { context, page } = await newPage(game.browser, {
      viewport: { width: 360, height: 740 },
      touch: true,
      locale: 'zh-CN',
    });
    await page.goto(`${game.url}/concepts/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('概念自测');
    await page.locator('.cc-start[data-kind="quick"]').tap();
    const { items } = await currentCheck(page);
    await expect(page.locator('.cc-progress').textContent()).resolves.toContain(
      '第 1 题，共 10 题',
    );
    await expect(page.locator('.cc-prompt').textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'concepts-phone-zh-question');
    for (const item of items) {
      await answer(page, item, item.concept !== 'bp4');
      await page.locator('.cc-next').tap();
    }
    await expect.poll(() => page.locator('.cc-know h2').textContent()).toBe('我掌握了什么');
    await expect(page.locator('[data-concept="bp4"] a.cc-replay').textContent()).resolves.toContain(
      '重玩',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await screenshot(page, 'concepts-phone-zh-know');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('on a 1920×1080 screen the question stays one readable column', async () => {
    const { context, page } = await newPage(game.browser, {
      viewport: { width: 1920, height: 1080 },
    });
    await page.goto(`${game.url}/concepts/`);
    await page.locator('.cc-start[data-kind="full"]').click();
    const box = (await page.locator('.cc-question').boundingBox())!;
    expect(box.width).toBeLessThan(1920 / 2);
    await screenshot(page, 'concepts-desktop-en-question');
    await context.close();
  });
});
