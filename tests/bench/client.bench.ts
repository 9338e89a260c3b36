// `npm run bench:client`: the JavaScript each page ships (gzip), the frame
// rate of the play view on the largest sandbox network while SGD runs and
// while the backprop step-through animates, each beside the ceiling, and the
// phone's round on a 4× slower CPU (frame rate, tap to feedback), in headless
// Chromium against the production build served by the real server.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import {
  closeBrowser,
  launchBrowser,
  newPage,
  type Served,
  startServer,
  stopServer,
} from '../e2e/harness.ts';
import { describePhone, phoneRound } from './phoneRound.ts';
import { projectorFigures, projectorLine } from './projector.bench.ts';

const DIST = path.resolve('dist/client');
/** The largest network the sandbox offers: 5×5 digits, three hidden layers of 16, ten outputs. */
const LARGEST = 'play.html?sandbox=1&dataset=digits&layers=16,16,16&play=1';
const WARMUP_MS = 2000;
const MEASURE_MS = 4000;
const WINDOWS = 3;

/** Every script the page fetched, by path, once it has settled. */
async function scriptsOf(page: Page, url: string, settleMs: number): Promise<string[]> {
  const seen = new Set<string>();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js')) seen.add(u.pathname);
  });
  await page.goto(url);
  await page.waitForTimeout(settleMs);
  return [...seen].sort();
}

/** Frame times over one window of requestAnimationFrame (a string, so the bundler's helpers never reach the page). */
async function frameTimes(page: Page): Promise<number[]> {
  return (await page.evaluate(`new Promise((resolve) => {
    const times = [];
    const start = performance.now();
    const tick = (t) => {
      times.push(t);
      if (t - start < ${MEASURE_MS}) requestAnimationFrame(tick);
      else resolve(times);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
}

function rate(frames: number[]): number {
  return (frames.length - 1) / ((frames[frames.length - 1]! - frames[0]!) / 1000);
}

function gzipKB(paths: string[]): number {
  let bytes = 0;
  for (const p of paths) bytes += gzipSync(readFileSync(path.join(DIST, p)), { level: 9 }).length;
  return bytes / 1024;
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  let served: Served | undefined;
  const browser = await launchBrowser();
  try {
    served = await startServer();
    const first = await newPage(browser);
    const firstScripts = await scriptsOf(first.page, `${served.url}/`, 1500);
    // What this machine gives a page that draws nothing: the ceiling for the figure below.
    const ceiling = rate(await frameTimes(first.page));
    await first.context.close();
    // The phone's join page up to its lobby: no Phaser, no KaTeX, no synthesiser yet.
    const join = await newPage(browser, { viewport: { width: 360, height: 740 }, touch: true });
    const joinScripts = await scriptsOf(join.page, `${served.url}/join.html`, 1500);
    await join.context.close();
    const game = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    const gameScripts = await scriptsOf(game.page, `${served.url}/${LARGEST}`, WARMUP_MS);
    // Three windows, the median reported: the machine may be shared, one window can be unlucky.
    const windows: { fps: number; p95: number; steps: number }[] = [];
    for (let w = 0; w < WINDOWS; w++) {
      const stepsBefore = Number(
        await game.page.locator('.sandbox-status').getAttribute('data-steps'),
      );
      const frames = await frameTimes(game.page);
      const stepsAfter = Number(
        await game.page.locator('.sandbox-status').getAttribute('data-steps'),
      );
      const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
      gaps.sort((a, b) => a - b);
      windows.push({
        fps: rate(frames),
        p95: gaps[Math.floor(gaps.length * 0.95)]!,
        steps: stepsAfter - stepsBefore,
      });
    }
    // The step-through animating on the same network: SGD pauses while it plays, at 4× so a window sees many steps.
    await game.page.getByRole('button', { name: 'Watch backprop' }).click();
    await game.page.locator('.pass-speed').selectOption('4');
    const walkWindows: { fps: number; p95: number; from: string; to: string }[] = [];
    const nowStep = () => game.page.locator('.pass-steps li.now').textContent();
    for (let w = 0; w < WINDOWS; w++) {
      // At its last step the walk has stopped: Play starts it over.
      if ((await game.page.locator('.pass-play').textContent()) === 'Play')
        await game.page.locator('.pass-play').click();
      const from = (await nowStep()) ?? '';
      const frames = await frameTimes(game.page);
      const to = (await nowStep()) ?? '';
      const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
      gaps.sort((a, b) => a - b);
      walkWindows.push({ fps: rate(frames), p95: gaps[Math.floor(gaps.length * 0.95)]!, from, to });
    }
    await game.context.close();
    const phone = await phoneRound(browser, served.url);
    for (const w of walkWindows) {
      console.log(
        `play view [25,16,16,16,10] with the step-through at 4×: ${w.fps.toFixed(1)} fps, p95 frame ${w.p95.toFixed(1)} ms, from "${w.from}" to "${w.to}"`,
      );
      if (w.from === w.to) throw new Error('the step-through did not move while measuring');
    }
    const walkFps = walkWindows.map((w) => w.fps).sort((a, b) => a - b)[Math.floor(WINDOWS / 2)]!;
    for (const w of windows) {
      console.log(
        `play view [25,16,16,16,10] with SGD: ${w.fps.toFixed(1)} fps, p95 frame ${w.p95.toFixed(1)} ms, ${w.steps} SGD steps in ${MEASURE_MS / 1000} s`,
      );
      if (w.steps <= 0) throw new Error('SGD did not run while measuring');
    }
    const projector = await projectorFigures(browser, served.url);
    const fps = windows.map((w) => w.fps).sort((a, b) => a - b)[Math.floor(WINDOWS / 2)]!;
    const firstKB = gzipKB(firstScripts);
    const gameKB = gzipKB(gameScripts);
    const joinKB = gzipKB(joinScripts);
    console.log(`first page scripts: ${firstScripts.join(', ')}`);
    console.log(`game page scripts: ${gameScripts.join(', ')}`);
    console.log(`join page scripts: ${joinScripts.join(', ')}`);
    console.log(describePhone(phone));
    console.log(`ceiling: the first page, which draws nothing, ran at ${ceiling.toFixed(1)} fps`);
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(projectorLine(projector));
    console.log(
      `client: first page ${Math.round(firstKB)} KB gzip, join page ${Math.round(joinKB)} KB gzip, game ${Math.round(gameKB)} KB gzip, ${Math.round(fps)} fps`,
    );
    console.log(
      `ratio to the ceiling: SGD ${(fps / ceiling).toFixed(2)}, step-through ${(walkFps / ceiling).toFixed(2)} (${walkFps.toFixed(1)} of ${ceiling.toFixed(1)} fps)`,
    );
  } finally {
    await closeBrowser(browser);
    await stopServer(served);
  }
}

await main();
