import { describe, expect, it } from 'vitest';
import { hostCreates, PROJECTOR, playerJoins } from './classroom.steps.ts';
import { newPage, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

describe('the host keeps control', () => {
  it('through a refresh and the host link in another browser; kick, lock, pause, extend, skip, end', async () => {
    const base = game.url;
    const first = await newPage(game.browser, { viewport: PROJECTOR });
    const code = await hostCreates(first.page, base, 'hunt', 3);
    const hostLink = await first.page.locator('.host-link').inputValue();
    expect(hostLink).toContain(`host.html?code=${code}#token=`);

    // The host link opened in a fresh browser profile takes control of the same session.
    const second = await newPage(game.browser, { viewport: PROJECTOR });
    const host = second.page;
    host.on('dialog', (d) => void d.accept());
    await host.goto(hostLink);
    await expect.poll(() => host.locator('.big-code').getAttribute('data-code')).toBe(code);
    // The token left the address bar once it was stored.
    expect(host.url()).not.toContain('token');
    // Served at 127.0.0.1, the lobby warns that phones cannot reach that address.
    await expect.poll(() => host.locator('.local-warn').textContent()).toContain('127.0.0.1');
    await first.context.close();

    const bo = await playerJoins(game.browser, base, code, 'Bo');
    const cy = await playerJoins(game.browser, base, code, 'Cy');
    await expect.poll(() => host.locator('.player-chip').count()).toBe(2);

    // Kick Cy: the phone says so, and a reload does not bring Cy back.
    await host.locator('.player-chip', { hasText: 'Cy' }).locator('button.kick').click();
    await expect.poll(() => cy.page.locator('.player-end h1').textContent()).toMatch(/removed you/);
    await expect.poll(() => host.locator('.player-chip').count()).toBe(1);
    await cy.page.reload();
    await expect.poll(() => cy.page.locator('main').textContent()).toMatch(/removed you/);
    await expect.poll(() => host.locator('.player-chip').count()).toBe(1);

    // Lock: a newcomer is told the lobby is locked; unlock lets them in.
    await host.click('button.lock-button');
    await expect.poll(() => host.locator('.lock-note').textContent()).toMatch(/Locked/);
    const { context: diContext, page: di } = await newPage(game.browser);
    await di.goto(`${base}/join.html?code=${code}`);
    await di.fill('#join-nickname', 'Di');
    await di.click('button.join-button');
    await expect
      .poll(() => di.locator('.player-join .form-message').textContent())
      .toMatch(/locked/);
    await host.click('button.lock-button');
    // The server has unlocked once the projector says so; only then may Di try again.
    await expect.poll(() => host.locator('.lock-note').textContent()).toBe('');
    await di.click('button.join-button');
    await di.locator('.player-lobby').waitFor();
    await expect.poll(() => host.locator('.player-chip').count()).toBe(2);

    // Start, then refresh the projector mid-round: the round, its clock and the controls come back.
    await host.click('button.start-button');
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 1 of 3');
    await host.reload();
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 1 of 3');
    await expect.poll(() => host.locator('.moved-count').textContent()).toBe('0 of 2 moved');
    await expect
      .poll(() => host.locator('.moved-chip .nick').allTextContents())
      .toEqual(['Bo', 'Di']);

    // Pause freezes the clock for everyone; +15 s adds to it; resume runs it again.
    await host.click('button.ctl-pause');
    await expect.poll(() => bo.page.locator('.player-notice').textContent()).toMatch(/paused/);
    await expect.poll(() => bo.page.locator('button.submit').isDisabled()).toBe(true);
    // The timer's live region says so to a screen reader, on the phone as on the projector.
    const said = bo.page.locator('.countdown-said');
    await expect.poll(() => said.textContent()).toBe('Timer paused');
    const frozen = Number(await host.locator('.countdown-value').textContent());
    await host.click('button.ctl-extend');
    await expect
      .poll(async () => Number(await host.locator('.countdown-value').textContent()))
      .toBe(frozen + 15);
    await expect.poll(() => said.textContent()).toBe(`15 s added: ${frozen + 15} s left`);
    await host.click('button.ctl-resume');
    await expect.poll(() => host.locator('.countdown').getAttribute('class')).not.toMatch(/paused/);
    await expect.poll(() => said.textContent()).toMatch(/^Timer running again: \d+ s left$/);
    await expect.poll(() => bo.page.locator('.player-notice').textContent()).toBe('');

    // Skip moves straight to round 2 without a reveal.
    await host.click('button.ctl-skip');
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('Round 2 of 3');
    await expect.poll(() => bo.page.locator('.round-title').textContent()).toBe('Round 2 of 3');

    // End the game early: the podium and the report, and the session among the past ones.
    await host.click('button.ctl-end');
    await host.locator('.podium').waitFor();
    await bo.page.locator('.player-end .podium').waitFor();
    await host.locator('.past-list li', { hasText: code }).waitFor();
    await host.goto(`${base}/host.html`);
    await expect
      .poll(() => host.locator('.past-list li', { hasText: code }).textContent())
      .toMatch(/ended/);
    await screenshot(host, 'classroom-host-create-1920');
    // The date speaks the page's language, like the rest of the row.
    await host.locator('select.lang-switch').selectOption('zh-CN');
    await expect
      .poll(() => host.locator('.past-list li', { hasText: code }).textContent())
      .toMatch(/^代码 \d{6} · \d{4}\/\d{1,2}\/\d{1,2} .*已结束/);
    await host.locator('select.lang-switch').selectOption('en');
    // A past session opens on its report.
    await host
      .locator('.past-list li', { hasText: code })
      .locator('a', { hasText: 'Report' })
      .click();
    await expect
      .poll(() => host.locator('.report-table tbody th.name').allTextContents())
      .toEqual(['Bo', 'Di']);
    await host.locator('.podium').waitFor();
    for (const p of [host, bo.page, cy.page, di]) expect(pageErrors(p)).toEqual([]);
    await Promise.all([
      second.context.close(),
      bo.context.close(),
      cy.context.close(),
      diContext.close(),
    ]);
  });
});

describe('custom settings', () => {
  it('build the network the host asked for, and a bad field is named before anything is created', async () => {
    const base = game.url;
    const { context, page: host } = await newPage(game.browser, { viewport: PROJECTOR });
    await host.goto(`${base}/host.html`);
    await host.selectOption('#preset', 'custom');
    await expect.poll(() => host.locator('#dataset').isVisible()).toBe(true);
    await host.fill('#hidden', '4, 0');
    await host.click('button.create-button');
    await expect
      .poll(() => host.locator('.create-form .form-message').textContent())
      .toMatch(/Hidden layers/);
    expect(host.url()).not.toContain('code=');
    await host.selectOption('#dataset', 'circle');
    await host.fill('#hidden', '4,4');
    await host.selectOption('#show', 'forward');
    await host.fill('#batchSize', '8');
    await host.fill('#eps', '0.5');
    await host.fill('#rounds', '2');
    await host.click('button.create-button');
    await expect
      .poll(() => host.locator('.settings-summary').textContent())
      .toMatch(/2 rounds .* ε = 0\.5/);
    await host.click('button.start-button');
    // 4 + 4 + 1 neurons on the projector, showing forward values only, as the players see them.
    await expect.poll(() => host.locator('.stage button.neuron').count()).toBe(9);
    await expect.poll(() => host.locator('.round-facts').textContent()).toMatch(/ε = 0\.5/);
    const labels = await host.locator('.stage .nlabel').allTextContents();
    // Batch means of a over the 8 samples: ā, as the inspector labels them.
    expect(labels.some((l) => l.startsWith('ā '))).toBe(true);
    expect(labels.some((l) => l.includes('δ'))).toBe(false);
    expect(pageErrors(host)).toEqual([]);
    await context.close();
  });
});

describe('both languages', () => {
  it('a player whose browser speaks Chinese gets the lobby and the round in 简体中文', async () => {
    const base = game.url;
    const { context, page: host } = await newPage(game.browser, { viewport: PROJECTOR });
    const code = await hostCreates(host, base, 'outputDemon', 1);
    const { context: zhContext, page } = await newPage(game.browser, {
      viewport: { width: 360, height: 740 },
      touch: true,
      locale: 'zh-CN',
    });
    await page.goto(`${base}/join.html?code=${code}`);
    expect(await page.locator('.player-join h1').textContent()).toBe('加入课堂游戏');
    await page.fill('#join-nickname', '小明');
    await page.locator('button.join-button').tap();
    await expect
      .poll(() => page.locator('.player-lobby h1').textContent())
      .toBe('你已加入，小明！');
    await host.click('button.start-button');
    await expect.poll(() => page.locator('.round-title').textContent()).toBe('第 1 轮，共 1 轮');
    await page.locator('.stage canvas').first().waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'classroom-phone-round-zh-360');
    // The host switches the projector to Chinese without losing the round.
    await host.selectOption('.lang-switch', 'zh-CN');
    await expect.poll(() => host.locator('.round-title').textContent()).toBe('第 1 轮，共 1 轮');
    expect(await host.locator('button.ctl-pause').textContent()).toBe('暂停');
    await screenshot(host, 'classroom-host-round-zh-1920');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(host)).toEqual([]);
    await Promise.all([context.close(), zhContext.close()]);
  });
});
