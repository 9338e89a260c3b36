// The phone's round on a cheap phone: 360×740, touch, the CPU slowed 4× by
// Chromium's DevTools emulation (Emulation.setCPUThrottlingRate). Prints the
// frame rate while the player taps neurons and while they drag Δz on one, the
// time from a tap to the frame that shows the pick, and from Nudge to the frame
// that shows it sent and the one that shows the server's result.
import type { Browser } from 'playwright-core';
import { newPage } from '../e2e/harness.ts';

const PRESET = 'hunt';
const TAPS = 20;
const THROTTLE = 4;
const MEASURE_MS = 4000;
const DRAG_MS = 2000;

function rate(times: number[]): number {
  return (times.length - 1) / ((times[times.length - 1]! - times[0]!) / 1000);
}

export interface PhoneFigures {
  fps: number;
  /** Frames a second while a finger drags Δz on the picked neuron. */
  dragFps: number;
  tapMedianMs: number;
  tapWorstMs: number;
  /** Nudge → the button shows the move sent. */
  sentMs: number;
  /** Nudge → the server's result on screen. */
  resultMs: number;
}

/** Frame times over ms while the input goes on alongside (a string, so no bundler helper reaches the page). */
const framesFor = (ms: number) => `new Promise((resolve) => {
  const times = [];
  const start = performance.now();
  const tick = (t) => {
    times.push(t);
    if (t - start < ${ms}) requestAnimationFrame(tick);
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

/**
 * The same for Nudge: from the tap on the button to the frame that shows it
 * sent (the button held disabled while the server scores) and to the frame
 * that shows the server's result (its points).
 */
const SUBMIT_PROBE = `(() => {
  window.__submit = {};
  const s = window.__submit;
  const button = document.querySelector('button.submit');
  button.addEventListener('pointerdown', (e) => { s.t0 = e.timeStamp; }, true);
  const after = (key) => requestAnimationFrame(() => requestAnimationFrame((t) => { s[key] = t - s.t0; }));
  new MutationObserver(() => {
    if (s.t0 === undefined) return;
    if (s.sent === undefined && s.sentSeen === undefined && button.disabled) { s.sentSeen = true; after('sent'); }
    if (s.result === undefined && s.resultSeen === undefined && document.querySelector('.result .stat.points')) { s.resultSeen = true; after('result'); }
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
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
  // Taps alternate between neurons while the frames are counted. They go to the
  // touchscreen at each neuron's centre, as a finger would: a locator's tap runs
  // Playwright's own checks in the page first, work no phone does.
  const count = Math.min(await neurons.count(), 4);
  const centres: { x: number; y: number }[] = [];
  for (let i = 0; i < count; i++) {
    const b = (await neurons.nth(i).boundingBox())!;
    centres.push({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  }
  const frames = page.evaluate(framesFor(MEASURE_MS)) as Promise<number[]>;
  for (let i = 0; i < TAPS; i++) {
    const c = centres[i % count]!;
    await page.touchscreen.tap(c.x, c.y);
    await page.waitForTimeout(120);
  }
  const times = await frames;
  // A drag on the picked neuron: up then down, a move every 16 ms, as a finger sweeps Δz.
  const c = centres[0]!;
  await page.touchscreen.tap(c.x, c.y);
  const dragFrames = page.evaluate(framesFor(DRAG_MS)) as Promise<number[]>;
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x: c.x, y }],
    });
  await touch('touchStart', c.y);
  const steps = Math.round(DRAG_MS / 16);
  for (let i = 1; i <= steps; i++) {
    // One full sweep up and back: ±80 px, about ±ε of Δz.
    await touch('touchMove', c.y - 80 * Math.sin((2 * Math.PI * i) / steps));
    await page.waitForTimeout(16);
  }
  await touch('touchEnd', c.y);
  const drag = await dragFrames;
  const taps = (await page.evaluate('window.__taps')) as number[];
  // Nudge: Δz to one end of the slider, then submit; the result panel is the feedback.
  const slider = page.locator('#dz-slider');
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.touchscreen.tap(box.x + 4, box.y + box.height / 2);
  const submit = page.locator('button.submit');
  await submit.scrollIntoViewIfNeeded();
  await page.evaluate(SUBMIT_PROBE);
  const sb = (await submit.boundingBox())!;
  await page.touchscreen.tap(sb.x + sb.width / 2, sb.y + sb.height / 2);
  await page.locator('.result .stat.points').waitFor();
  await page.waitForFunction(
    'window.__submit.result !== undefined && window.__submit.sent !== undefined',
  );
  const sent = (await page.evaluate('window.__submit')) as { sent: number; result: number };
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await phone.context.close();
  await host.context.close();

  taps.sort((a, b) => a - b);
  if (taps.length === 0) throw new Error('no tap was seen to pick a neuron');
  return {
    fps: rate(times),
    dragFps: rate(drag),
    tapMedianMs: taps[Math.floor(taps.length / 2)]!,
    tapWorstMs: taps[taps.length - 1]!,
    sentMs: sent.sent,
    resultMs: sent.result,
  };
}

export function describePhone(f: PhoneFigures): string {
  return `phone round (${PRESET}, 360×740, CPU ×${THROTTLE} slower): ${f.fps.toFixed(1)} fps while tapping, ${f.dragFps.toFixed(1)} while dragging Δz; tap → pick shown median ${f.tapMedianMs.toFixed(0)} ms, worst ${f.tapWorstMs.toFixed(0)} ms over ${TAPS} taps; Nudge → shown sent ${f.sentMs.toFixed(0)} ms, result on screen ${f.resultMs.toFixed(0)} ms (target 50 fps, under 100 ms)`;
}
