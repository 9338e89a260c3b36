import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoveResult, PlayerWelcome } from '#shared/protocol/views';
import { startCluster, type TestCluster } from '../support/cluster.ts';
import { startNginx, type TestNginx } from '../support/nginx.ts';
import { type Client, call, connect, createSession, ok } from './helpers.ts';

/**
 * The operator's view of a cluster: deploy/nginx.conf, as shipped, in front of
 * three nodes. A class reaches the nodes only through the proxy, with no
 * sticky sessions; the per-address limits are one count across the nodes.
 */
describe('three nodes behind the example nginx config', () => {
  let cluster: TestCluster;
  let proxy: TestNginx;
  const sockets: Client[] = [];
  const open = async (url: string) => {
    const s = await connect(url);
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    // Few wrong codes allowed per address, to see the count shared by the nodes.
    cluster = await startCluster(3, { JOIN_FAILURES_PER_MINUTE: '4' });
    proxy = await startNginx(cluster.nodes.map((n) => n.port));
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await proxy?.close();
    await cluster?.close();
  });

  it('plays a class through the proxy: every move acked once, the phones spread over the nodes', async () => {
    const c = await createSession(proxy.url, { rounds: 2, secondsPerRound: 120, seed: 5 });
    const host = await open(proxy.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const phones: Client[] = [];
    for (let i = 0; i < 12; i++) {
      const s = await open(proxy.url);
      await ok<PlayerWelcome>(s, 'player:join', { code: c.code, nickname: `S${i}` });
      phones.push(s);
    }
    // A phone on a network that blocks websockets: long polling, kept to one node by ip_hash.
    const polling = io(proxy.url, { transports: ['polling'], reconnection: false, forceNew: true });
    sockets.push(polling as unknown as Client);
    await new Promise<void>((r) => polling.once('connect', () => r()));
    await ok<PlayerWelcome>(polling as unknown as Client, 'player:join', {
      code: c.code,
      nickname: 'Polly',
    });
    await ok(host, 'host:start');
    const results = await Promise.all(
      [...phones, polling as unknown as Client].map((s, i) =>
        ok<MoveResult>(s, 'move:submit', { round: 1, l: 1, j: i % 2, dz: 0.25, moveId: `p-${i}` }),
      ),
    );
    expect(results).toHaveLength(13);
    const [count] = await cluster.sql<{ n: string }>(
      'SELECT count(*) AS n FROM moves WHERE session_id = (SELECT id FROM sessions WHERE code = $1)',
      [c.code],
    );
    expect(Number(count?.n)).toBe(13);
    // nginx's least_conn spread the class: more than one node served its connections.
    const served = await Promise.all(
      cluster.nodes.map(async (node) => (await fetch(`${node.url}/healthz`)).json()),
    );
    expect(
      served.filter((h: { connections?: number }) => (h.connections ?? 0) > 0).length,
    ).toBeGreaterThan(1);
  });

  it('counts wrong codes from one address across all the nodes', async () => {
    const tries: string[] = [];
    for (let i = 0; i < 6; i++) {
      // Straight to each node in turn, so no single node sees more than two.
      const s = await open(cluster.nodes[i % 3]!.url);
      const r = await call(s, 'player:join', { code: '000000', nickname: `G${i}` });
      tries.push(r.ok ? 'ok' : r.error.code);
    }
    expect(tries.slice(0, 4)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(tries.slice(4)).toEqual(['TOO_MANY_JOINS', 'TOO_MANY_JOINS']);
  });
});
