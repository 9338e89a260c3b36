import { describe, expect, it } from 'vitest';
import { UNTIMED_ROUND_SECONDS } from '#shared/protocol/timing';
import type { MoveResult, PlayerWelcome, Reveal, RoundStart } from '#shared/protocol/views';
import { call, createSession, next, ok, record, STORES, usePlayground } from './helpers.ts';

const playground = usePlayground();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('time for every student', () => {
  it('keeps the round open for a player with ×2 time, and refuses the others past their own deadline', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url, { rounds: 1, secondsPerRound: 5 });
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const join = async (nickname: string) => {
      const s = await playground.client(server.url);
      const w = await ok<PlayerWelcome>(s, 'player:join', { code: c.code, nickname });
      return { s, w };
    };
    const ada = await join('Ada');
    const bo = await join('Bo');
    const cy = await join('Cy');
    // Bad input changes nothing: an unknown player, a factor not offered, a player asking.
    for (const [who, payload, code] of [
      [host, { playerId: 'nobody', factor: 2 }, 'NO_SUCH_PLAYER'],
      [host, { playerId: bo.w.playerId, factor: 3 }, 'BAD_PAYLOAD'],
      [ada.s, { playerId: ada.w.playerId, factor: 2 }, 'FORBIDDEN'],
    ] as const) {
      const r = await call(who, 'host:extraTime', payload);
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
    }
    const told = next<{ factor: number }>(bo.s, 'player:time');
    const adaTimes = record(ada.s, ['player:time']);
    await ok(host, 'host:extraTime', { playerId: bo.w.playerId, factor: 2 });
    expect(await told).toEqual({ factor: 2 });
    expect(adaTimes.get('player:time')).toHaveLength(0);
    // Bo's phone, coming back, learns its own time from the welcome.
    const again = await playground.client(server.url);
    const resumed = await ok<PlayerWelcome>(again, 'player:resume', {
      code: c.code,
      token: bo.w.resumeToken,
    });
    expect(resumed.timeFactor).toBe(2);

    const ended = record(host, ['round:ended']);
    const started = next<RoundStart>(ada.s, 'round:started');
    await ok(host, 'host:start');
    const round = await started;
    const move = (s: typeof ada.s, dz: number) =>
      call<MoveResult>(s, 'move:submit', { round: 1, l: 1, j: 0, dz });
    expect((await move(cy.s, 0.1)).ok).toBe(true);
    // Past the class's deadline (5 s and the grace): the round stays open for Bo, not for Ada.
    await sleep(round.timer.remainingMs + 1200);
    expect(ended.get('round:ended')).toHaveLength(0);
    const late = await move(ada.s, 0.1);
    expect(late.ok ? 'ok' : late.error.code).toBe('ROUND_CLOSED');
    const reveal = next<Reveal>(host, 'round:ended');
    const bos = await move(bo.s, -0.1);
    expect(bos.ok).toBe(true);
    // Bo's move was the last one the round waited for: it closes now, with two moves.
    const r = await reveal;
    expect(r.classMoves.answered).toBe(2);
  }, 20_000);

  it('closes a ×1.5 player’s round at their own deadline when they do not move', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url, { rounds: 1, secondsPerRound: 5 });
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const p = await playground.client(server.url);
    const w = await ok<PlayerWelcome>(p, 'player:join', { code: c.code, nickname: 'Di' });
    await ok(host, 'host:extraTime', { playerId: w.playerId, factor: 1.5 });
    const t0 = Date.now();
    await ok(host, 'host:start');
    await next<Reveal>(host, 'round:ended', () => true, 15_000);
    // 5 s × 1.5 = 7.5 s, not the class's 5 s.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(7_000);
  }, 20_000);

  it('runs an untimed session: no clock to beat, speed scoring off', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url, { rounds: 1, untimed: true, speedScoring: true });
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const p = await playground.client(server.url);
    const w = await ok<PlayerWelcome>(p, 'player:join', { code: c.code, nickname: 'Eve' });
    expect(w.speedScoring).toBe(false);
    const started = next<RoundStart>(p, 'round:started');
    await ok(host, 'host:start');
    const round = await started;
    expect(round.timer.limitMs).toBe(UNTIMED_ROUND_SECONDS * 1000);
    await sleep(1500);
    const m = await ok<MoveResult>(p, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.1 });
    expect(m.speed).toBe(1);
  });
});

describe.each(STORES)('extra time with the %s store', (store) => {
  it('is kept over a server restart: the phone and the projector still show ×1.5', async () => {
    const a = await playground.serve({ store });
    const c = await createSession(a.url, { rounds: 1, secondsPerRound: 60 });
    const host = await playground.client(a.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const phone = await playground.client(a.url);
    const w = await ok<PlayerWelcome>(phone, 'player:join', { code: c.code, nickname: 'Ada' });
    const other = await playground.client(a.url);
    await ok(other, 'player:join', { code: c.code, nickname: 'Bo' });
    await ok(host, 'host:extraTime', { playerId: w.playerId, factor: 1.5 });
    await ok(host, 'host:start');
    await a.stop();
    playground.dropAll();

    const b = await playground.serve({ store, dataDir: a.dataDir });
    const back = await playground.client(b.url);
    const resumed = await ok<PlayerWelcome>(back, 'player:resume', {
      code: c.code,
      token: w.resumeToken,
    });
    expect(resumed.timeFactor).toBe(1.5);
    const host2 = await playground.client(b.url);
    const seen = await ok<{ players: { id: string; timeFactor?: number }[] }>(host2, 'host:join', {
      code: c.code,
      token: c.hostToken,
    });
    expect(seen.players.find((p) => p.id === w.playerId)?.timeFactor).toBe(1.5);
  });
});
