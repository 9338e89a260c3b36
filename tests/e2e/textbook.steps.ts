import type { Page } from 'playwright-core';

/**
 * A player in real Chromium who knows only what the screen shows: the numbers
 * as the level prints them (canvas labels, the inspector, its per-sample
 * table, the hand-backprop table) and the level's stated rule. Nothing here
 * reads the engine.
 */

/** "−0.0804" / "+1.2e−3" / "0.25" as printed → a number. */
export function shownNumber(text: string | null): number {
  const v = Number((text ?? '').trim().replace(/[−–]/g, '-').replace(/^\+/, ''));
  if (!Number.isFinite(v)) throw new Error(`not a number on screen: "${text}"`);
  return v;
}

export interface Ref {
  l: number;
  j: number;
  k?: number;
}

/** The budget ε from the head line "Budget ε = 0.2". */
export async function budget(page: Page): Promise<number> {
  const t = (await page.locator('.play-head .budget').textContent()) ?? '';
  return shownNumber(t.split('= ')[1] ?? '');
}

/** The neurons the level lets you move (their buttons are marked movable). */
export async function movableNeurons(page: Page): Promise<Ref[]> {
  return page
    .locator('button.neuron.movable')
    .evaluateAll((bs) => bs.map((b) => ({ l: Number(b.dataset['l']), j: Number(b.dataset['j']) })));
}

export async function weightHandles(page: Page): Promise<Ref[]> {
  return page.locator('button.weight').evaluateAll((bs) =>
    bs.map((b) => ({
      l: Number(b.dataset['l']),
      j: Number(b.dataset['j']),
      k: Number(b.dataset['k']),
    })),
  );
}

export function neuron(page: Page, r: Ref) {
  return page.locator(`button.neuron[data-l="${r.l}"][data-j="${r.j}"]`);
}

/** Clicks a neuron (or weight handle) and returns the inspector's value of row q. */
export async function inspect(page: Page, r: Ref, q: string): Promise<string> {
  if (r.k === undefined) await neuron(page, r).click();
  else
    await page.locator(`button.weight[data-l="${r.l}"][data-j="${r.j}"][data-k="${r.k}"]`).click();
  return (await page.locator(`.inspector tr[data-q="${q}"] td`).textContent()) ?? '';
}

/** The inspector's per-sample column q for the neuron on show (opening the table if closed). */
export async function perSample(page: Page, q: string): Promise<number[]> {
  const details = page.locator('.inspector details.per-sample');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary').click();
  }
  const cells = await details.locator(`td[data-q="${q}"]`).allTextContents();
  return cells.map(shownNumber);
}

/** The weights "w²₁₃ = 0.52, …" the inspector lists for a hidden neuron's way back (BP2). */
export async function weightsOut(page: Page): Promise<number[]> {
  const t = (await page.locator('.inspector tr.weights-out td').textContent()) ?? '';
  return t.split(', ').map((p) => shownNumber(p.split('= ')[1] ?? ''));
}

/** Sets Δz (or Δw) to `tenths`/10 of the budget with + and −, as the keyboard hint says. */
export async function setShare(page: Page, tenths: number): Promise<void> {
  const key = tenths > 0 ? '+' : '-';
  for (let i = 0; i < Math.abs(tenths); i++) await page.keyboard.press(key);
}

/**
 * Predict levels ask for the sign and decade of ΔC before the nudge: commit
 * "C goes down" (what a move against δ does) in the 10⁻³–10⁻² decade.
 */
export async function predictIfAsked(page: Page): Promise<void> {
  const panel = page.locator('.predict[data-committed="false"]');
  if (!(await panel.count())) return;
  await panel.locator('[data-group="sign"][data-value="down"]').click();
  await panel.locator('[data-group="size"][data-value="1"]').click();
  await panel.locator('button.predict-commit').click();
  await page.locator('.predict[data-committed="true"]').waitFor();
}

export async function nudge(page: Page): Promise<void> {
  await page.locator('button.submit').click();
  await page.locator('.result:not([hidden])').waitFor();
}

/** After a move: "Next move" when the level has more, else the stars it gave (−1 while not done). */
export async function afterMove(page: Page): Promise<'next' | number> {
  const next = page.locator('button.next-move');
  if ((await next.count()) > 0) {
    await next.click();
    return 'next';
  }
  return Number(await page.locator('.level-done .stars').getAttribute('data-stars'));
}

/** Seeded random numbers for the random player (mulberry32): the same run every time. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
