import { describe, expect, it } from 'vitest';
import { HostWelcome, MoveResult, PlayerWelcome } from '#shared/protocol/views';
import {
  call,
  createSession,
  next,
  ok,
  record,
  STORES,
  type TestServer,
  until,
  usePlayground,
} from './helpers.ts';

const playground = usePlayground();
let server: TestServer;
const client = playground.client;

describe.each(STORES)('with the %s store', (store) => {
  describe('a dropped connection', () => {
    it('comes back with the resume token as the same player, score and puzzle; shown away meanwhile', async () => {
      server = await playground.serve({ store });
      const c = await createSession(server.url, { rounds: 2, secondsPerRound: 60 });
      const host = await client(server.url);
      const hostLog = record(host, ['session:players']);
      await ok(host, 'host:join', { code: c.code, token: c.hostToken });
      const phone = await client(server.url);
      const other = await client(server.url);
      const me = PlayerWelcome.parse(
        await ok(phone, 'player:join', { code: c.code, nickname: 'Ada' }),
      );
      await ok(other, 'player:join', { code: c.code, nickname: 'Bob' });
      const started = next(phone, 'round:started');
      await ok(host, 'host:start');
      await started;
      const first = MoveResult.parse(
        await ok(phone, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.5 }),
      );

      // The phone sleeps: the host sees Ada away, not removed.
      phone.disconnect();
      type List = { players: { id: string; online: boolean }[] };
      const last = () => hostLog.get('session:players')!.at(-1) as List | undefined;
      await until(() => last()?.players.find((p) => p.id === me.playerId)?.online === false);
      expect(last()!.players).toHaveLength(2);

      const again = await client(server.url);
      const back = PlayerWelcome.parse(
        await ok(again, 'player:resume', { code: c.code, token: me.resumeToken }),
      );
      expect(back.playerId).toBe(me.playerId);
      expect(back.nickname).toBe('Ada');
      expect(back.score).toBe(first.points);
      expect(back.status).toMatchObject({ phase: 'question', round: 1 });
      expect(back.round?.round).toBe(1);
      expect(back.myMove).toEqual(first);
      expect(back.resumeToken).toBeUndefined();
      await until(() => last()?.players.find((p) => p.id === me.playerId)?.online === true);
      // Still one move a round, across connections.
      expect(await call(again, 'move:submit', { round: 1, l: 1, j: 1, dz: 0.1 })).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_MOVED' },
      });

      // Next round: the resumed connection plays on and its score adds up.
      await ok(host, 'host:endRound');
      const round2 = next(again, 'round:started');
      await ok(host, 'host:next');
      await round2;
      const second = MoveResult.parse(
        await ok(again, 'move:submit', { round: 2, l: 2, j: 0, dz: -0.5 }),
      );
      expect(second.score).toBe(first.points + second.points);

      // A host that reloads the projector finds everything again.
      host.disconnect();
      const host2 = await client(server.url);
      const hw = HostWelcome.parse(
        await ok(host2, 'host:join', { code: c.code, token: c.hostToken }),
      );
      expect(hw.status).toMatchObject({ phase: 'question', round: 2 });
      expect(hw.answered).toBe(1);
      expect(hw.players.find((p) => p.id === me.playerId)).toMatchObject({
        score: second.score,
        answered: true,
      });
      expect(hw.reveal?.round).toBe(1);
      expect(hw.lossCurve).toHaveLength(2);
    });

    it('refuses an unknown resume token and a wrong host token', async () => {
      server = await playground.serve({ store });
      const c = await createSession(server.url);
      const s = await client(server.url);
      expect(await call(s, 'player:resume', { code: c.code, token: 'x'.repeat(32) })).toMatchObject(
        {
          ok: false,
          error: { code: 'BAD_TOKEN' },
        },
      );
      expect(await call(s, 'host:join', { code: c.code, token: 'y'.repeat(32) })).toMatchObject({
        ok: false,
        error: { code: 'BAD_TOKEN' },
      });
    });
  });
});
