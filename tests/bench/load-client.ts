// The load generator, its own process: `rooms` sessions of `players` socket.io
// clients each (websocket transport), every player moving once a round at a
// random moment of the round's last second. Prints one JSON line of results.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { roundAndDeadline, WireClient } from './load-wire.ts';

export interface LoadConfig {
  url: string;
  target: 'game' | 'bare';
  rooms: number;
  players: number;
  rounds: number;
  seconds: number;
  /** Reveal shown this long before the host moves on. */
  revealMs: number;
  /** The whole run gives up after this. */
  timeoutMs: number;
}

export interface LoadResult {
  target: string;
  players: number;
  rooms: number;
  joins: number;
  sent: number;
  acked: number;
  lost: number;
  doubled: number;
  errors: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  seconds: number;
  completed: boolean;
  /** The generator's own event-loop delay: large values mean it, not the server, was the bottleneck. */
  generatorLagP99: number;
  generatorLagMax: number;
  generatorCpu: number;
  sentLate: number;
}

type Ack = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string } };

const cfg = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
const began = performance.now();
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const connect = (): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = io(cfg.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 60_000,
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const call = (s: Socket, event: string, payload: unknown): Promise<Ack> =>
  s
    .timeout(30_000)
    .emitWithAck(event, payload)
    .catch(() => ({ ok: false, error: { code: 'TIMEOUT' } }) as Ack);

async function inBatches<T>(n: number, size: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size)
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, k) => f(i + k)))),
    );
  return out;
}

interface RoomRun {
  code: string;
  sessionId: string;
  hostToken: string;
  host: Socket;
  players: { socket: WireClient; id: string; points: number }[];
  done: Promise<void>;
}

const latencies: number[] = [];
const errors: Record<string, number> = {};
let sent = 0;
/** Moves this generator itself sent after the deadline and its grace (it lagged). */
let sentLate = 0;
let lateRefused = 0;
let acked = 0;
let joins = 0;

async function createRoom(i: number): Promise<RoomRun> {
  const res = await fetch(`${cfg.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      dataset: 'digits',
      sizes: [25, 16, 16, 10],
      batchSize: 32,
      eps: 1,
      rounds: cfg.rounds,
      secondsPerRound: cfg.seconds,
      speedScoring: true,
      sgdSteps: 20,
      eta: 0.5,
      seed: i + 1,
    }),
  });
  const body = (await res.json()) as {
    data: { code: string; sessionId: string; hostToken: string };
  };
  const host = await connect();
  await call(host, 'host:join', { code: body.data.code, token: body.data.hostToken });
  return { ...body.data, host, players: [], done: Promise.resolve() };
}

/** A player moves once a round, at a random moment of the round's last second. */
function play(p: RoomRun['players'][number]): void {
  p.socket.on('round:started', (raw) => {
    const start = roundAndDeadline(raw);
    if (!start) return;
    const at = start.deadline - 1000 + Math.random() * 1000;
    setTimeout(
      async () => {
        const l = 1 + Math.floor(Math.random() * 3);
        const j = Math.floor(Math.random() * [25, 16, 16, 10][l]!);
        sent++;
        const late = Date.now() > start.deadline + 500;
        if (late) sentLate++;
        const t0 = performance.now();
        const r = (await p.socket.emitWithAck('move:submit', {
          round: start.round,
          l,
          j,
          dz: Math.random() * 2 - 1,
        })) as Ack;
        const ms = performance.now() - t0;
        if (r.ok) {
          latencies.push(ms);
          acked++;
          p.points += r.data['points'] as number;
        } else {
          errors[r.error.code] = (errors[r.error.code] ?? 0) + 1;
          // Sent after the deadline and its grace: refused as it should be, not lost.
          if (late && r.error.code === 'ROUND_CLOSED') lateRefused++;
        }
      },
      Math.max(0, at - Date.now()),
    );
  });
}

function drive(room: RoomRun): Promise<void> {
  return new Promise((resolve) => {
    room.host.on('round:ended', (msg: { round: number }) => {
      setTimeout(
        () => void call(room.host, 'host:next', {}),
        msg.round < cfg.rounds ? cfg.revealMs : 200,
      );
    });
    room.host.on('session:ended', () => resolve());
  });
}

function pct(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Moves the server kept: the report's rows (game) or its counters (bare). */
async function serverCount(rooms: RoomRun[]): Promise<{ kept: number; doubled: number }> {
  if (cfg.target === 'bare') {
    const s = (await (await fetch(`${cfg.url}/stats`)).json()) as {
      moves: number;
      doubled: number;
    };
    return { kept: s.moves, doubled: s.doubled };
  }
  let kept = 0;
  let doubled = 0;
  for (const room of rooms) {
    const res = await fetch(`${cfg.url}/api/sessions/${room.sessionId}/report`, {
      headers: { authorization: `Bearer ${room.hostToken}` },
    });
    const rep = (await res.json()) as {
      data: {
        rows: { playerId: string; round: number; moved: boolean; points: number; bot: boolean }[];
      };
    };
    const seen = new Set<string>();
    const pointsOf = new Map<string, number>();
    for (const row of rep.data.rows) {
      if (row.bot || !row.moved) continue;
      kept++;
      const key = `${row.playerId}:${row.round}`;
      if (seen.has(key)) doubled++;
      seen.add(key);
      pointsOf.set(row.playerId, (pointsOf.get(row.playerId) ?? 0) + row.points);
    }
    // A score above what the acks said means a move counted twice.
    for (const p of room.players) if ((pointsOf.get(p.id) ?? 0) > p.points) doubled++;
  }
  return { kept, doubled };
}

async function main(): Promise<void> {
  const rooms = await inBatches(cfg.rooms, 20, createRoom);
  await inBatches(cfg.rooms * cfg.players, 200, async (i) => {
    const room = rooms[i % cfg.rooms]!;
    const socket = await WireClient.connect(cfg.url);
    const r = (await socket.emitWithAck('player:join', {
      code: room.code,
      nickname: `p${Math.floor(i / cfg.rooms)}`,
    })) as Ack;
    if (!r.ok) {
      errors[`join:${r.error.code}`] = (errors[`join:${r.error.code}`] ?? 0) + 1;
      return;
    }
    joins++;
    const p = { socket, id: String(r.data['playerId']), points: 0 };
    room.players.push(p);
    play(p);
  });
  const done = rooms.map(drive);
  await Promise.all(rooms.map((r) => call(r.host, 'host:start', {})));
  const finished = await Promise.race([
    Promise.all(done).then(() => true),
    new Promise<boolean>((r) =>
      setTimeout(() => r(false), cfg.timeoutMs - (performance.now() - began)),
    ),
  ]);
  await new Promise((r) => setTimeout(r, 500));
  const { kept, doubled } = await serverCount(rooms).catch(() => ({ kept: 0, doubled: 0 }));
  latencies.sort((a, b) => a - b);
  const result: LoadResult = {
    target: cfg.target,
    players: cfg.rooms * cfg.players,
    rooms: cfg.rooms,
    joins,
    sent,
    acked,
    // Sent in time but not acknowledged, or acknowledged but not kept by the server.
    lost: sent - acked - lateRefused + Math.max(0, acked - kept),
    doubled,
    errors,
    p50: pct(latencies, 0.5),
    p95: pct(latencies, 0.95),
    p99: pct(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    seconds: (performance.now() - began) / 1000,
    completed: finished,
    generatorLagP99: lag.percentile(99) / 1e6,
    generatorLagMax: lag.max / 1e6,
    generatorCpu: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    sentLate,
  };
  console.log(JSON.stringify({ event: 'result', result }));
  for (const r of rooms) {
    r.host.disconnect();
    for (const p of r.players) p.socket.close();
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
