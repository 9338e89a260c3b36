import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse, batchCost, Rng } from '#shared/engine/index';
import { buildPuzzle, puzzleFromJSON } from '#shared/game/puzzle';
import { pointsFor, roundKey, scoreMove, speedFactor } from '#shared/game/scoring';
import { GRADIENT_DEMON_ID } from '#shared/protocol/codes';
import {
  Final,
  HostWelcome,
  MoveResult,
  PlayerWelcome,
  Reveal,
  RoundStart,
  Trained,
} from '#shared/protocol/views';
import {
  type Client,
  call,
  closeAll,
  connect,
  createSession,
  next,
  ok,
  record,
  STORES,
  startServer,
  type TestServer,
  until,
} from './helpers.ts';

const SIZES = [2, 4, 3, 1];
const SETTINGS = {
  dataset: 'circle' as const,
  sizes: SIZES,
  batchSize: 8,
  eps: 1,
  rounds: 3,
  secondsPerRound: 30,
  speedScoring: true,
  sgdSteps: 10,
  eta: 0.5,
  seed: 42,
};
const PLAYERS = 30;

describe.each(STORES)('with the %s store', (store) => {
  describe('a whole session: a host and 30 players from lobby to podium', () => {
    let server: TestServer;
    const sockets: Client[] = [];
    afterAll(async () => {
      closeAll(sockets);
      await server?.close();
    });
    beforeAll(async () => {
      server = await startServer({ store });
    });

    it('scores every move as the engine does, reveals, trains and ends on a podium', async () => {
      const created = await createSession(server.url, SETTINGS);
      expect(created.code).toMatch(/^\d{6}$/);
      expect(created.joinUrl).toBe(`${server.url}/?code=${created.code}`);
      expect(created.hostToken.length).toBeGreaterThanOrEqual(22);

      const host = await connect(server.url);
      sockets.push(host);
      const hostLog = record(host, ['round:progress', 'session:players', 'round:ended']);
      const welcome = HostWelcome.parse(
        await ok(host, 'host:join', { code: created.code, token: created.hostToken }),
      );
      expect(welcome.status.phase).toBe('lobby');
      expect(welcome.settings.sizes).toEqual([2, 4, 3, 1]);

      const players: {
        socket: Client;
        id: string;
        nickname: string;
        log: Map<string, unknown[]>;
      }[] = [];
      for (let i = 0; i < PLAYERS; i++) {
        const socket = await connect(server.url);
        sockets.push(socket);
        const log = record(socket, [
          'round:progress',
          'session:players',
          'round:trained',
          'round:started',
          'round:ended',
        ]);
        const w = PlayerWelcome.parse(
          await ok(socket, 'player:join', { code: created.code, nickname: `  Demon ${i}  ` }),
        );
        expect(w.nickname).toBe(`Demon ${i}`);
        expect(w.resumeToken!.length).toBeGreaterThanOrEqual(22);
        players.push({ socket, id: w.playerId, nickname: w.nickname, log });
      }
      const lastList = () =>
        hostLog.get('session:players')!.at(-1) as { players: { online: boolean }[] } | undefined;
      await until(() => lastList()?.players.length === PLAYERS);
      expect(lastList()!.players.every((p) => p.online)).toBe(true);

      const data = buildPuzzle({
        ...SETTINGS,
        activations: 'sigmoid',
        cost: 'quadratic',
        show: 'delta',
      }).data;
      const rng = new Rng(7);
      const totals = new Map<string, number>(players.map((p) => [p.id, 0]));
      let botTotal = 0;
      const lossCurve: number[] = [];
      let previousWeights = '';
      let lastTrained: number[] = [];

      for (let round = 1; round <= SETTINGS.rounds; round++) {
        const starts = players.map((p) => next<unknown>(p.socket, 'round:started'));
        const hostCmd = round === 1 ? 'host:start' : 'host:next';
        const status = await ok<{ phase: string; round: number }>(host, hostCmd, {});
        expect(status).toMatchObject({ phase: 'question', round });
        const got = (await Promise.all(starts)).map((s) => RoundStart.parse(s));
        // Every player gets the same puzzle.
        for (const g of got) expect(g.puzzle).toEqual(got[0]!.puzzle);
        const start = got[0]!;
        expect(start.round).toBe(round);
        // What the round hides is not sent: no δ, no best move.
        expect(Object.keys(start).sort()).toEqual([
          'cost',
          'puzzle',
          'round',
          'rounds',
          'timer',
          'training',
        ]);
        expect(Object.keys(start.puzzle).sort()).toEqual(['batch', 'eps', 'network', 'show']);
        expect(JSON.stringify(start)).not.toMatch(/deltaBar|"best"|gradient/);
        const weights = JSON.stringify(start.puzzle.network.weights);
        expect(weights).not.toBe(previousWeights); // SGD moved the network between rounds
        previousWeights = weights;

        // Recompute the round from the message alone.
        const puzzle = puzzleFromJSON(start.puzzle);
        const trace = analyse(puzzle.network, puzzle.batch);
        expect(start.cost).toBe(trace.cost);
        lossCurve.push(batchCost(puzzle.network, data));
        if (round > 1) expect(lossCurve).toEqual(lastTrained);
        const key = roundKey(trace, puzzle.eps);

        const ended = players.map((p) => next<unknown>(p.socket, 'round:ended'));
        const trainedNext = next<unknown>(host, 'round:trained');
        const moves = new Map<string, { l: number; j: number; dz: number }>();
        await Promise.all(
          players.map(async (p, i) => {
            const l = 1 + rng.int(3);
            const j = rng.int(SETTINGS.sizes[l]!);
            const dz =
              i % 5 === 0 ? -puzzle.eps * Math.sign(trace.deltaBar[l]![j]!) : rng.uniform(-1, 1);
            moves.set(p.id, { l, j, dz });
            const r = MoveResult.parse(await ok(p.socket, 'move:submit', { round, l, j, dz }));
            const expected = scoreMove(trace, key, l, j, dz);
            expect(r.deltaC).toBe(expected.deltaC);
            expect(r.predicted).toBe(expected.predicted);
            expect(r.deltaBar).toBe(trace.deltaBar[l]![j]!);
            expect(r.quality).toBe(expected.quality);
            // The ack carries the best nudge's ΔC (to check q), not the best move itself.
            expect(r.bestDeltaC).toBe(key.best.deltaC);
            expect(r).not.toHaveProperty('best');
            expect(r.seconds).toBeGreaterThanOrEqual(0);
            expect(r.seconds).toBeLessThan(SETTINGS.secondsPerRound);
            const speed = speedFactor({ elapsed: r.seconds, limit: SETTINGS.secondsPerRound });
            expect(r.points).toBe(pointsFor(expected.quality, expected.wrongWay, speed));
            expect(r.wrongWay).toBe(expected.deltaC > 0);
            expect(r.rightSign).toBe(expected.rightSign);
            expect(r.saturated).toBe(expected.saturated);
            totals.set(p.id, totals.get(p.id)! + r.points);
            expect(r.score).toBe(totals.get(p.id));
            // A second move in the same round changes nothing.
            const again = await call(p.socket, 'move:submit', { round, l, j, dz: 0 });
            expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_MOVED' } });
          }),
        );

        // Everyone moved: the round ends by itself, the same reveal for all.
        const reveals = (await Promise.all(ended)).map((x) => Reveal.parse(x));
        const reveal = reveals[0]!;
        for (const r of reveals) expect(r).toEqual(reveal);
        expect(reveal.endedBy).toBe('allMoved');
        expect(reveal.best).toMatchObject({
          l: key.best.l,
          j: key.best.j,
          dz: key.best.dz,
          deltaC: key.best.deltaC,
        });
        expect(reveal.gradient).toMatchObject({
          l: key.gradient.l,
          j: key.gradient.j,
          dz: key.gradient.dz,
          deltaC: key.gradient.deltaC,
        });
        expect(reveal.deltaBar).toEqual(trace.deltaBar.slice(1).map((d) => Array.from(d)));
        botTotal += reveal.gradient.points;
        const counts = SETTINGS.sizes.slice(1).map((n) => new Array(n).fill(0));
        let right = 0;
        for (const m of moves.values()) {
          counts[m.l - 1]![m.j]++;
          if (scoreMove(trace, key, m.l, m.j, m.dz).rightSign) right++;
        }
        expect(reveal.classMoves.counts).toEqual(counts);
        expect(reveal.classMoves.answered).toBe(PLAYERS);
        expect(reveal.classMoves.rightSignShare).toBeCloseTo(right / PLAYERS, 12);
        // The gradient demon is a benchmark: listed with its points, but it takes no player's place.
        expect(reveal.leaderboard).toHaveLength(PLAYERS + 1);
        expect(reveal.demon).toMatchObject({ score: botTotal, rounds: round, ranked: false });
        const people = reveal.leaderboard.filter((o) => !o.bot);
        for (const e of reveal.leaderboard) {
          expect(e.score).toBe(e.bot ? botTotal : totals.get(e.id));
          expect(e.rank).toBe(e.bot ? null : 1 + people.filter((o) => o.score > e.score).length);
          if (round === 1 || e.bot) expect(e.rankChange).toBeNull();
          else expect(typeof e.rankChange).toBe('number');
        }
        const bot = reveal.leaderboard.find((e) => e.id === GRADIENT_DEMON_ID)!;
        expect(bot.bot).toBe(true);
        expect(reveal.lossCurve).toEqual(lossCurve);
        // Then k SGD steps: the loss curve gains this round's point (checked against the next puzzle).
        const trained = Trained.parse(await trainedNext);
        expect(trained).toMatchObject({ round, sgdSteps: SETTINGS.sgdSteps });
        expect(trained.lossCurve.slice(0, round)).toEqual(lossCurve);
        expect(trained.lossCurve).toHaveLength(round + 1);
        lastTrained = trained.lossCurve;
      }

      const finals = players.map((p) => next<unknown>(p.socket, 'session:ended'));
      const done = await ok<{ phase: string }>(host, 'host:next', {});
      expect(done.phase).toBe('ended');
      const final = Final.parse(await finals[0]);
      expect(final.standings.find((e) => !e.bot)!.rank).toBe(1);
      expect(final.standings.map((e) => e.score)).toEqual(
        [...final.standings.map((e) => e.score)].sort((a, b) => b - a),
      );
      expect(final.lossCurve).toHaveLength(SETTINGS.rounds + 1);

      // Scoped emits: players never get the host's events; the host got progress and player lists.
      for (const p of players) {
        expect(p.log.get('round:progress')).toHaveLength(0);
        expect(p.log.get('session:players')).toHaveLength(0);
        expect(p.log.get('round:trained')).toHaveLength(0);
        expect(p.log.get('round:started')).toHaveLength(SETTINGS.rounds);
      }
      expect(hostLog.get('round:progress')!.length).toBeGreaterThan(0);
      expect(hostLog.get('round:ended')).toHaveLength(SETTINGS.rounds);

      // The report: per player per round, and the gradient demon, behind the host token.
      const auth = { authorization: `Bearer ${created.hostToken}` };
      const noAuth = await fetch(`${server.url}/api/sessions/${created.sessionId}/report`);
      expect(noAuth.status).toBe(401);
      const rep = (await (
        await fetch(`${server.url}/api/sessions/${created.sessionId}/report`, { headers: auth })
      ).json()) as {
        data: {
          rows: { playerId: string; points: number; bot: boolean }[];
          standings: { id: string; score: number; online: boolean }[];
        };
      };
      expect(rep.data.rows).toHaveLength(PLAYERS * SETTINGS.rounds + SETTINGS.rounds);
      for (const p of players) {
        const sum = rep.data.rows
          .filter((r) => r.playerId === p.id)
          .reduce((a, r) => a + r.points, 0);
        expect(sum).toBe(totals.get(p.id));
      }
      const offline = (e: { online: boolean }) => ({ ...e, online: false });
      expect(rep.data.standings.map(offline)).toEqual(final.standings.map(offline));
      const csv = await fetch(
        `${server.url}/api/sessions/${created.sessionId}/report.csv?token=${created.hostToken}`,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toContain('round,playerId,nickname,bot,moved,layer,neuron,dz,deltaC');
      expect(lines).toHaveLength(1 + PLAYERS * SETTINGS.rounds + SETTINGS.rounds);

      // The host's past sessions.
      const list = (await (
        await fetch(`${server.url}/api/sessions`, { headers: auth })
      ).json()) as {
        data: { sessions: { sessionId: string; phase: string; players: number }[] };
      };
      expect(list.data.sessions).toEqual([
        expect.objectContaining({ sessionId: created.sessionId, phase: 'ended', players: PLAYERS }),
      ]);
    });
  });
});
