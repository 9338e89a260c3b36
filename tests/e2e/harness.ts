import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LEVEL_IDS } from '#shared/game/levels';

/** Chromium flags for a headless run on a shared machine without a GPU or network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface Served {
  url: string;
  server: ChildProcess;
  dataDir: string;
  /** Lines the server logged, for a failing test's message. */
  logs: string[];
}

/** Starts `node --import tsx server/index.ts` on a free port of 127.0.0.1 with a temporary DATA_DIR. */
export async function startServer(env: Record<string, string> = {}): Promise<Served> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bd-e2e-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not listen:\n${logs.join('\n')}`)),
      30_000,
    );
    let buf = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        logs.push(line);
        try {
          const msg = JSON.parse(line) as { event?: string; url?: string };
          if (msg.event === 'listening' && msg.url) {
            clearTimeout(timer);
            // The log says localhost; the server is bound to 127.0.0.1 only.
            resolve(msg.url.replace('localhost', '127.0.0.1'));
          }
        } catch {
          // not a JSON line
        }
        nl = buf.indexOf('\n');
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`));
    });
  });
  return { url, server, dataDir, logs };
}

/** Stops the server by its PID and removes its data folder. */
export async function stopServer(s: Served | undefined): Promise<void> {
  if (!s) return;
  if (s.server.exitCode === null && s.server.pid) {
    const exited = new Promise<void>((r) => s.server.once('exit', () => r()));
    process.kill(s.server.pid, 'SIGTERM');
    const timeout = new Promise<void>((r) => setTimeout(r, 5000));
    await Promise.race([exited, timeout]);
    if (s.server.exitCode === null) process.kill(s.server.pid, 'SIGKILL');
  }
  rmSync(s.dataDir, { recursive: true, force: true });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Closes the browser, and kills its process by PID if it does not go. */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))]);
}

export interface ContextOptions {
  viewport?: { width: number; height: number };
  touch?: boolean;
  locale?: string;
  reducedMotion?: 'reduce' | 'no-preference';
}

export async function newPage(
  browser: Browser,
  o: ContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: o.viewport ?? { width: 1280, height: 800 },
    hasTouch: o.touch ?? false,
    isMobile: o.touch ?? false,
    locale: o.locale ?? 'en-US',
    reducedMotion: o.reducedMotion ?? 'no-preference',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  return { context, page };
}

/** Page errors (uncaught exceptions) seen so far. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The built game served and a browser, for one test file: started before its tests, stopped after. */
export function useServedGame(env: Record<string, string> = {}): {
  readonly url: string;
  readonly browser: Browser;
} {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await startServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await closeBrowser(browser);
    await stopServer(served);
  });
  return {
    get url() {
      if (!served) throw new Error('the server is not started');
      return served.url;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched');
      return browser;
    },
  };
}

/** Every level open, one star on each, for a page of this context: as for a player who has passed them all. */
export async function openEveryLevel(context: BrowserContext): Promise<void> {
  await context.addInitScript(
    (ids: string[]) =>
      localStorage.setItem(
        'bd.progress.v1',
        JSON.stringify(Object.fromEntries(ids.map((k) => [k, 1]))),
      ),
    [...LEVEL_IDS],
  );
}
