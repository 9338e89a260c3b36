import { describe, expect, it } from 'vitest';
import { SoloJudge } from '../../client/solo/judge.ts';
import { PlayStore } from '../../client/state/playStore.ts';
import { inlineWork } from '../../server/compute/inline.ts';
import { SqliteStore } from '../../server/persistence/sqlite.ts';
import { Room, type RoomOutput } from '../../server/rooms/room.ts';
import { resolveSettings } from '../../server/rooms/settings.ts';

const out: RoomOutput = { toAll: () => {}, toHosts: () => {}, kick: () => {} };

/** A classroom room on a level preset, round 1 open, one player per move to try and one who waits. */
async function classroom(preset: string, players: number) {
  const store = new SqliteStore(':memory:');
  await store.createHost('h', 'x', 0);
  const r = resolveSettings({ preset, speedScoring: false, secondsPerRound: 600 }, () => 1);
  if (!r.ok) throw new Error(r.message);
  const room = await Room.onCreate(
    { store, log: () => {}, now: Date.now, work: inlineWork },
    's',
    '123456',
    'h',
    r.settings,
  );
  room.attach(out);
  const ids: string[] = [];
  for (let i = 0; i < players; i++) ids.push((await room.onJoin(`p${i}`)).player.row.id);
  for (const id of ids) room.connected(id, 1);
  await room.command({ type: 'start' });
  return { room, ids, store };
}

describe('solo and classroom agree', () => {
  // The same puzzle, the same moves: the solo judge in the page and the server's own scoring path
  // (round opened by the room, key from its work, move checked and scored by room.move).
  for (const preset of ['outputDemon', 'hunt', 'lineLies', 'deepTrouble']) {
    it(`scores moves of ${preset} as the server does`, async () => {
      const { room, ids, store } = await classroom(preset, 7);
      const wire = room.math!.wire;
      const solo = new PlayStore();
      solo.setPuzzle(wire);
      const judge = new SoloJudge(solo);
      const L = wire.network.sizes.length - 1;
      const eps = wire.eps;
      const moves = [
        { l: L, j: 0, dz: eps },
        { l: L, j: 0, dz: -eps },
        { l: L, j: 0, dz: eps / 3 },
        { l: 1, j: 0, dz: -eps / 2 },
        { l: 1, j: wire.network.sizes[1]! - 1, dz: eps },
        { l: L, j: 0, dz: 0 },
      ];
      for (const [i, mv] of moves.entries()) {
        const server = await room.move(ids[i]!, { round: 1, ...mv });
        solo.select(mv.l, mv.j);
        solo.setDz(mv.dz);
        const mine = judge.judgeNeuron()!;
        expect(mine.move.deltaC).toBe(server.deltaC);
        expect(mine.predicted).toBe(server.predicted);
        expect(mine.quality).toBe(server.quality);
        expect(mine.points).toBe(server.points);
        expect(mine.reason).toBe(server.reason);
        expect(mine.best?.deltaC).toBe(server.bestDeltaC);
      }
      const reveal = await room.command({ type: 'endRound' }).then(() => room.lastReveal!);
      expect(judge.roundKey().best).toMatchObject(reveal.best);
      expect({ ...judge.roundKey().gradient }).toMatchObject({
        l: reveal.gradient.l,
        j: reveal.gradient.j,
        dz: reveal.gradient.dz,
        deltaC: reveal.gradient.deltaC,
      });
      await room.onDispose();
      await store.close();
    });
  }
});
