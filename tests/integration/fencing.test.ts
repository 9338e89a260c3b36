import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phase } from '#shared/protocol/codes';
import type { MoveResult } from '#shared/protocol/views';
import { LeaseBook } from '../../server/cluster/leases.ts';
import { inlineWork } from '../../server/compute/inline.ts';
import { PostgresStore } from '../../server/persistence/postgres.ts';
import { CodeTakenError, StoreError } from '../../server/persistence/store.ts';
import { Registry } from '../../server/rooms/registry.ts';
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

  it('never gives two running sessions one join code, though each node picks codes on its own', async () => {
    const a = await PostgresStore.open(url);
    const b = await PostgresStore.open(url);
    const registry = (store: PostgresStore, codes: string[]) =>
      new Registry({
        store,
        log: () => {},
        now: Date.now,
        work: inlineWork,
        output: () => ({ toAll: () => {}, toHosts: () => {}, kick: () => {} }),
        lobbyIdleMs: 3_600_000,
        newCode: () => codes.shift() ?? '999999',
      });
    try {
      // Node A gives 424242 to a class; node B, not knowing, picks it too, and is refused.
      const onA = await registry(a, ['424242']).create({ rounds: 2 }, undefined);
      expect(onA.room.code).toBe('424242');
      const onB = await registry(b, ['424242', '515151']).create({ rounds: 2 }, undefined);
      expect(onB.room.code).toBe('515151');
      const rows = await a.pool.query<{ code: string }>(
        "SELECT code FROM sessions WHERE ended_at IS NULL AND code IN ('424242', '515151') ORDER BY code",
      );
      expect(rows.rows.map((r) => r.code)).toEqual(['424242', '515151']);
      // Refused at the store, whatever the caller: nothing written.
      const withCode = (id: string) => ({
        id,
        code: '424242',
        hostId: onB.room.row.hostId,
        settings: onB.settings,
        createdAt: 0,
        endedAt: null,
        state,
      });
      await expect(b.createSession(withCode('dup'))).rejects.toBeInstanceOf(CodeTakenError);
      // Once the first class has ended, its code may be given again.
      await a.saveState(onA.room.id, { ...state, phase: Phase.Ended }, Date.now());
      await b.createSession(withCode('again'));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
