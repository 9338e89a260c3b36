import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Phase } from '#shared/protocol/codes';
import type { Log } from '../log.ts';
import { metrics } from '../metrics.ts';
import type { PostgresStore } from '../persistence/postgres.ts';
import type { LoadedSession } from '../persistence/store.ts';
import { pauseClock } from '../rooms/phase.ts';
import type { Registry } from '../rooms/registry.ts';
import { channel, type GameServer } from '../socket/output.ts';
import type { SessionOps } from '../socket/sessionOps.ts';
import { type BusRequest, NodeBus } from './bus.ts';
import { Forwarder } from './forward.ts';
import { LEASE_TTL_MS, LeaseBook, RENEW_EVERY_MS } from './leases.ts';
import { type Placed, Placement } from './placement.ts';

/** How often a node looks for sessions whose owner is gone. */
const SCAN_EVERY_MS = 500;

export interface ClusterOptions {
  store: PostgresStore;
  redisUrl: string;
  nodeId: string;
  log: Log;
}

/**
 * One node of a cluster (REDIS_URL set): socket.io's Redis Streams adapter
 * carries every room's emits to the sockets on all nodes; each session has
 * one owner under a lease (leases.ts) whose epoch the store checks on every
 * write; calls reaching another node are forwarded (forward.ts); sessions
 * whose owner died are taken over and restored as after a restart. Rooms
 * know nothing of this: it is wiring around the registry.
 */
export class ClusterNode {
  readonly leases: LeaseBook;
  readonly nodeId: string;
  private registry!: Registry;
  private io!: GameServer;
  private bus!: NodeBus;
  private forwarder!: Forwarder;
  private placement!: Placement;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly adapterClient: Redis;
  private scanning = false;
  /** When the leases were last renewed: a node cut off from Postgres for a whole lease lets its sessions go. */
  private renewedAt = Date.now();
  private renewing = false;
  draining = false;

  constructor(private readonly opts: ClusterOptions) {
    this.nodeId = opts.nodeId;
    this.leases = new LeaseBook(opts.store.pool, opts.nodeId);
    opts.store.setFence((id) => this.leases.epochOf(id));
    this.adapterClient = new Redis(opts.redisUrl);
    this.adapterClient.on('error', () => {});
  }

  /** The registry's hooks: a new session's lease is taken before its row is written. */
  registryHooks() {
    return {
      beforeCreate: async (id: string) => {
        await this.leases.claimNew(id);
      },
      onDropped: (id: string) => this.leases.forget(id),
    };
  }

  /** Wires the node into the app: the adapter, the bus, the loops. Returns the socket layer's ops. */
  async attach(io: GameServer, registry: Registry): Promise<SessionOps> {
    this.io = io;
    this.registry = registry;
    io.adapter(createAdapter(this.adapterClient));
    this.forwarder = new Forwarder(registry, this.opts.store, this.leases, () => this.bus);
    this.placement = new Placement(this.opts.store.pool, this.nodeId, () => registry.size());
    this.bus = new NodeBus(
      this.opts.redisUrl,
      this.nodeId,
      (req) => this.answer(req),
      (req) => this.noted(req),
    );
    await this.bus.ready();
    await this.placement.beat(this.draining).catch(() => {});
    this.every(RENEW_EVERY_MS, () => this.renew());
    this.every(SCAN_EVERY_MS, () => this.scan());
    this.every(RENEW_EVERY_MS, () => this.placement.beat(this.draining));
    return this.forwarder.ops;
  }

  private every(ms: number, job: () => Promise<unknown>): void {
    const t = setInterval(() => {
      job().catch(() => {});
    }, ms);
    t.unref();
    this.timers.push(t);
  }

  private log(event: string, fields: Record<string, unknown>): void {
    this.opts.log(event, fields);
  }

  /** Where a new session goes: another, less loaded node (the host's request is forwarded), or null for here. */
  async place(input: unknown, hostToken: string | undefined): Promise<Placed | null> {
    const target = await this.placement.pick(this.draining).catch(() => null);
    if (!target || target === this.nodeId) return null;
    const reply = await this.bus
      .call(target, { method: 'create', args: [input, hostToken] }, 4000)
      .catch(() => null);
    // The other node is gone or refused: made here instead (unless this node is draining).
    if (!reply?.ok) return null;
    return reply.data as Placed;
  }

  private async answer(req: BusRequest) {
    if (req.method === 'create') {
      const [input, token] = Array.isArray(req.args) ? req.args : [];
      try {
        const { room, hostToken, settings } = await this.registry.create(
          input,
          typeof token === 'string' ? token : undefined,
        );
        const data: Placed = { sessionId: room.id, code: room.code, hostToken, settings };
        return { ok: true as const, data };
      } catch (e) {
        return { ok: false as const, code: 'INTERNAL', message: String(e) };
      }
    }
    return this.forwarder.answer(req);
  }

  private noted(req: BusRequest): void {
    const a = (req.args ?? {}) as { sessionId?: string; owner?: string };
    if (req.method === 'moved' && a.sessionId && a.owner) {
      this.forwarder.moved(a.sessionId, a.owner);
      if (a.owner !== this.nodeId) {
        // An old owner that missed its loss (paused, cut off) lets the room go at once.
        if (this.registry.get(a.sessionId) && this.leases.epochOf(a.sessionId) === undefined)
          void this.registry.release(a.sessionId, false);
        this.reconnect(a.sessionId);
      }
    }
    // A node handed sessions over: take them now rather than at the next scan.
    if (req.method === 'released' && a.owner !== this.nodeId) void this.scan();
  }

  /**
   * Closes this node's connections of a session that changed owner: the
   * clients reconnect (to any node) and resume with their tokens, getting
   * the state from the new owner.
   */
  private reconnect(sessionId: string): void {
    const ids = this.io.of('/').adapter.rooms.get(channel.all(sessionId));
    for (const id of ids ?? []) this.io.of('/').sockets.get(id)?.conn.close();
  }

  private async renew(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    try {
      const lost = await this.leases.renew();
      this.renewedAt = Date.now();
      for (const id of lost) await this.letGo(id);
    } catch (e) {
      metrics.leaseRenewFailures.inc();
      this.log('store_error', { where: 'lease_renew', message: String(e) });
      // Past a whole lease without renewing, another node may own them once Postgres is back.
      if (Date.now() - this.renewedAt > LEASE_TTL_MS)
        for (const id of this.leases.owned()) await this.letGo(id);
    } finally {
      this.renewing = false;
    }
  }

  /** A session whose lease this node lost: dropped from memory unwritten, its connections sent elsewhere. */
  private async letGo(id: string): Promise<void> {
    metrics.leaseRenewFailures.inc();
    this.leases.forget(id);
    this.log('lease_lost', { sessionId: id });
    await this.registry.release(id, false);
    this.reconnect(id);
  }

  /** Takes over sessions whose lease lapsed, a few at a time, if this node is not draining. */
  private async scan(): Promise<void> {
    if (this.scanning || this.draining) return;
    this.scanning = true;
    try {
      // A node busier than the least busy one leaves the orphans to it.
      if (!(await this.placement.mayTake())) return;
      for (const id of await this.leases.orphans(4)) {
        const lease = await this.leases.takeOver(id);
        if (!lease) continue;
        const loaded = await this.opts.store.loadSession(id);
        if (!loaded || loaded.session.endedAt !== null) {
          this.leases.forget(id);
          continue;
        }
        await this.registry.adopt(ownerless(loaded, lease.ownerlessMs ?? 0));
        metrics.takeovers.inc();
        this.log('takeover', { sessionId: id, epoch: lease.epoch, ownerlessMs: lease.ownerlessMs });
        this.bus.notify({ method: 'moved', args: { sessionId: id, owner: this.nodeId } });
      }
    } catch (e) {
      this.log('store_error', { where: 'takeover', message: String(e) });
    } finally {
      this.scanning = false;
    }
  }

  /** Stops taking sessions and hands every owned one over (their clocks saved stopped). */
  async drain(): Promise<void> {
    this.draining = true;
    await this.placement.beat(true).catch(() => {});
    for (const id of this.registry.ids()) {
      await this.registry.release(id, true).catch(() => {});
      await this.leases.release(id).catch(() => {});
      this.reconnect(id);
    }
    this.bus.notify({ method: 'released', args: { owner: this.nodeId } });
    this.log('drained', {});
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.placement.leave().catch(() => {});
    await this.bus.close();
    this.adapterClient.disconnect();
  }
}

/**
 * A session whose owner died mid-round: its clock stopped when the owner was
 * last alive, so that onRestore runs it on from there — the time nobody
 * could move is given back, and no round closes early.
 */
function ownerless(loaded: LoadedSession, ownerlessMs: number): LoadedSession {
  const s = loaded.session.state;
  if (s.phase !== Phase.Question || !s.clock || s.clock.deadline === null) return loaded;
  const clock = pauseClock(s.clock, Date.now() - ownerlessMs);
  return { ...loaded, session: { ...loaded.session, state: { ...s, clock } } };
}
