import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { analyse } from '#shared/engine/index';
import { levelById, levelPuzzle } from '#shared/game/levels';
import { gradientRace } from '#shared/game/race';
import { roundKey } from '#shared/game/scoring';
import { newPage, openEveryLevel, pageErrors, screenshot, useServedGame } from './harness.ts';

const game = useServedGame();

/** A page where every level is open (one star on each). */
async function openLevel(id: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(game.browser);
  await openEveryLevel(context);
  await page.goto(`${game.url}/play.html?level=${id}`);
  await page.locator('.modal button.start').click();
  return { page, close: () => context.close() };
}

function key(id: string) {
  const { puzzle } = levelPuzzle(levelById(id)!);
  const trace = analyse(puzzle.network, puzzle.batch);
  return { trace, key: roundKey(trace, puzzle.eps) };
}

describe('levels with their own rules', () => {
  it('hand backprop: no nudge until δ is typed right, then the move is judged', async () => {
    const { page, close } = await openLevel('handBackprop');
    const submit = page.locator('button.submit');
    await expect(submit.isDisabled()).resolves.toBe(true);
    await expect(page.locator('button.neuron.marked').count()).resolves.toBe(1);
    // The question names the quantity (the batch mean δ̄) and its tolerance; the table has the numbers.
    await expect(page.locator('.hand-prompt').textContent()).resolves.toMatch(
      /^Type δ̄²[₁-₉], the batch mean of δ²[₁-₉]\(x\) over the 4 samples .* within ±10 %/,
    );
    await expect(page.locator('.hand-table tbody tr').count()).resolves.toBe(4);
    await page.locator('.hand-input').fill('abc');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('.hand-feedback').textContent()).resolves.toMatch(
      /“abc” is not a number/,
    );
    await page.locator('.hand-input').fill('123');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('.hand-feedback').textContent()).resolves.toMatch(/Not quite/);
    await expect(page.locator('.hand-hint').isHidden()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Check' }).click();
    // A hint after two wrong tries, the worked BP1/BP2 lines after four.
    await expect(page.locator('.hand-hint').textContent()).resolves.toMatch(
      /^Hint: for each sample/,
    );
    await expect(page.locator('.hand-worked').isHidden()).resolves.toBe(true);
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('.hand-worked .katex').count()).resolves.toBe(9);
    const marked = page.locator('button.neuron.marked');
    const l = Number(await marked.getAttribute('data-l'));
    const j = Number(await marked.getAttribute('data-j'));
    const { trace } = key('handBackprop');
    const delta = trace.deltaBar[l]![j]!;
    await page.locator('.hand-input').fill(delta.toPrecision(3));
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('.hand-feedback').textContent()).resolves.toMatch(/^Right/);
    await page.keyboard.press(delta > 0 ? '-' : '+');
    await expect(submit.isDisabled()).resolves.toBe(false);
    await submit.click();
    await expect.poll(() => page.locator('.result').isVisible()).toBe(true);
    await screenshot(page, 'level12-hand-backprop');
    expect(pageErrors(page)).toEqual([]);
    await close();
  });

  it('weights too: a weight is picked by its handle and judged by ∂C/∂w = a·δ', async () => {
    const { page, close } = await openLevel('weightsToo');
    await expect(page.locator('button.neuron').count()).resolves.toBe(0);
    const handle = page.locator('button.weight[data-l="2"][data-j="0"][data-k="0"]');
    await handle.click();
    await expect(page.locator('.dz-row label').textContent()).resolves.toBe('Δw');
    const preview = page.locator('.preview');
    for (let i = 0; i < 10; i++) await page.keyboard.press('-');
    await expect(preview.textContent()).resolves.toMatch(/∂C\/∂w/);
    // The inspector shows a_k, δ_j and their product ∂C/∂w (BP4) with numbers.
    const row = (q: string) => page.locator(`.inspector tr[data-q="${q}"] td`).textContent();
    await expect(row('a')).resolves.toMatch(/^\d/);
    await expect(row('delta')).resolves.toMatch(/^[+−]\d/);
    await expect(row('grad')).resolves.toMatch(/^[+−]\d/);
    // A weight from an input that is 0 on some samples: those samples teach it nothing.
    await page.locator('button.weight[data-l="1"][data-j="0"][data-k="0"]').click();
    await expect(page.locator('.inspector .note.inactive').textContent()).resolves.toMatch(
      /= 0 on 2 of the 4 samples: their terms a·δ are 0/,
    );
    await page.locator('.inspector details.per-sample summary').click();
    await expect(
      page.locator('.inspector td[data-q="ad"]', { hasText: '0 (a = 0)' }).count(),
    ).resolves.toBe(2);
    await handle.click();
    // Arrow keys move between weights.
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('button.weight.selected').getAttribute('data-k')).resolves.toBe('1');
    await page.keyboard.press('ArrowUp');
    await page.locator('button.submit').click();
    await expect(page.locator('.result .stat .k').nth(1).textContent()).resolves.toBe(
      'Predicted (∂C/∂w)Δw',
    );
    await expect(page.locator('.plot figcaption').textContent()).resolves.toMatch(/against Δw/);
    await expect
      .poll(() => page.locator('.result .reason').textContent())
      .toMatch(/∂C\/∂wᴸ₁₁ = \(1\/n\)Σₓ a·δ/);
    await screenshot(page, 'level8-weights');
    await close();
  });

  it('bias is the lever: three moves, each kept in the bias before the next', async () => {
    const { page, close } = await openLevel('biasLever');
    await expect(page.locator('.play-head .moves').textContent()).resolves.toBe('Move 1 of 3');
    const cost = async () =>
      Number(((await page.locator('.play-head .cost').textContent()) ?? '').split('= ')[1]);
    const c0 = await cost();
    const { key: k } = key('biasLever');
    await page.locator(`button.neuron[data-l="${k.best.l}"][data-j="${k.best.j}"]`).click();
    for (let i = 0; i < 9; i++) await page.keyboard.press(k.best.dz > 0 ? '+' : '-');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Next move' }).click();
    await expect(page.locator('.play-head .moves').textContent()).resolves.toBe('Move 2 of 3');
    expect(await cost()).toBeLessThan(c0);
    // The Δb kept so far is on screen (BP3).
    await expect(page.locator('.bias-kept').textContent()).resolves.toMatch(
      /^Kept in the biases so far \(BP3\): Δb\S+ = [+−]0\.\d+/,
    );
    await expect(page.locator('.result').isHidden()).resolves.toBe(true);
    await close();
  });

  it('race the gradient: the demon runs its own copy, and its total is shown beside yours', async () => {
    const { page, close } = await openLevel('raceGradient');
    const { puzzle } = levelPuzzle(levelById('raceGradient')!);
    const run = gradientRace(puzzle.network, puzzle.batch, puzzle.eps, 3);
    const { key: k } = key('raceGradient');
    await page.locator(`button.neuron[data-l="${k.best.l}"][data-j="${k.best.j}"]`).click();
    for (let i = 0; i < 9; i++) await page.keyboard.press(k.best.dz > 0 ? '+' : '-');
    await page.keyboard.press('Enter');
    // After one move the demon's total is its own first move's ΔC, whatever the player did.
    const line = (await page.locator('.play-head .race').textContent()) ?? '';
    const shown = run[0]!.deltaC.toPrecision(3).replace('-', '−');
    expect(line).toContain(`Gradient demon total ΔC ${run[0]!.deltaC > 0 ? '+' : ''}${shown}`);
    // After the second move it is the sum of its own two moves, not a move on the player's network.
    await page.getByRole('button', { name: 'Next move' }).click();
    await page.locator(`button.neuron[data-l="${k.best.l}"][data-j="${k.best.j}"]`).click();
    await page.keyboard.press('+');
    await page.keyboard.press('Enter');
    const after = (await page.locator('.play-head .race').textContent()) ?? '';
    const demon = Number(after.split('Gradient demon total ΔC ')[1]!.replace('−', '-'));
    expect(demon).toBeCloseTo(run[0]!.deltaC + run[1]!.deltaC, 4);
    await close();
  });

  it('many samples: one bar per sample on a ΔC axis, labelled x₁…x₈, with the batch mean', async () => {
    const { page, close } = await openLevel('manySamples');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 5; i++) await page.keyboard.press('+');
    await page.keyboard.press('Enter');
    const bars = page.locator('svg.sample-bars');
    await expect(bars.locator('rect.bar').count()).resolves.toBe(8);
    await expect(bars.locator('text.tick').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['0', 'x₁', 'x₈']),
    );
    await expect(bars.locator('line.mean-line').count()).resolves.toBe(1);
    const actual = (await page.locator('.stat .v').first().textContent()) ?? '';
    await expect(page.locator('.samples-legend').textContent()).resolves.toContain(
      `(1/8) Σₓ ΔCₓ = ${actual}`,
    );
    await close();
  });

  it('after a move the C(Δz) plot appears (never before), and every neuron stays inspectable', async () => {
    const { page, close } = await openLevel('hunt');
    await expect(page.locator('.plot').count()).resolves.toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('-');
    await page.keyboard.press('Enter');
    const plot = page.locator('.result .plot');
    await expect(plot.locator('path.curve').count()).resolves.toBe(1);
    await expect(plot.locator('path.tangent').count()).resolves.toBe(1);
    await expect(plot.locator('circle.move-dot').count()).resolves.toBe(1);
    await expect(plot.locator('circle.best-dot').count()).resolves.toBe(1);
    await expect(plot.locator('.plot-legend li').count()).resolves.toBeGreaterThanOrEqual(4);
    // Look at another neuron: the inspector shows it, the move stays.
    await page.locator('button.neuron[data-l="1"][data-j="2"]').click();
    await expect(page.locator('.inspector h3').textContent()).resolves.toBe('Neuron 3 of layer 2');
    await expect(page.locator('button.neuron.selected').getAttribute('data-l')).resolves.toBe('3');
    await expect(page.locator('.dz-value').textContent()).resolves.toBe('−0.0300');
    await screenshot(page, 'level5-inspect-after');
    expect(pageErrors(page)).toEqual([]);
    await close();
  });
});
