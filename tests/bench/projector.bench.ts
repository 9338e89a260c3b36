// The projector's line of `npm run bench:client`: the host page in headless
// Chromium at 1920×1080 while 300 scripted players (socket.io clients) join
// and a round opens. Prints the bytes the host received for the joins, the
// longest main-thread task when the round starts, and the share of the main
// thread that is busy while the round sits open with nothing changing.
import type { Browser, CDPSession } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { newPage } from '../e2e/harness.ts';

const PLAYERS = 300;
const IDLE_MS = 5000;

interface Joined {
  socket: Socket;
}

async function join(url: string, code: string, nickname: string): Promise<Joined> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const r = (await socket.timeout(10_000).emitWithAck('player:join', { code, nickname })) as {
    ok: boolean;
  };
  if (!r.ok) throw new Error(`join failed for ${nickname}`);
  return { socket };
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

export interface ProjectorFigures {
  joinBytes: number;
  joinFrames: number;
  longestStartTaskMs: number;
  idleBusyShare: number;
}

export async function projectorFigures(browser: Browser, url: string): Promise<ProjectorFigures> {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ preset: 'hunt', rounds: 2, secondsPerRound: 600 }),
  });
  const created = ((await res.json()) as { data: { code: string; hostToken: string } }).data;
  const { context, page } = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
  const players: Joined[] = [];
  try {
    // Long tasks seen by the page, kept from the start (the observer is installed before any script).
    await page.addInitScript(`
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    `);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    let counting = false;
    let bytes = 0;
    let frames = 0;
    cdp.on('Network.webSocketFrameReceived', (e) => {
      if (!counting) return;
      bytes += Buffer.byteLength(e.response.payloadData);
      frames++;
    });
    await page.goto(
      `${url}/host.html?code=${created.code}#token=${encodeURIComponent(created.hostToken)}`,
    );
    await page.locator('.big-code').waitFor();
    await page.waitForTimeout(500);
    counting = true;
    for (let i = 0; i < PLAYERS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, PLAYERS - i) }, (_, k) =>
          join(url, created.code, `P${i + k + 1}`),
        ),
      );
      players.push(...batch);
    }
    await page
      .locator('.lobby-count .count-n', { hasText: String(PLAYERS) })
      .waitFor({ timeout: 30_000 });
    // The last coalesced list may still be on its way.
    await page.waitForTimeout(600);
    counting = false;

    const before = (await page.evaluate('performance.now()')) as number;
    await page.keyboard.press('PageDown');
    await page.locator('.host-game[data-phase="question"] .stage canvas').first().waitFor();
    await page.waitForTimeout(2000);
    const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
    const longest = Math.max(0, ...tasks.filter(([t]) => t >= before).map(([, d]) => d));

    // The round open, nobody moving: what the page costs just showing it.
    const t0 = await taskSeconds(cdp);
    await page.waitForTimeout(IDLE_MS);
    const t1 = await taskSeconds(cdp);
    return {
      joinBytes: bytes,
      joinFrames: frames,
      longestStartTaskMs: longest,
      idleBusyShare: (t1 - t0) / (IDLE_MS / 1000),
    };
  } finally {
    for (const p of players) p.socket.close();
    await context.close();
  }
}

export function projectorLine(f: ProjectorFigures): string {
  return `projector (1920×1080, ${PLAYERS} players): host received ${(f.joinBytes / 1024).toFixed(0)} KB in ${f.joinFrames} frames for ${PLAYERS} joins, longest task at round start ${f.longestStartTaskMs.toFixed(0)} ms, main thread ${(f.idleBusyShare * 100).toFixed(1)} % busy idle in a round`;
}
