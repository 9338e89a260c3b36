import { createServer, type Server } from 'node:http';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What a node reports to Prometheus. One registry per process: a test that
 * starts several apps in one process shares it, a cluster node is a process.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** What the gauges read when scraped: each app registers one (tests may run several in one process). */
export interface GaugeSource {
  rooms(): number;
  players(): number;
}
const sources = new Set<GaugeSource>();

/** Counts an app's rooms and players in the gauges until the returned function is called. */
export function addGaugeSource(source: GaugeSource): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

const sum = (f: (s: GaugeSource) => number) => [...sources].reduce((n, s) => n + f(s), 0);

export const metrics = {
  roomsOwned: new Gauge({
    name: 'backprop_demon_rooms_owned',
    help: 'Sessions this node runs now (in a cluster: holds the lease of)',
    registers: [metricsRegistry],
    collect() {
      this.set(sum((s) => s.rooms()));
    },
  }),
  playersConnected: new Gauge({
    name: 'backprop_demon_players_connected',
    help: 'Player connections open on this node',
    registers: [metricsRegistry],
    collect() {
      this.set(sum((s) => s.players()));
    },
  }),
  moveAckSeconds: new Histogram({
    name: 'backprop_demon_move_ack_seconds',
    help: 'From a move reaching this node to its ack leaving, after the commit (forwarded moves included)',
    // Around the targets: 50 ms for one node at 2,000 players, 150 ms at 4,000.
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
    registers: [metricsRegistry],
  }),
  movesAcked: new Counter({
    name: 'backprop_demon_moves_acked_total',
    help: 'Moves acked by this node, after the commit (scored here, or by the owner it forwarded them to)',
    registers: [metricsRegistry],
  }),
  takeovers: new Counter({
    name: 'backprop_demon_takeovers_total',
    help: 'Sessions this node took over from another node (lease expired or handed over)',
    registers: [metricsRegistry],
  }),
  forwardedMoves: new Counter({
    name: 'backprop_demon_forwarded_moves_total',
    help: 'Moves that reached this node and were forwarded to the owner of their session',
    registers: [metricsRegistry],
  }),
  leaseRenewFailures: new Counter({
    name: 'backprop_demon_lease_renew_failures_total',
    help: 'Lease renewals that failed (database unreachable, or another node holds a newer epoch)',
    registers: [metricsRegistry],
  }),
  rateLimited: new Counter({
    name: 'backprop_demon_rate_limited_total',
    help: 'Requests and events refused by a rate limit, by kind',
    labelNames: ['kind'] as const,
    registers: [metricsRegistry],
  }),
};

/** The text Prometheus scrapes. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/**
 * Serves /metrics on its own port (METRICS_PORT, on METRICS_HOST, 127.0.0.1
 * unless set): the public port never shows it.
 */
export function metricsServer(): Server {
  return createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    metricsText().then(
      ({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType }).end(body),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics failed'),
    );
  });
}
