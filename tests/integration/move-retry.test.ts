import { describe, expect, it } from 'vitest';
import { MoveResult, PlayerWelcome } from '#shared/protocol/views';
import { call, createSession, ok, STORES, usePlayground } from './helpers.ts';

const playground = usePlayground();

describe.each(STORES)('with the %s store', (store) => {
  describe('a move sent again with its move id', () => {
    it('is answered with the stored result after a reconnect, and scored once', async () => {
      const server = await playground.serve({ store });
      const c = await createSession(server.url, { rounds: 2, secondsPerRound: 60 });
      const host = await playground.client(server.url);
      await ok(host, 'host:join', { code: c.code, token: c.hostToken });
      const phone = await playground.client(server.url);
      const me = PlayerWelcome.parse(
        await ok(phone, 'player:join', { code: c.code, nickname: 'Ada' }),
      );
      await playground
        .client(server.url)
        .then((s) => ok(s, 'player:join', { code: c.code, nickname: 'Bob' }));
      await ok(host, 'host:start');
      const move = { round: 1, l: 1, j: 0, dz: 0.4, moveId: 'ada-1' };
      const first = MoveResult.parse(await ok(phone, 'move:submit', move));
      // The ack was "lost": the phone reconnects and sends the same move again.
      phone.disconnect();
      const again = await playground.client(server.url);
      const back = PlayerWelcome.parse(
        await ok(again, 'player:resume', { code: c.code, token: me.resumeToken }),
      );
      expect(back.score).toBe(first.points);
      expect(MoveResult.parse(await ok(again, 'move:submit', move))).toEqual(first);
      // Another move (another id, or none) in the same round is still a second move.
      expect(await call(again, 'move:submit', { ...move, moveId: 'ada-2' })).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_MOVED' },
      });
      const report = (await (
        await fetch(`${server.url}/api/sessions/${c.sessionId}/report?token=${c.hostToken}`)
      ).json()) as { data: { players: { nickname: string; score: number }[] } };
      expect(report.data.players.find((p) => p.nickname === 'Ada')?.score).toBe(first.points);
    });
  });
});
