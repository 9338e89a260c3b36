import { describe, expect, it } from 'vitest';
import { analyse } from '#shared/engine/index';
import { puzzleFromJSON } from '#shared/game/puzzle';
import { roundKey, scoreMove } from '#shared/game/scoring';
import { HostWelcome, MoveResult, PlayerWelcome, Reveal, RoundStart } from '#shared/protocol/views';
import { type Client, call, createSession, next, ok, STORES, usePlayground } from './helpers.ts';

const playground = usePlayground();

const client = playground.client;

describe.each(STORES)('with the %s store', (store) => {
  describe('a server restart mid-session', () => {
    it('loses nothing: same round, same puzzle, same scores, and the round carries on', async () => {
      const a = await playground.serve({ store });
      const c = await createSession(a.url, {
        dataset: 'circle',
        sizes: [2, 4, 1],
        batchSize: 8,
        rounds: 3,
        secondsPerRound: 60,
        seed: 5,
      });
      const host = await client(a.url);
      await ok(host, 'host:join', { code: c.code, token: c.hostToken });
      const names = ['Ada', 'Bob', 'Cy'];
      const ws: PlayerWelcome[] = [];
      const players: Client[] = [];
      for (const n of names) {
        const s = await client(a.url);
        players.push(s);
        ws.push(PlayerWelcome.parse(await ok(s, 'player:join', { code: c.code, nickname: n })));
      }
      // Round 1 played to the end, round 2 half played.
      await ok(host, 'host:start');
      const p0 = players[0]!;
      const p1 = players[1]!;
      const r1a = MoveResult.parse(await ok(p0, 'move:submit', { round: 1, l: 1, j: 2, dz: 0.7 }));
      await ok(host, 'host:endRound');
      const started = next<unknown>(p0, 'round:started');
      await ok(host, 'host:next');
      const round2 = RoundStart.parse(await started);
      const r2a = MoveResult.parse(await ok(p0, 'move:submit', { round: 2, l: 2, j: 0, dz: -0.4 }));
      const r2b = MoveResult.parse(await ok(p1, 'move:submit', { round: 2, l: 1, j: 1, dz: 0.9 }));
      expect(await ok(host, 'host:pause')).toMatchObject({ phase: 'paused' });
      expect(await ok(host, 'host:resume')).toMatchObject({ phase: 'question' });
      const leftBefore = (await ok<{ timer: { remainingMs: number } }>(host, 'host:lock')).timer
        .remainingMs;
      await ok(host, 'host:unlock');

      // SIGTERM's path: clients are told, open clocks freeze, the store closes.
      const told = next<{ message: string }>(p0, 'server:restarting');
      await a.stop();
      expect((await told).message).toMatch(/restart/);
      playground.dropAll();

      const b = await playground.serve({ store, dataDir: a.dataDir });
      const host2 = await client(b.url);
      const hw = HostWelcome.parse(
        await ok(host2, 'host:join', { code: c.code, token: c.hostToken }),
      );
      expect(hw.status).toMatchObject({ phase: 'question', round: 2 });
      expect(hw.status.timer!.remainingMs).toBeLessThanOrEqual(leftBefore);
      expect(hw.status.timer!.remainingMs).toBeGreaterThan(leftBefore - 5000);
      expect(hw.round!.puzzle).toEqual(round2.puzzle);
      expect(hw.answered).toBe(2);
      expect(hw.lossCurve).toHaveLength(2);
      const scoreOf = (id: string) => hw.players.find((p) => p.id === id)!.score;
      expect(scoreOf(ws[0]!.playerId)).toBe(r1a.points + r2a.points);
      expect(scoreOf(ws[1]!.playerId)).toBe(r2b.points);
      expect(scoreOf(ws[2]!.playerId)).toBe(0);

      const q0 = await client(b.url);
      const back0 = PlayerWelcome.parse(
        await ok(q0, 'player:resume', { code: c.code, token: ws[0]!.resumeToken }),
      );
      expect(back0).toMatchObject({
        playerId: ws[0]!.playerId,
        score: r1a.points + r2a.points,
        myMove: r2a,
      });
      expect(await call(q0, 'move:submit', { round: 2, l: 1, j: 0, dz: 0.1 })).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_MOVED' },
      });
      const q1 = await client(b.url);
      await ok(q1, 'player:resume', { code: c.code, token: ws[1]!.resumeToken });
      const q2 = await client(b.url);
      const back2 = PlayerWelcome.parse(
        await ok(q2, 'player:resume', { code: c.code, token: ws[2]!.resumeToken }),
      );
      expect(back2.myMove).toBeNull();

      // The third player moves after the restart, scored against the same puzzle.
      const puzzle = puzzleFromJSON(back2.round!.puzzle);
      const trace = analyse(puzzle.network, puzzle.batch);
      const ended = next<unknown>(q2, 'round:ended');
      const late = MoveResult.parse(
        await ok(q2, 'move:submit', { round: 2, l: 1, j: 3, dz: -0.8 }),
      );
      expect(late.deltaC).toBe(scoreMove(trace, roundKey(trace, puzzle.eps), 1, 3, -0.8).deltaC);
      const reveal = Reveal.parse(await ended);
      expect(reveal.endedBy).toBe('allMoved');
      expect(reveal.classMoves.answered).toBe(3);
      const entry = (id: string) => reveal.leaderboard.find((e) => e.id === id)!;
      expect(entry(ws[0]!.playerId).score).toBe(r1a.points + r2a.points);
      expect(entry(ws[1]!.playerId).score).toBe(r2b.points);
      expect(entry(ws[2]!.playerId).score).toBe(late.points);
    });
  });

  describe('a session left open for a day', () => {
    it('is ended at the next start, and its report stays', async () => {
      let offset = 0;
      const a = await playground.serve({ store, now: () => Date.now() + offset });
      const c = await createSession(a.url, { rounds: 2 });
      await a.stop();
      offset = 25 * 3600_000;
      const b = await playground.serve({
        store,
        dataDir: a.dataDir,
        now: () => Date.now() + offset,
      });
      const s = await client(b.url);
      expect(await call(s, 'host:join', { code: c.code, token: c.hostToken })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      const list = (await (
        await fetch(`${b.url}/api/sessions`, {
          headers: { authorization: `Bearer ${c.hostToken}` },
        })
      ).json()) as { data: { sessions: { sessionId: string; phase: string; endedAt: number }[] } };
      expect(list.data.sessions[0]).toMatchObject({ sessionId: c.sessionId, phase: 'ended' });
      const report = await fetch(
        `${b.url}/api/sessions/${c.sessionId}/report?token=${c.hostToken}`,
      );
      expect(report.status).toBe(200);
    });
  });
});
