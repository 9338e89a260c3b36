import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EmptyPayload, ExtendPayload } from '#shared/protocol/schemas';
import type { PlayerWelcome } from '#shared/protocol/views';
import {
  type Client,
  call,
  closeAll,
  connect,
  createSession,
  hostSnapshot,
  next,
  ok,
  startServer,
  type TestServer,
} from './helpers.ts';

const RUNS = 2000;
const HOST_EVENTS = [
  'host:start',
  'host:pause',
  'host:resume',
  'host:extend',
  'host:skip',
  'host:endRound',
  'host:next',
  'host:kick',
  'host:lock',
  'host:unlock',
  'host:end',
];

const anything = fc.anything({
  maxDepth: 3,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
});
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2),
);
/** Moves that look right but break at least one rule: layer, neuron, budget, round or type. */
const often = <T>(likely: fc.Arbitrary<T>, ...rest: fc.Arbitrary<unknown>[]) =>
  fc.oneof(
    { arbitrary: likely as fc.Arbitrary<unknown>, weight: 6 },
    ...rest.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );
const nearMove = fc
  .record({
    round: often(fc.constant(1), fc.integer({ min: -5, max: 5 }), number, fc.string()),
    l: often(fc.integer({ min: 1, max: 2 }), fc.integer({ min: -3, max: 5 }), number, fc.string()),
    j: often(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -3, max: 6 }), number),
    dz: often(fc.double({ min: -3, max: 3, noNaN: true }), number, fc.constant(null), fc.string()),
    extra: fc.option(anything, { nil: undefined, freq: 8 }),
  })
  .filter((m) => {
    const valid =
      m.round === 1 &&
      [1, 2].includes(m.l as number) &&
      Number.isInteger(m.j) &&
      (m.j as number) >= 0 &&
      (m.j as number) < (m.l === 1 ? 3 : 1) &&
      typeof m.dz === 'number' &&
      Math.abs(m.dz) <= 1 &&
      m.extra === undefined;
    return !valid;
  });

/** The payload as the server receives it: JSON drops undefined keys, Maps become {}, and so on. */
function onTheWire(p: unknown): unknown {
  if (ArrayBuffer.isView(p) || p instanceof ArrayBuffer) return p;
  try {
    return JSON.parse(JSON.stringify([p]))[0];
  } catch {
    return p;
  }
}

let server: TestServer;
const sockets: Client[] = [];
afterAll(async () => {
  closeAll(sockets);
  await server?.close();
});

/** Sends every payload, 100 at a time, and returns the error codes seen (an ok ack fails the test). */
async function barrage(socket: Client, event: string, payloads: unknown[]): Promise<Set<string>> {
  const codes = new Set<string>();
  for (let i = 0; i < payloads.length; i += 100) {
    const rs = await Promise.all(payloads.slice(i, i + 100).map((p) => call(socket, event, p)));
    for (const [k, r] of rs.entries()) {
      if (r.ok) throw new Error(`${event} accepted ${fc.stringify(payloads[i + k])}`);
      codes.add(r.error.code);
      expect(typeof r.error.message).toBe('string');
    }
  }
  return codes;
}

describe('fuzz: thousands of random payloads per event', () => {
  it('leave the server up and the session unchanged', async () => {
    server = await startServer({
      limits: {
        joinsPerMinute: 100_000,
        joinFailuresPerMinute: 100_000,
        eventsPerSecond: 100_000,
        eventBurst: 100_000,
      },
    });
    const c = await createSession(server.url, {
      sizes: [2, 3, 1],
      eps: 1,
      rounds: 2,
      secondsPerRound: 600,
    });
    const host = await connect(server.url);
    const player = await connect(server.url);
    const stranger = await connect(server.url);
    sockets.push(host, player, stranger);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const me = await ok<PlayerWelcome>(player, 'player:join', { code: c.code, nickname: 'Target' });
    const started = next(player, 'round:started');
    await ok(host, 'host:start');
    await started;
    const before = await hostSnapshot(server.url, c.code, c.hostToken);

    const sample = <T>(arb: fc.Arbitrary<T>, seed: number) =>
      fc.sample(arb, { numRuns: RUNS, seed });
    const seen: Record<string, Set<string>> = {};
    seen['move:submit'] = await barrage(player, 'move:submit', [
      ...sample(anything, 1),
      ...sample(nearMove, 2),
    ]);
    for (const [i, e] of ['player:join', 'player:resume', 'host:join'].entries())
      seen[e] = await barrage(stranger, e, sample(anything, 10 + i));
    for (const [i, e] of HOST_EVENTS.entries()) {
      const schema = e === 'host:extend' ? ExtendPayload : EmptyPayload;
      const invalid = sample(anything, 100 + i).filter(
        (p) => !schema.safeParse(onTheWire(p)).success,
      );
      seen[e] = await barrage(host, e, invalid);
      await barrage(player, e, sample(anything, 200 + i).slice(0, 200));
    }
    // Unknown events and events without an ack are ignored.
    for (const p of sample(anything, 999).slice(0, 300)) {
      (player as unknown as { emit(e: string, p: unknown): void }).emit('move:submit', p);
      (player as unknown as { emit(e: string, p: unknown): void }).emit('admin:grantPoints', p);
    }

    expect([...seen['move:submit']!].sort()).toEqual(
      expect.arrayContaining([
        'BAD_LAYER',
        'BAD_NEURON',
        'BAD_PAYLOAD',
        'NOT_FINITE',
        'OUT_OF_BUDGET',
        'ROUND_CLOSED',
      ]),
    );
    for (const e of HOST_EVENTS)
      expect([...seen[e]!]).toEqual(expect.arrayContaining(['BAD_PAYLOAD']));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await hostSnapshot(server.url, c.code, c.hostToken)).toEqual(before);

    // The session still works: the fuzzed player makes a real move and gets it scored.
    const r = await call<{ points: number; score: number }>(player, 'move:submit', {
      round: 1,
      l: 2,
      j: 0,
      dz: 0.5,
    });
    expect(r.ok).toBe(true);
    const projector = await connect(server.url);
    sockets.push(projector);
    const hw = await ok<{ players: { id: string; answered: boolean }[] }>(projector, 'host:join', {
      code: c.code,
      token: c.hostToken,
    });
    expect(hw.players.find((p) => p.id === me.playerId)?.answered).toBe(true);
  });
});
