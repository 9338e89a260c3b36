import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NICKNAME_MAX } from '#shared/protocol/codes';
import type { PlayerWelcome } from '#shared/protocol/views';
import {
  type Client,
  type Created,
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

let server: TestServer;
let offset = 0;
const sockets: Client[] = [];
let c: Created;
let host: Client;
let ada: Client;
let adaWelcome: PlayerWelcome;

async function client(): Promise<Client> {
  const s = await connect(server.url);
  sockets.push(s);
  return s;
}

/** Sends a bad input and checks its error code and that the session did not change. */
async function refused(
  socket: Client,
  event: string,
  payload: unknown,
  code: string,
): Promise<void> {
  const before = await hostSnapshot(server.url, c.code, c.hostToken);
  const r = await call(socket, event, payload);
  expect(r, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code } });
  if (!r.ok) {
    expect(r.error.message.length).toBeGreaterThan(0);
    expect(r.error.message).not.toMatch(/\bat .*\.ts:\d+/);
  }
  expect(await hostSnapshot(server.url, c.code, c.hostToken)).toEqual(before);
}

beforeAll(async () => {
  server = await startServer({ now: () => Date.now() + offset });
  c = await createSession(server.url, {
    sizes: [2, 3, 1],
    eps: 1,
    rounds: 3,
    secondsPerRound: 30,
    lateJoin: false,
  });
  host = await client();
  await ok(host, 'host:join', { code: c.code, token: c.hostToken });
  ada = await client();
  adaWelcome = await ok<PlayerWelcome>(ada, 'player:join', { code: c.code, nickname: 'Ada' });
});
afterAll(async () => {
  closeAll(sockets);
  await server?.close();
});

describe('every bad input gets a clear error and changes nothing', () => {
  it('joins', async () => {
    const s = await client();
    await refused(s, 'player:join', { code: '12345', nickname: 'x' }, 'BAD_PAYLOAD');
    await refused(
      s,
      'player:join',
      { code: c.code === '000000' ? '000001' : '000000', nickname: 'x' },
      'NOT_FOUND',
    );
    await refused(s, 'player:join', { code: c.code }, 'BAD_PAYLOAD');
    await refused(s, 'player:join', { code: c.code, nickname: '   ' }, 'NICKNAME_INVALID');
    await refused(
      s,
      'player:join',
      { code: c.code, nickname: 'x'.repeat(NICKNAME_MAX + 1) },
      'NICKNAME_INVALID',
    );
    await refused(
      s,
      'player:join',
      { code: c.code, nickname: 'bad\u0007bell' },
      'NICKNAME_INVALID',
    );
    await refused(
      s,
      'player:join',
      { code: c.code, nickname: 'rtl\u202Eevil' },
      'NICKNAME_INVALID',
    );
    await refused(s, 'player:join', { code: c.code, nickname: '  aDA ' }, 'NICKNAME_TAKEN');
    await refused(s, 'player:join', { code: c.code, nickname: 'Gradient Demon' }, 'NICKNAME_TAKEN');
    await refused(s, 'player:join', { code: c.code, nickname: 'Bea', extra: 1 }, 'BAD_PAYLOAD');
    // NICKNAME_MAX characters after trimming is fine; so is an emoji with a joiner.
    const okMax = await call(s, 'player:join', {
      code: c.code,
      nickname: `  ${'é'.repeat(NICKNAME_MAX)}  `,
    });
    expect(okMax.ok).toBe(true);
    await refused(s, 'player:join', { code: c.code, nickname: 'Again' }, 'ALREADY_JOINED');
    const emoji = await client();
    expect((await call(emoji, 'player:join', { code: c.code, nickname: '👩‍🔬 Marie' })).ok).toBe(
      true,
    );
  });

  it('a locked lobby', async () => {
    await ok(host, 'host:lock');
    const s = await client();
    await refused(s, 'player:join', { code: c.code, nickname: 'Locked' }, 'LOBBY_LOCKED');
    await ok(host, 'host:unlock');
    expect((await call(s, 'player:join', { code: c.code, nickname: 'Locked' })).ok).toBe(true);
  });

  it('moves before the round, and host commands from a player', async () => {
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.1 }, 'ROUND_CLOSED');
    for (const e of [
      'host:start',
      'host:pause',
      'host:resume',
      'host:skip',
      'host:endRound',
      'host:next',
      'host:lock',
      'host:unlock',
      'host:end',
    ])
      await refused(ada, e, {}, 'FORBIDDEN');
    await refused(ada, 'host:extend', { seconds: 30 }, 'FORBIDDEN');
    await refused(ada, 'host:kick', { playerId: adaWelcome.playerId }, 'FORBIDDEN');
    const stranger = await client();
    await refused(stranger, 'host:start', {}, 'NOT_JOINED');
    await refused(stranger, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.1 }, 'NOT_JOINED');
    await refused(host, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.1 }, 'FORBIDDEN');
    await refused(host, 'host:next', {}, 'WRONG_PHASE');
    await refused(host, 'host:pause', {}, 'WRONG_PHASE');
    await refused(host, 'host:start', { now: true }, 'BAD_PAYLOAD');
    await refused(host, 'host:kick', { playerId: 'nobody' }, 'NO_SUCH_PLAYER');
  });

  it('moves in a round: layer, neuron, budget, finiteness, twice, late, paused; late join off', async () => {
    const started = next(ada, 'round:started');
    await ok(host, 'host:start');
    await started;
    const late = await client();
    await refused(late, 'player:join', { code: c.code, nickname: 'Latecomer' }, 'LATE_JOIN_CLOSED');
    await refused(ada, 'move:submit', { round: 2, l: 1, j: 0, dz: 0.1 }, 'ROUND_CLOSED');
    await refused(ada, 'move:submit', { round: 1, l: 0, j: 0, dz: 0.1 }, 'BAD_LAYER');
    await refused(ada, 'move:submit', { round: 1, l: 3, j: 0, dz: 0.1 }, 'BAD_LAYER');
    await refused(ada, 'move:submit', { round: 1, l: -1, j: 0, dz: 0.1 }, 'BAD_LAYER');
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 3, dz: 0.1 }, 'BAD_NEURON');
    await refused(ada, 'move:submit', { round: 1, l: 2, j: -1, dz: 0.1 }, 'BAD_NEURON');
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: 1.0001 }, 'OUT_OF_BUDGET');
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: -2 }, 'OUT_OF_BUDGET');
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: Number.NaN }, 'NOT_FINITE');
    await refused(
      ada,
      'move:submit',
      { round: 1, l: 1, j: 0, dz: Number.POSITIVE_INFINITY },
      'NOT_FINITE',
    );
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: null }, 'NOT_FINITE');
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: '0.5' }, 'BAD_PAYLOAD');
    await refused(ada, 'move:submit', { round: 1, l: 1.5, j: 0, dz: 0.5 }, 'BAD_PAYLOAD');
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 0 }, 'BAD_PAYLOAD');
    await refused(
      ada,
      'move:submit',
      { round: 1, l: 1, j: 0, dz: 0.5, points: 1000 },
      'BAD_PAYLOAD',
    );
    await refused(ada, 'move:submit', 'l=1', 'BAD_PAYLOAD');
    await refused(host, 'host:extend', { seconds: 1 }, 'BAD_PAYLOAD');
    await refused(host, 'host:extend', { seconds: '30' }, 'BAD_PAYLOAD');

    await ok(host, 'host:pause');
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.5 }, 'ROUND_CLOSED');
    await ok(host, 'host:resume');
    expect((await call(ada, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.5 })).ok).toBe(true);
    await refused(ada, 'move:submit', { round: 1, l: 1, j: 1, dz: -0.5 }, 'ALREADY_MOVED');

    // Far past the deadline a move is late, even if the timer has not fired.
    const bea = sockets.find((s) => s !== ada && s !== host && s.connected)!;
    offset = 40_000;
    await refused(bea, 'move:submit', { round: 1, l: 1, j: 0, dz: 0.5 }, 'ROUND_CLOSED');
    offset = 0;
  });

  it('after the session ends, commands and joins are refused', async () => {
    await ok(host, 'host:end');
    await refused(host, 'host:start', {}, 'SESSION_ENDED');
    const s = await client();
    await refused(s, 'player:join', { code: c.code, nickname: 'After' }, 'SESSION_ENDED');
  });
});
