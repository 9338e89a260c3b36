// The phone's round on a cheap phone: 360×740, touch, the CPU slowed 4× by
// Chromium's DevTools emulation (Emulation.setCPUThrottlingRate). Prints the
// frame rate while the player taps neurons and sweeps Δz, the time from a tap
// to the frame that shows the pick, and from Nudge to the server's result.
import type { Browser } from 'playwright-core';
import { newPage } from '../e2e/harness.ts';

const PRESET = 'hunt';
const TAPS = 20;
const THROTTLE = 4;
const MEASURE_MS = 4000;

export interface PhoneFigures {
  fps: number;
  tapMedianMs: number;
  tapWorstMs: number;
  submitMs: number;
}

/** Frames over MEASURE_MS while `work` runs alongside (a string, so no bundler helper reaches the page). */
const FRAMES = `new Promise((resolve) => {
  const times = [];
  const start = performance.now();
  const tick = (t) => {
    times.push(t);
    if (t - start < ${MEASURE_MS}) requestAnimationFrame(tick);
    else resolve(times);
  };
  requestAnimationFrame(tick);
})`;

/**
 * Milliseconds from a tap's input event to the end of the frame that paints
 * the neuron as picked: the event's own timestamp, then a requestAnimationFrame
 * after the `selected` class appears, then the next one (the paint is done).
 */
const TAP_PROBE = `(() => {
  window.__taps = [];
  let t0 = null;
  document.addEventListener('pointerdown', (e) => { t0 = e.timeStamp; }, true);
  new MutationObserver((records) => {
    for (const r of records) {
      const b = r.target;
      if (t0 !== null && b.classList && b.classList.contains('selected')) {
        const start = t0;
        t0 = null;
        requestAnimationFrame(() => requestAnimationFrame((t) => window.__taps.push(t - start)));
      }
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
})()`;

export async function phoneRound(browser: Browser, base: string): Promise<PhoneFigures> {
  const host = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
  await host.page.goto(`${base}/host.html`);
  await host.page.selectOption('#preset', PRESET);
  await host.page.fill('#rounds', '1');
  await host.page.fill('#secondsPerRound', '120');
  await host.page.click('button.create-button');
  const codeEl = host.page.locator('.big-code');
  await codeEl.waitFor();
  const code = (await codeEl.getAttribute('data-code'))!;

  const phone = await newPage(browser, { viewport: { width: 360, height: 740 }, touch: true });
  const page = phone.page;
  await page.goto(`${base}/?code=${code}`);
  await page.fill('#nickname', 'Bench');
  await page.locator('form.join button[type=submit]').tap();
  await page.locator('.player-lobby h1').waitFor();
  await host.page.click('button.start-button');
  const neurons = page.locator('button.neuron.movable');
  await neurons.first().waitFor();
  await page.locator('.stage canvas').first().waitFor();

  const cdp = await phone.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.evaluate(TAP_PROBE);
  const count = await neurons.count();
  // Taps alternate between neurons while the frames are counted.
  const frames = page.evaluate(FRAMES) as Promise<number[]>;
  for (let i = 0; i < TAPS; i++) {
    await neurons.nth(i % Math.min(count, 4)).tap();
    await page.waitForTimeout(120);
  }
  const times = await frames;
  const taps = (await page.evaluate('window.__taps')) as number[];
  // Nudge: Δz to one end of the slider, then submit; the result panel is the feedback.
  const slider = page.locator('#dz-slider');
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.touchscreen.tap(box.x + 4, box.y + box.height / 2);
  const submit = page.locator('button.submit');
  await submit.scrollIntoViewIfNeeded();
  const t0 = Date.now();
  await submit.tap();
  await page.locator('.result .stat.points').waitFor();
  const submitMs = Date.now() - t0;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await phone.context.close();
  await host.context.close();

  taps.sort((a, b) => a - b);
  if (taps.length === 0) throw new Error('no tap was seen to pick a neuron');
  return {
    fps: (times.length - 1) / ((times[times.length - 1]! - times[0]!) / 1000),
    tapMedianMs: taps[Math.floor(taps.length / 2)]!,
    tapWorstMs: taps[taps.length - 1]!,
    submitMs,
  };
}

export function describePhone(f: PhoneFigures): string {
  return `phone round (${PRESET}, 360×740, CPU ×${THROTTLE} slower): ${f.fps.toFixed(1)} fps while tapping; tap → pick shown median ${f.tapMedianMs.toFixed(0)} ms, worst ${f.tapWorstMs.toFixed(0)} ms over ${TAPS} taps; Nudge → result ${f.submitMs} ms (target 50 fps, under 100 ms)`;
}
