import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESET_LEVEL_IDS } from '#shared/game/levels';
import { ErrorCode } from '#shared/protocol/codes';
import type { MoveResult, Reveal } from '#shared/protocol/views';
import { RoundClock } from '../../client/classroom/clock.ts';
import { errorText } from '../../client/classroom/errors.ts';
import { moveView, revealView } from '../../client/classroom/moveView.ts';
import { classroomEn } from '../../client/i18n/classroom.en.ts';
import { classroomZhCN } from '../../client/i18n/classroom.zhCN.ts';
import { setLang, t } from '../../client/i18n/index.ts';
import { ApiError } from '../../client/net/api.ts';
import { AckError } from '../../client/net/socket.ts';
import {
  forgetPlayerSeat,
  hostRecord,
  playerSeat,
  rememberHostSession,
  savePlayerSeat,
} from '../../client/net/tokens.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the classroom dictionaries', () => {
  it('have the same keys in both languages, none empty, with the same placeholders', () => {
    expect(Object.keys(classroomZhCN).sort()).toEqual(Object.keys(classroomEn).sort());
    for (const [k, v] of Object.entries(classroomEn)) {
      const zh = classroomZhCN[k as keyof typeof classroomEn];
      expect(v.trim(), k).not.toBe('');
      expect(zh.trim(), k).not.toBe('');
      expect(placeholders(zh), k).toEqual(placeholders(v));
    }
  });

  it('say every server error and every preset in words', () => {
    for (const code of Object.values(ErrorCode))
      expect(classroomEn).toHaveProperty(`cls.err.${code}`);
    for (const id of PRESET_LEVEL_IDS) expect(classroomEn).toHaveProperty(`cls.preset.${id}`);
  });

  it('are found by t() in the page language', () => {
    setLang('zh-CN');
    expect(t('cls.round.title', { n: 2, total: 5 })).toBe('第 2 轮，共 5 轮');
    setLang('en');
    expect(t('cls.round.title', { n: 2, total: 5 })).toBe('Round 2 of 5');
  });
});

describe('errorText', () => {
  afterEach(() => setLang('en'));

  it('turns a refusal code into a sentence in the page language', () => {
    const e = new AckError(ErrorCode.NicknameTaken, 'nickname taken');
    expect(errorText(e)).toBe('Someone already has that nickname: choose another.');
    setLang('zh-CN');
    expect(errorText(e)).toBe('已经有人用了这个昵称：换一个吧。');
  });

  it('keeps the field of a settings refusal, and the server message for a code it does not know', () => {
    expect(
      errorText(new ApiError(ErrorCode.BadSettings, 'sizes: layer 0 must have 2 neurons')),
    ).toMatch(/sizes: layer 0 must have 2 neurons/);
    const unknown = new AckError('SOMETHING_NEW' as ErrorCode, 'a new refusal');
    expect(errorText(unknown)).toBe('a new refusal');
    expect(errorText(new Error('boom'))).toBe('The server could not do that.');
  });
});

describe('RoundClock', () => {
  it('counts down to the server deadline, corrected for a client clock that runs 5 s fast', () => {
    const clock = new RoundClock();
    const serverNow = Date.now() - 5000;
    clock.set({ deadline: serverNow + 30_000, remainingMs: 30_000, limitMs: 30_000, serverNow });
    const left = clock.remainingMs();
    expect(left).toBeGreaterThan(29_000);
    expect(left).toBeLessThanOrEqual(30_000);
    expect(clock.remainingMs(Date.now() + 40_000)).toBe(0);
    expect(clock.running).toBe(true);
  });

  it('stands still while paused', () => {
    const clock = new RoundClock();
    clock.set({ deadline: null, remainingMs: 12_345, limitMs: 30_000, serverNow: Date.now() });
    expect(clock.running).toBe(false);
    expect(clock.remainingMs(Date.now() + 60_000)).toBe(12_345);
  });
});

describe('the resume tokens in localStorage', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    };
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('keep one seat per game code, and forget it on request', () => {
    savePlayerSeat('123456', { token: 'x'.repeat(32), nickname: 'Ada', playerId: 'p1' });
    expect(playerSeat('123456')?.nickname).toBe('Ada');
    expect(playerSeat('654321')).toBeNull();
    forgetPlayerSeat('123456');
    expect(playerSeat('123456')).toBeNull();
  });

  it('ignore what is not a seat (hand-edited or corrupt storage)', () => {
    store.set('bd.player.123456', '{"token":42}');
    expect(playerSeat('123456')).toBeNull();
    store.set('bd.player.123456', 'not json');
    expect(playerSeat('123456')).toBeNull();
  });

  it('remember the host token with its sessions, and start a new list for a new token', () => {
    rememberHostSession('tok-a', '111111', 's1');
    rememberHostSession('tok-a', '222222', 's2');
    expect(hostRecord()).toEqual({ token: 'tok-a', sessions: { '111111': 's1', '222222': 's2' } });
    rememberHostSession('tok-b', '333333', 's3');
    expect(hostRecord()).toEqual({ token: 'tok-b', sessions: { '333333': 's3' } });
  });

  it('work without storage at all (blocked in private mode)', () => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
    savePlayerSeat('123456', { token: 't', nickname: 'n', playerId: 'p' });
    expect(playerSeat('123456')).toBeNull();
  });
});

describe('moveView', () => {
  const nudge = { l: 1, j: 2, dz: -0.5, deltaC: -0.01, predicted: -0.012 };
  const result: MoveResult = {
    ...nudge,
    round: 1,
    deltaBar: 0.024,
    sigmaPrime: 0.2,
    bestDeltaC: -0.02,
    quality: 0.5,
    speed: 1,
    points: 500,
    wrongWay: false,
    rightSign: true,
    saturated: false,
    reason: 'smallDelta',
    seconds: 3,
    score: 500,
  };
  const reveal = {
    round: 1,
    best: { l: 2, j: 0, dz: 1, deltaC: -0.02, predicted: -0.021 },
    gradient: { l: 2, j: 0, dz: 1, deltaC: -0.02, predicted: -0.021, quality: 1, points: 1000 },
    deltaBar: [[0, 0, 0.024], [-0.021]],
  } as unknown as Reveal;

  it('shows the server’s judgement, and the best move and the gradient demon only once the round is revealed', () => {
    const before = moveView(result, null);
    expect(before.move).toEqual({ l: 1, j: 2, dz: -0.5, deltaC: -0.01 });
    expect(before.points).toBe(500);
    expect(before.reason).toBe('smallDelta');
    expect(before.best).toBeNull();
    expect(before.gradient).toBeNull();
    expect(moveView(result, reveal).best).toEqual({ l: 2, j: 0, dz: 1, deltaC: -0.02 });
    expect(moveView(result, reveal).gradient).toEqual({ l: 2, j: 0, dz: 1, deltaC: -0.02 });
  });

  it('draws the reveal without a move of one’s own at the best neuron, with its δ̄', () => {
    const v = revealView(reveal);
    expect(v.move.dz).toBe(0);
    expect(v.deltaBar).toBe(-0.021);
    expect(v.best?.l).toBe(2);
  });
});

describe('a class round before its reveal', () => {
  it('keeps hidden δ hidden after the player’s own move, and shows it once the answer is out', async () => {
    const { PlayStore } = await import('../../client/state/playStore.ts');
    const { levelById, levelPuzzle } = await import('#shared/game/levels');
    const { puzzle } = levelPuzzle(levelById('predictSign')!);
    const store = new PlayStore();
    store.load(puzzle.network, puzzle.batch, puzzle.eps, 'forward');
    expect(store.deltaVisible(1)).toBe(false);
    const mark = { l: 1, j: 0, dz: 0.5, deltaC: -0.01 };
    const view = {
      move: mark,
      predicted: -0.01,
      deltaBar: -0.02,
      sigmaPrime: 0.2,
      best: mark,
      gradient: null,
      quality: 1,
      points: 1000,
      reason: 'best' as const,
    };
    store.answerHidden = true;
    store.showResult(view);
    expect(store.deltaVisible(1)).toBe(false);
    store.answerHidden = false;
    store.showResult(view);
    expect(store.deltaVisible(1)).toBe(true);
  });
});
