import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineWork } from '../../server/compute/inline.ts';
import { SqliteStore } from '../../server/persistence/sqlite.ts';
import { Room, type RoomOutput } from '../../server/rooms/room.ts';
import { resolveSettings } from '../../server/rooms/settings.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bd-room-'));
  dirs.push(dir);
  const file = path.join(dir, 'room.sqlite');
  const r = resolveSettings(
    { dataset: 'circle', sizes: [2, 4, 1], batchSize: 8, rounds: 3, sgdSteps: 25, eta: 1, seed: 9 },
    () => 1,
  );
  if (!r.ok) throw new Error(r.message);
  return { file, settings: r.settings };
}

const events: string[] = [];
const note = ((event: string) => {
  events.push(event);
}) as RoomOutput['toAll'];
const out: RoomOutput = {
  toAll: note,
  toHosts: note,
  kick: () => {},
};
const deps = (store: SqliteStore) => ({ store, log: () => {}, now: Date.now, work: inlineWork });
/** Waits (a few seconds at most) for what the room does after a command: its training, saved. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('a room stopped between a reveal and its training', () => {
  it('trains again after the restart, to the same network and loss', async () => {
    // A straight run: round 1 closes, the training runs, round 2 opens.
    const a = setup();
    const storeA = new SqliteStore(a.file);
    await storeA.createHost('h', 'x', 0);
    const straight = await Room.onCreate(deps(storeA), 's', '111111', 'h', a.settings);
    straight.attach(out);
    await straight.command({ type: 'start' });
    await straight.command({ type: 'endRound' });
    await until(() => straight.state.lossCurve.length === 2);
    expect(straight.state.lossCurve).toHaveLength(2);
    await straight.command({ type: 'next' });
    const round2 = JSON.stringify(straight.math!.wire);
    await straight.onDispose();
    await storeA.close();

    // The same session stopped right after the reveal, before its training ran.
    const b = setup();
    const storeB = new SqliteStore(b.file);
    await storeB.createHost('h', 'x', 0);
    const room = await Room.onCreate(deps(storeB), 's', '111111', 'h', b.settings);
    room.attach(out);
    await room.command({ type: 'start' });
    await room.command({ type: 'endRound' });
    expect(room.state.lossCurve).toHaveLength(1);
    await room.onDispose(true);
    await storeB.close();

    const storeC = new SqliteStore(b.file);
    const [loaded] = await storeC.activeSessions();
    const back = await Room.onRestore(deps(storeC), loaded!);
    // Only what the restored room sends counts from here: the straight run trained too.
    events.length = 0;
    back.attach(out);
    await until(() => back.state.lossCurve.length === 2);
    expect(back.state.lossCurve).toEqual(straight.state.lossCurve);
    await back.command({ type: 'next' });
    expect(JSON.stringify(back.math!.wire)).toBe(round2);
    expect(events).toContain('round:trained');
    await back.onDispose();
    await storeC.close();
  });
});
