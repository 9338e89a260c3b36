import { ErrorCode } from '#shared/protocol/codes';
import { metrics } from '../metrics.ts';
import type { PostgresStore } from '../persistence/postgres.ts';
import { StoreError } from '../persistence/store.ts';
import { RoomError, refuse } from '../rooms/errors.ts';
import type { Registry } from '../rooms/registry.ts';
import { localOps, type SessionOps } from '../socket/sessionOps.ts';
import type { BusReply, BusRequest, NodeBus } from './bus.ts';
import type { LeaseBook } from './leases.ts';

/**
 * How long a forwarded call may wait for the owner's answer before the client
 * hears UNAVAILABLE: a move only waits for its commit; a host command may
 * wait for the round's heavy work (training, the best-move search) to finish.
 */
const CALL_TIMEOUT_MS = { move: 8000, other: 60_000 };
/** The reply of a node that does not (or no longer) run the session: look the owner up again. */
const NOT_HERE = 'NOT_HERE';
const MOVING = 'this session is moving to another server: try again in a moment';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type OpName = Exclude<keyof SessionOps, 'join' | 'hostJoin'>;

/**
 * The session ops of a cluster node: a session this node owns is answered
 * here; any other is forwarded to its owner over the bus, and the answer (an
 * ack's data, sent by the owner only after its commit) comes back. A join by
 * code finds the session in Postgres first.
 */
export class Forwarder {
  readonly ops: SessionOps;
  private readonly local: SessionOps;
  /** Owner of each session as last seen (moved notices and failed calls correct it). */
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly registry: Registry,
    private readonly store: PostgresStore,
    private readonly leases: LeaseBook,
    private readonly bus: () => NodeBus,
  ) {
    this.local = localOps(registry);
    const route =
      <K extends OpName>(name: K) =>
      (...args: Parameters<SessionOps[K]>) =>
        this.route(args[0], name, args) as ReturnType<SessionOps[K]>;
    this.ops = {
      join: async (code, nickname) =>
        this.route(await this.sessionOf(code), 'join', [code, nickname]),
      hostJoin: async (hostId, code, joinUrl) =>
        this.route(await this.sessionOf(code), 'hostJoin', [hostId, code, joinUrl]),
      resume: route('resume'),
      move: route('move'),
      command: route('command'),
      kick: route('kick'),
      extraTime: route('extraTime'),
      presence: route('presence'),
      checkSheet: route('checkSheet'),
      checkAnswer: route('checkAnswer'),
    };
  }

  /** The owner moved (a takeover or a handover elsewhere). */
  moved(sessionId: string, owner: string): void {
    this.owners.set(sessionId, owner);
  }

  private here(sessionId: string): boolean {
    return !!this.registry.get(sessionId) && this.leases.epochOf(sessionId) !== undefined;
  }

  private async sessionOf(code: string): Promise<string> {
    const room = this.registry.byCode(code);
    if (room && this.here(room.id)) return room.id;
    const id = await this.store.sessionByCode(code).catch(() => {
      refuse(ErrorCode.Unavailable, 'the database did not answer: try again in a moment');
    });
    return id ?? refuse(ErrorCode.NotFound, 'no session has that code');
  }

  private async route(sessionId: string, method: string, args: unknown[]): Promise<never> {
    for (let attempt = 0; attempt < 6; attempt++) {
      if (this.here(sessionId)) return this.runLocal(method, args) as Promise<never>;
      let owner = this.owners.get(sessionId);
      if (!owner) {
        owner = await this.leases.ownerOf(sessionId).catch(() => undefined);
        if (owner) this.owners.set(sessionId, owner);
      }
      if (!owner || owner === this.leases.nodeId) {
        this.owners.delete(sessionId);
        // An ended session that has left memory has no owner, and gets none.
        if (await this.store.hasEnded(sessionId).catch(() => false))
          refuse(ErrorCode.SessionEnded, 'that session has ended');
        // Nobody holds it right now: a takeover is under way (well within the lease's TTL).
        await sleep(250 * (attempt + 1));
        continue;
      }
      if (method === 'move') metrics.forwardedMoves.inc();
      let reply: BusReply;
      try {
        const timeout = method === 'move' ? CALL_TIMEOUT_MS.move : CALL_TIMEOUT_MS.other;
        reply = await this.bus().call(owner, { method, args }, timeout);
      } catch {
        this.owners.delete(sessionId);
        refuse(ErrorCode.Unavailable, MOVING);
      }
      if (reply.ok) return reply.data as never;
      if (reply.code === NOT_HERE) {
        this.owners.delete(sessionId);
        continue;
      }
      refuse(reply.code as ErrorCode, reply.message);
    }
    refuse(ErrorCode.Unavailable, MOVING);
  }

  private runLocal(method: string, args: unknown[]): Promise<unknown> {
    const f = this.local[method as keyof SessionOps] as (...a: unknown[]) => Promise<unknown>;
    if (typeof f !== 'function') refuse(ErrorCode.BadPayload, `no such call ${method}`);
    return f(...args);
  }

  /** A call forwarded to this node: answered if the session runs here, else NOT_HERE. */
  async answer(req: BusRequest): Promise<BusReply> {
    const args = Array.isArray(req.args) ? req.args : [];
    const first = String(args[0] ?? '');
    const sessionId =
      req.method === 'join'
        ? this.registry.byCode(first)?.id
        : req.method === 'hostJoin'
          ? this.registry.byCode(String(args[1] ?? ''))?.id
          : first;
    if (!sessionId || !this.here(sessionId))
      return { ok: false, code: NOT_HERE, message: 'not on this node' };
    try {
      return { ok: true, data: await this.runLocal(req.method, args) };
    } catch (e) {
      if (e instanceof RoomError) return { ok: false, code: e.code, message: e.message };
      if (e instanceof StoreError)
        return { ok: false, code: ErrorCode.Unavailable, message: MOVING };
      return { ok: false, code: ErrorCode.Internal, message: 'the server could not do that' };
    }
  }
}
