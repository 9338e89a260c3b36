// The noisy neighbour, its own process: one room at the largest settings a host
// may choose (digits, [25,32,32,32,32,10], batch 64, 1000 SGD steps) skips
// round after round, so that its training and best-move searches never stop,
// while `rooms` small rooms of `players` each play on: every player moves once
// a round, and the room's host moves on once all have. Meanwhile /healthz is
// polled every 50 ms. Prints one JSON line: the other rooms' move→ack and the
// health check's latencies while the big room trained.
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export interface NoisyConfig {
  url: string;
  rooms: number;
  players: number;
  /** How many times the big room skips (each skip is 1000 SGD steps and a search). */
  skips: number;
}

export interface NoisyResult {
  moves: number;
  moveP50: number;
  moveP99: number;
  moveMax: number;
  health: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
  heavySkipMs: number[];
  errors: Record<string, number>;
}

type Ack = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string } };

const cfg = JSON.parse(process.argv[2] ?? '{}') as NoisyConfig;
const errors: Record<string, number> = {};
const connect = (): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = io(cfg.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const call = (s: Socket, event: string, payload?: unknown): Promise<Ack> =>
  s
    .timeout(60_000)
    .emitWithAck(event, payload ?? {})
    .catch(() => ({ ok: false, error: { code: 'TIMEOUT' } }) as Ack);
const count = (r: Ack) => {
  if (!r.ok) errors[r.error.code] = (errors[r.error.code] ?? 0) + 1;
};

async function session(settings: Record<string, unknown>) {
  const res = await fetch(`${cfg.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  const { data } = (await res.json()) as { data: { code: string; hostToken: string } };
  const host = await connect();
  count(await call(host, 'host:join', { code: data.code, token: data.hostToken }));
  return { code: data.code, host };
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function main(): Promise<void> {
  const moveMs: number[] = [];
  const healthMs: number[] = [];
  let running = true;
  const small: { code: string; host: Socket; players: Socket[] }[] = [];
  for (let r = 0; r < cfg.rooms; r++) {
    const room = await session({ rounds: 30, secondsPerRound: 600, seed: r + 1 });
    const players: Socket[] = [];
    for (let i = 0; i < cfg.players; i++) {
      const p = await connect();
      count(await call(p, 'player:join', { code: room.code, nickname: `P${i}` }));
      players.push(p);
    }
    small.push({ ...room, players });
  }
  const heavy = await session({
    dataset: 'digits',
    sizes: [25, 32, 32, 32, 32, 10],
    batchSize: 64,
    sgdSteps: 1000,
    rounds: 30,
    secondsPerRound: 600,
  });
  count(await call(heavy.host, 'host:start'));

  // Small rooms: everyone moves once a round, then the host moves on.
  const playSmall = async (room: (typeof small)[number]) => {
    count(await call(room.host, 'host:start'));
    for (let round = 1; running && round <= 30; round++) {
      await Promise.all(
        room.players.map(async (p, i) => {
          await new Promise((r) => setTimeout(r, Math.random() * 500));
          const t0 = performance.now();
          const a = await call(p, 'move:submit', { round, l: 1, j: i % 3, dz: 0.3 });
          if (running) moveMs.push(performance.now() - t0);
          count(a);
        }),
      );
      count(await call(room.host, 'host:next'));
    }
  };
  const poll = async () => {
    while (running) {
      const t0 = performance.now();
      const r = await fetch(`${cfg.url}/healthz`);
      await r.text();
      healthMs.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const smallDone = Promise.all(small.map(playSmall));
  const polled = poll();
  const skipMs: number[] = [];
  for (let k = 0; k < cfg.skips; k++) {
    const t0 = performance.now();
    count(await call(heavy.host, 'host:skip'));
    skipMs.push(performance.now() - t0);
  }
  running = false;
  await Promise.all([smallDone, polled]);
  const result: NoisyResult = {
    moves: moveMs.length,
    moveP50: pct(moveMs, 50),
    moveP99: pct(moveMs, 99),
    moveMax: Math.max(...moveMs),
    health: healthMs.length,
    healthP50: pct(healthMs, 50),
    healthP99: pct(healthMs, 99),
    healthMax: Math.max(...healthMs),
    heavySkipMs: skipMs.map(Math.round),
    errors,
  };
  process.stdout.write(`${JSON.stringify({ event: 'result', result })}\n`);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
