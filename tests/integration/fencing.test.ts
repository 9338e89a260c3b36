import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phase } from '#shared/protocol/codes';
import type { MoveResult } from '#shared/protocol/views';
import { LeaseBook } from '../../server/cluster/leases.ts';
import { PostgresStore } from '../../server/persistence/postgres.ts';
import { StoreError } from '../../server/persistence/store.ts';
import { freshDatabase, startPostgres, type TestPostgres } from '../support/postgres.ts';

/** Two nodes' stores on one database, as two processes of a cluster would hold them. */
describe('the lease epoch, checked by Postgres', () => {
  let pgServer: TestPostgres;
  let url: string;
  beforeAll(async () => {
    pgServer = await startPostgres();
    url = await freshDatabase(pgServer);
  }, 60_000);
  afterAll(async () => {
    await pgServer?.close();
  });

  const state = { phase: Phase.Lobby, round: 0, locked: false, clock: null, lossCurve: [] };
  const result = { points: 700 } as unknown as MoveResult;

  it('refuses every write of an owner whose lease another node has taken over', async () => {
    const a = await PostgresStore.open(url);
    const b = await PostgresStore.open(url);
    const leasesA = new LeaseBook(a.pool, 'A', 300);
    const leasesB = new LeaseBook(b.pool, 'B', 300);
    a.setFence((id) => leasesA.epochOf(id));
    b.setFence((id) => leasesB.epochOf(id));
    try {
      await a.createHost('h', 'hash', 0);
      expect(await leasesA.claimNew('s')).toBe(1);
      await a.createSession({
        id: 's',
        code: '123456',
        hostId: 'h',
        settings: { rounds: 2 } as never,
        createdAt: 0,
        endedAt: null,
        state,
      });
      const player = (id: string) => ({
        sessionId: 's',
        id,
        nickname: id,
        nicknameKey: id,
        tokenHash: `t${id}`,
        joinedAt: 0,
        kicked: false,
      });
      await a.addPlayer(player('p1'));
      await a.addPlayer(player('p2'));
      await a.addMove({ sessionId: 's', round: 1, playerId: 'p1', result, createdAt: 1 });
      // B may not take a live lease; once A stops renewing, it may.
      expect(await leasesB.takeOver('s')).toBeNull();
      await new Promise((r) => setTimeout(r, 400));
      const taken = await leasesB.takeOver('s');
      expect(taken?.epoch).toBe(2);

      // A still thinks it owns the session (epoch 1): the database says no, and keeps nothing.
      const stale = (p: Promise<unknown>) =>
        p.then(
          () => 'committed',
          (e: unknown) => (e instanceof StoreError ? e.reason : String(e)),
        );
      expect(
        await stale(a.addMove({ sessionId: 's', round: 1, playerId: 'p2', result, createdAt: 2 })),
      ).toBe('stale');
      expect(await stale(a.saveStep('s', { state: { ...state, round: 9 }, endedAt: null }))).toBe(
        'stale',
      );
      expect(await stale(a.kickPlayer('s', 'p1'))).toBe('stale');
      expect(await leasesA.renew()).toEqual(['s']);

      // B, the owner now, writes; what the session holds is B's and the move A scored before.
      await b.addMove({ sessionId: 's', round: 1, playerId: 'p2', result, createdAt: 3 });
      const loaded = (await b.loadSession('s'))!;
      expect(loaded.session.state.round).toBe(0);
      expect(loaded.players.every((p) => !p.kicked)).toBe(true);
      const epochs = await b.pool.query<{ player_id: string; epoch: number }>(
        'SELECT player_id, epoch FROM moves ORDER BY player_id',
      );
      expect(epochs.rows).toEqual([
        { player_id: 'p1', epoch: 1 },
        { player_id: 'p2', epoch: 2 },
      ]);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
