import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type CheckKind,
  type ConceptItem,
  classCheckItems,
  MISCONCEPTION_LABEL,
  MISCONCEPTIONS,
  type Misconception,
  scoreItem,
} from '#shared/game/concepts/index';
import type { Report } from '#shared/protocol/rest';
import { checkSeeds } from '../../server/rooms/checkSheets.ts';
import { hostCreates, PHONE, PROJECTOR, parseCsv, playerJoins } from './classroom.steps.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

/** Before: σ′ ignored (saturation) and δ kept its size (vanishing); after: only the second. */
const HELD: Record<CheckKind, Partial<Record<string, Misconception>>> = {
  pre: { saturation: 'ignoresSigmaPrime', vanishing: 'deltaKeepsSize' },
  post: { vanishing: 'deltaKeepsSize' },
};

function answerOf(item: ConceptItem, tag: Misconception | undefined): string | number {
  if (!tag) return item.answer;
  if (item.format === 'numeric') return item.wrong.find((w) => w.tag === tag)!.value;
  return item.options.find((o) => o.tags.includes(tag))!.key;
}

/** The student answers every question of the sitting on screen, by tapping, as the script says. */
async function takeCheck(
  page: Page,
  items: ConceptItem[],
  kind: CheckKind,
  shot: (i: number) => Promise<void>,
): Promise<void> {
  for (const [i, item] of items.entries()) {
    const q = page.locator(`.player-check[data-kind="${kind}"][data-item="${item.id}"]`);
    await q.waitFor();
    await shot(i);
    // The phone's check fits its 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    const a = answerOf(item, HELD[kind][item.concept]);
    if (item.format === 'choice') await q.locator(`.check-option[data-key="${a}"]`).tap();
    else {
      // Typed as a student would read it, with a decimal point and at most 6 digits.
      await q.locator('.check-number').fill(String(Number((a as number).toPrecision(6))));
      await q.locator('button[type=submit]').tap();
    }
  }
  // Done: the lobby (before) or the reveal's notice (after) says the answers are in.
  await expect
    .poll(() => page.locator('.player-lobby:visible, .player-notice:visible').textContent())
    .toContain('Your answers are in');
}

/** The student's slip: the first movable neuron, Δz with the sign of δ (the preview goes up). */
async function moveAlongDelta(page: Page): Promise<void> {
  const neuron = page.locator('button.neuron.movable').first();
  await neuron.waitFor();
  await neuron.tap();
  const slider = page.locator('#dz-slider');
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width - 2, box.y + box.height / 2);
  await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= [+−]/);
  if (/= −/.test((await page.locator('.preview').textContent()) ?? ''))
    await page.touchscreen.tap(box.x + 2, box.y + box.height / 2);
  await expect.poll(() => page.locator('.preview').textContent()).toMatch(/= \+/);
  await page.locator('button.submit').tap();
}

describe('the class concept check, on a phone and on the projector', () => {
  it('a student takes the check, plays, takes it again; the projector shows ⟨g⟩ and the top misconception; the CSV agrees', async () => {
    const base = game.url;
    const { page: host } = await newPage(game.browser, { viewport: PROJECTOR });
    const code = await hostCreates(host, base, 'outputDemon', 1, ['#preCheck', '#postCheck']);
    const token = decodeURIComponent(
      /#token=(.+)$/.exec(await host.locator('.host-link').inputValue())![1]!,
    );
    const auth = { authorization: `Bearer ${token}` };

    const { page: phone } = await playerJoins(game.browser, base, code, 'Mei', {
      phone: true,
      until: '.player-check[data-kind="pre"]',
    });

    // The script knows what the server drew for Mei: the same seeds give the same items.
    const list = (await (await fetch(`${base}/api/sessions`, { headers: auth })).json()) as {
      data: { sessions: { sessionId: string; code: string }[] };
    };
    const sessionId = list.data.sessions.find((s) => s.code === code)!.sessionId;
    const reportOf = async () =>
      (
        (await (
          await fetch(`${base}/api/sessions/${sessionId}/report`, { headers: auth })
        ).json()) as { data: Report }
      ).data;
    const first = await reportOf();
    const mei = first.players[0]!.id;
    const items = (kind: CheckKind) =>
      classCheckItems(checkSeeds(first.settings.seed, sessionId, mei, kind));

    await expect.poll(() => host.locator('.check-lobby').getAttribute('data-done')).toBe('0');
    await takeCheck(phone, items('pre'), 'pre', async (i) => {
      if (i === 0) await screenshot(phone, 'check-phone-360-en');
      if (i === 1) {
        // The same question in Chinese, typeset the same way.
        await phone.selectOption('.lang-switch', 'zh-CN');
        await expect.poll(() => phone.locator('.check-progress').textContent()).toMatch(/第 2 题/);
        await phone.locator('.player-check .katex').first().waitFor();
        await screenshot(phone, 'check-phone-360-zh');
        await phone.selectOption('.lang-switch', 'en');
      }
    });
    await expect.poll(() => host.locator('.check-lobby').getAttribute('data-done')).toBe('1');
    // A refresh mid-game keeps the answers: the phone goes back to the lobby, not to question 1.
    await phone.reload();
    await phone.locator('.player-lobby .check-done').waitFor();
    expect(await phone.locator('.player-check-host').isHidden()).toBe(true);

    await host.click('button.start-button');
    await moveAlongDelta(phone);
    // Everyone moved: the reveal names the slip in one sentence, with the round's numbers.
    const slip = host.locator('.reveal-misconception');
    await slip.waitFor();
    expect(await slip.getAttribute('data-tag')).toBe('alongDelta');
    await slip.locator('.katex').first().waitFor();
    expect(await slip.textContent()).toContain('Nudge against the sign of δ');
    await screenshot(host, 'check-reveal-slip-1920-en');
    // The last round's reveal opens the check after the game.
    await takeCheck(phone, items('post'), 'post', async (i) => {
      if (i === 0) await screenshot(phone, 'check-phone-post-360-en');
    });
    await phone.locator('.my-round .reveal-misconception .katex').first().waitFor();
    await screenshot(phone, 'check-reveal-slip-360-en');
    await host.locator('button.ctl-next').click();

    const panel = host.locator('.class-check');
    await panel.waitFor();
    // Pre 8 of 10, post 9 of 10: g = (90 − 80)/(100 − 80) = 0.5.
    await expect.poll(() => host.locator('.check-gain').getAttribute('data-gain')).toBe('0.5');
    expect(await host.locator('.check-gain').textContent()).toContain('0.50');
    // The top misconception after the game is what Mei's wrong answer reveals (its reasoning may
    // coincide with another's on these numbers: then the one first in the tags' list).
    const wrongItem = items('post').find((x) => x.concept === 'vanishing')!;
    const revealed = scoreItem(wrongItem, answerOf(wrongItem, 'deltaKeepsSize')).tags;
    expect(revealed).toContain('deltaKeepsSize');
    const top = MISCONCEPTIONS.find((m) => revealed.includes(m))!;
    expect(await host.locator('.check-top').getAttribute('data-tag')).toBe(top);
    expect(await host.locator('.check-top').textContent()).toContain(
      `${MISCONCEPTION_LABEL[top].en} — 100 % of the class after`,
    );
    await panel.scrollIntoViewIfNeeded();
    await screenshot(host, 'check-projector-1920-en');
    await host.selectOption('.lang-switch', 'zh-CN');
    await expect.poll(() => host.locator('.check-gain').textContent()).toMatch(/归一化增益/);
    await screenshot(host, 'check-projector-1920-zh');
    await host.selectOption('.lang-switch', 'en');

    // The CSV the projector links to says what the projector shows.
    const href = await host.locator('.check-csv').getAttribute('href');
    const csv = parseCsv(await (await fetch(`${base}${href}`)).text());
    const row = csv.find((r) => r['nickname'] === 'Mei')!;
    expect([row['pre'], row['post'], row['gain']]).toEqual(['80', '90', '0.5']);
    expect(row['tag:deltaKeepsSize']).toBe('2');
    expect(csv.find((r) => r['nickname'] === '(class)')!['gain']).toBe('0.5');
    expect(pageErrors(phone)).toEqual([]);
    expect(pageErrors(host)).toEqual([]);
  }, 120_000);
});

describe('predict, then nudge, in a class', () => {
  it('the phone commits a prediction before its nudge; the projector shows predictions against outcomes', async () => {
    const base = game.url;
    const { page: host } = await newPage(game.browser, { viewport: PROJECTOR });
    const code = await hostCreates(host, base, 'outputDemon', 1, ['#predict']);
    const { page: phone } = await playerJoins(game.browser, base, code, 'Lei', {
      phone: true,
      locale: 'zh-CN',
    });
    await host.click('button.start-button');

    const panel = phone.locator('.predict[data-committed="false"]');
    await panel.waitFor();
    const neuron = phone.locator('button.neuron.movable').first();
    await neuron.tap();
    // The nudge waits for the prediction.
    expect(await phone.locator('button.submit').isDisabled()).toBe(true);
    await panel.locator('[data-group="sign"][data-value="down"]').tap();
    await panel.locator('[data-group="size"][data-value="1"]').tap();
    await screenshot(phone, 'predict-phone-360-zh');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await panel.locator('button.predict-commit').tap();
    await phone.locator('.predict[data-committed="true"]').waitFor();
    // Δz against δ: the preview's sign is hidden in this level, so the phone goes by δ on show.
    const slider = phone.locator('#dz-slider');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await phone.touchscreen.tap(box.x + 2, box.y + box.height / 2);
    await phone.locator('button.submit:not([disabled])').tap();

    const table = host.locator('.reveal-predictions');
    await table.waitFor();
    expect(await table.textContent()).toMatch(/Predictions: sign right (0|100) %/);
    await screenshot(host, 'predict-reveal-1920-en');
    expect(pageErrors(phone)).toEqual([]);
    expect(pageErrors(host)).toEqual([]);
  }, 90_000);
});
