// `npm run bench:cluster`: the cluster on this machine. Its own Postgres and
// Redis (tests/support), then
//  1. move→ack at the same player count on 1 node and on 3 nodes (every
//     player on a random node, all moving within one second of a round);
//  2. chaos on 3 nodes: rooms play round after round while, again and again,
//     a room's owner is killed with SIGKILL mid-round and restarted; players
//     and hosts reconnect to a random live node, resume with their tokens and
//     resend unacked moves with the same move id. At the end every acked move
//     is looked up in Postgres: lost = acked but missing (or with other
//     points), doubled = one move scored twice (a retry answered with a new score).
// Last line: cluster: nodes 3, players N, kills K, acked A, lost 0, doubled 0, takeover p50 X s p99 Y s, move p99 Z ms
import { io as connectClient, type Socket } from 'socket.io-client';
import { startCluster, type TestCluster } from '../support/cluster.ts';

const PLAYERS = Number(process.env['CLUSTER_PLAYERS'] ?? 240);
const ROOMS = Number(process.env['CLUSTER_ROOMS'] ?? 6);
const KILLS = Number(process.env['CLUSTER_KILLS'] ?? 10);
const LOAD_ROUNDS = 3;
const PER_ROOM = Math.ceil(PLAYERS / ROOMS);

type Ack = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
};

function open(url: string): Promise<Socket> {
  const s = connectClient(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      s.close();
      reject(new Error('connect timeout'));
    }, 5000);
    s.once('connect', () => {
      clearTimeout(t);
      resolve(s);
    });
    s.once('connect_error', (e) => {
      clearTimeout(t);
      s.close();
      reject(e);
    });
  });
}

const send = (s: Socket, event: string, payload: unknown): Promise<Ack | null> =>
  s
    .timeout(10_000)
    .emitWithAck(event, payload)
    .catch(() => null) as Promise<Ack | null>;

/** A connection that comes back (to a random live node) and re-runs its join when cut. */
class Link {
  socket: Socket | null = null;
  constructor(
    private readonly cluster: TestCluster,
    private readonly join: (s: Socket) => Promise<Ack | null>,
  ) {}
  async ensure(): Promise<Socket> {
    let last = '';
    for (let i = 0; ; i++) {
      if (this.socket?.connected) return this.socket;
      const live = this.cluster.nodes.filter((n) => n.proc?.child.exitCode === null);
      const node = live[Math.floor(Math.random() * live.length)];
      try {
        const s = await open(node!.url);
        const r = await this.join(s);
        if (r?.ok) {
          this.socket = s;
          return s;
        }
        last = r ? JSON.stringify(r) : 'no answer';
        s.close();
      } catch (e) {
        // that node is going or gone: another one
        last = String(e);
      }
      if (i > 200) throw new Error(`could not (re)join: ${last}`);
      await sleep(200);
    }
  }
  /** Sends until the owner answers (UNAVAILABLE, timeouts and cut connections are retried). */
  async call(event: string, payload: unknown): Promise<Ack> {
    for (let i = 0; i < 200; i++) {
      const s = await this.ensure();
      const r = await send(s, event, payload);
      if (r && (r.ok || r.error.code !== 'UNAVAILABLE')) return r;
      if (!r) s.close();
      await sleep(150);
    }
    throw new Error(`${event} never answered`);
  }
}

interface Room {
  sessionId: string;
  host: Link;
  players: { link: Link; id: string }[];
}

async function makeRooms(cluster: TestCluster, rounds: number): Promise<Room[]> {
  const rooms: Room[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const res = await fetch(`${cluster.nodes[r % cluster.nodes.length]!.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rounds, secondsPerRound: 300, sgdSteps: 5 }),
    });
    const body = (await res.json()) as {
      data?: { sessionId: string; code: string; hostToken: string };
    };
    if (!body.data) throw new Error(`create failed: ${res.status} ${JSON.stringify(body)}`);
    const c = body.data;
    const host = new Link(cluster, (s) =>
      send(s, 'host:join', { code: c.code, token: c.hostToken }),
    );
    await host.ensure();
    const players: Room['players'] = [];
    for (let i = 0; i < PER_ROOM; i++) {
      let token = '';
      const p = { id: '', link: null as unknown as Link };
      p.link = new Link(cluster, async (s) => {
        const r = token
          ? await send(s, 'player:resume', { code: c.code, token })
          : await send(s, 'player:join', { code: c.code, nickname: `P${i}` });
        if (r?.ok && !token) {
          token = r.data['resumeToken'] as string;
          p.id = r.data['playerId'] as string;
        }
        return r;
      });
      await p.link.ensure();
      players.push(p);
    }
    rooms.push({ sessionId: c.sessionId, host, players });
  }
  return rooms;
}

interface Tally {
  latencies: number[];
  acked: Map<string, number>;
  doubled: number;
}

/** One round of a room: opened by the host, every player moves within a second, closed. */
async function playRound(room: Room, round: number, tally: Tally): Promise<void> {
  await room.host.call(round === 1 ? 'host:start' : 'host:next', {});
  await Promise.all(
    room.players.map(async (p, i) => {
      await sleep(Math.random() * 1000);
      const move = { round, l: 1, j: i % 2, dz: 0.2 + (i % 5) * 0.1, moveId: `${p.id}:${round}` };
      const t0 = performance.now();
      const r = await p.link.call('move:submit', move);
      if (!r.ok) return;
      tally.latencies.push(performance.now() - t0);
      const key = `${room.sessionId} ${round} ${p.id}`;
      const points = r.data['points'] as number;
      const before = tally.acked.get(key);
      if (before !== undefined && before !== points) tally.doubled++;
      tally.acked.set(key, points);
    }),
  );
  // Everyone moved, so the round closed itself; an endRound that finds it closed is refused, harmless.
  await room.host.call('host:endRound', {});
}

async function loadRun(nodes: number): Promise<number> {
  const cluster = await startCluster(nodes, { LOG_LEVEL: 'warn' });
  try {
    const rooms = await makeRooms(cluster, LOAD_ROUNDS);
    const tally: Tally = { latencies: [], acked: new Map(), doubled: 0 };
    for (let round = 1; round <= LOAD_ROUNDS; round++)
      await Promise.all(rooms.map((r) => playRound(r, round, tally)));
    const p99 = pct(tally.latencies, 0.99);
    console.log(
      `load: nodes ${nodes}, players ${ROOMS * PER_ROOM}, moves ${tally.latencies.length}, move→ack p50 ${pct(tally.latencies, 0.5).toFixed(1)} p99 ${p99.toFixed(1)} ms`,
    );
    return p99;
  } finally {
    for (const n of cluster.nodes)
      for (const l of n.proc?.lines ?? [])
        if (/"level":50/.test(l)) console.log(n.name, l.slice(0, 200));
    await cluster.close();
  }
}

async function chaos(): Promise<string> {
  const cluster = await startCluster(3, { LOG_LEVEL: 'warn' });
  try {
    const rounds = 30;
    const rooms = await makeRooms(cluster, rounds);
    const done = new Set<Room>();
    const tally: Tally = { latencies: [], acked: new Map(), doubled: 0 };
    let stop = false;
    const playing = rooms.map(async (room) => {
      for (let round = 1; !stop && round <= rounds; round++) await playRound(room, round, tally);
      done.add(room);
    });
    const takeovers: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      await sleep(1000 + Math.random() * 1500);
      const left = rooms.filter((r) => !done.has(r));
      if (!left.length) break;
      const room = left[Math.floor(Math.random() * left.length)]!;
      const owner = await cluster.ownerOf(room.sessionId);
      if (!owner) {
        k--;
        continue;
      }
      const t0 = Date.now();
      owner.kill('SIGKILL');
      await owner.proc!.exited;
      // A room that ended meanwhile is not taken over: it has nothing left to run.
      while (Date.now() - t0 < 30_000) {
        const o = await cluster.ownerOf(room.sessionId);
        if (o && o !== owner) break;
        await sleep(50);
      }
      takeovers.push((Date.now() - t0) / 1000);
      console.log(
        `kill ${k + 1}: ${owner.name} down, its rooms taken over in ${takeovers.at(-1)!.toFixed(2)} s`,
      );
      await owner.start();
    }
    stop = true;
    await Promise.all(playing);
    // Every acked move, looked up where the cluster keeps it.
    const rows = await cluster.sql<{ k: string; points: number }>(
      `SELECT session_id || ' ' || round || ' ' || player_id AS k, (result->>'points')::int AS points FROM moves`,
    );
    const stored = new Map(rows.map((r) => [r.k, r.points]));
    let lost = 0;
    for (const [k, points] of tally.acked) if (stored.get(k) !== points) lost++;
    const early = await cluster.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM rounds WHERE reveal->>'endedBy' = 'timer'`,
    );
    console.log(`chaos: rounds closed by the timer (none may close early): ${early[0]!.n}`);
    return `cluster: nodes 3, players ${ROOMS * PER_ROOM}, kills ${takeovers.length}, acked ${tally.acked.size}, lost ${lost}, doubled ${tally.doubled}, takeover p50 ${pct(takeovers, 0.5).toFixed(2)} s p99 ${pct(takeovers, 0.99).toFixed(2)} s, move p99 ${pct(tally.latencies, 0.99).toFixed(0)} ms`;
  } finally {
    await cluster.close();
  }
}

const one = await loadRun(1);
const three = await loadRun(3);
console.log(
  `load: 3-node p99 ${three.toFixed(1)} ms vs 1-node ${one.toFixed(1)} ms: ${(three / one).toFixed(2)}× (target < 2×: ${three < 2 * one ? 'met' : 'MISSED'})`,
);
console.log(await chaos());
process.exit(0);
