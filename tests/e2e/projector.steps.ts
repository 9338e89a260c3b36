import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MoveResult, PlayerWelcome, Reveal, RoundStart } from '#shared/protocol/views';
import { type Client, call, connect } from '../integration/helpers.ts';
import { screenshot } from './harness.ts';

/** The two projectors a teacher meets: a 1080p lecture hall and a 1366×768 classroom beamer. */
export const PROJECTORS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const;
export const LOCALES = ['en', 'zh-CN'] as const;

/** A scripted player: a plain socket.io client, no browser. */
export interface ScriptedPlayer {
  socket: Client;
  id: string;
  nickname: string;
  round: RoundStart | null;
  /** The last reveal this phone received, and the time factor the host gave it. */
  reveal: Reveal | null;
  timeFactor: number;
}

/** `n` players join by socket, a few at a time, as phones in a room would. */
export async function scriptedClass(
  url: string,
  code: string,
  n: number,
): Promise<ScriptedPlayer[]> {
  const players: ScriptedPlayer[] = [];
  const names = [
    'Ada',
    'Bo',
    'Cy',
    'Di',
    'Eve',
    'Fu',
    'Gao',
    'Hana',
    'Ivo',
    'Jun',
    '李雷',
    '韩梅梅',
  ];
  // Twenty at a time, the last one alone: it is the newest to join.
  for (let i = 0; i < n; ) {
    const size = i < n - 1 ? Math.min(20, n - 1 - i) : 1;
    const start = i;
    i += size;
    const batch = await Promise.all(
      Array.from({ length: size }, async (_, k) => {
        const i = start;
        const socket = await connect(url);
        const nickname = `${names[(i + k) % names.length]}${i + k + 1}`;
        const r = await call<PlayerWelcome>(socket, 'player:join', { code, nickname });
        if (!r.ok) throw new Error(`join failed: ${r.error.code}`);
        const p: ScriptedPlayer = {
          socket,
          id: r.data.playerId,
          nickname,
          round: null,
          reveal: null,
          timeFactor: 1,
        };
        socket.on('round:started', (round) => {
          p.round = round;
        });
        socket.on('round:ended', (reveal) => {
          p.reveal = reveal;
        });
        socket.on('player:time', (t) => {
          p.timeFactor = t.factor;
        });
        return p;
      }),
    );
    players.push(...batch);
  }
  return players;
}

/**
 * These players move in the open round (a neuron and a Δz from a seeded
 * stream, so the scatter spreads); resolves with how many moves were scored.
 */
export async function scriptedMoves(players: ScriptedPlayer[], seed: number): Promise<number> {
  let x = seed >>> 0;
  const rand = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const results = await Promise.all(
    players.map((p) => {
      const r = p.round;
      if (!r) throw new Error(`${p.nickname} has no round`);
      const sizes = r.puzzle.network.sizes;
      const l = 1 + Math.floor(rand() * (sizes.length - 1));
      const j = Math.floor(rand() * sizes[l]!);
      const dz = (rand() * 2 - 1) * r.puzzle.eps;
      return call<MoveResult>(p.socket, 'move:submit', { round: r.round, l, j, dz });
    }),
  );
  return results.filter((r) => r.ok).length;
}

/** The boxes of what must be in view, or why not. */
async function outOfView(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const out: string[] = [];
    const w = innerWidth;
    const h = innerHeight;
    const doc = document.documentElement;
    if (doc.scrollHeight > h) out.push(`page is ${doc.scrollHeight}px tall`);
    if (doc.scrollWidth > w) out.push(`page is ${doc.scrollWidth}px wide`);
    // Nothing cut off either: the page's own box holds all it lays out.
    for (const box of document.querySelectorAll('#app, .host-view, .host-view > *')) {
      if (box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY === 'hidden')
        out.push(`${box.className || box.id} cuts ${box.scrollHeight - box.clientHeight}px off`);
    }
    for (const s of sels) {
      const e = document.querySelector(s);
      if (!e) {
        out.push(`${s}: missing`);
        continue;
      }
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) out.push(`${s}: not shown`);
      else if (r.top < 0 || r.left < 0 || r.bottom > h + 0.5 || r.right > w + 0.5)
        out.push(
          `${s}: at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`,
        );
    }
    return out;
  }, selectors);
}

/**
 * The host's screen at each projector size and in each language: the page
 * does not scroll, and each selector (the primary action, the top of a
 * board) lies inside the window. A screenshot of each.
 */
export async function fitsEveryProjector(
  page: Page,
  shot: string,
  mustShow: string[],
): Promise<void> {
  for (const lang of LOCALES) {
    await page.locator('select.lang-switch').selectOption(lang);
    for (const size of PROJECTORS) {
      await page.setViewportSize(size);
      // The end screen draws again in the new language, its podium rising for 1.7 s.
      await page.waitForTimeout(shot.endsWith('-end') ? 1800 : 250);
      await screenshot(page, `${shot}-${size.width}-${lang === 'en' ? 'en' : 'zh'}`);
      expect(
        await outOfView(page, mustShow),
        `${shot} ${size.width}×${size.height} ${lang}`,
      ).toEqual([]);
    }
  }
  await page.locator('select.lang-switch').selectOption('en');
  await page.setViewportSize(PROJECTORS[0]);
}
