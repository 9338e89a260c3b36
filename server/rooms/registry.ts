import { ErrorCode, Phase } from '#shared/protocol/codes';
import type { SessionSettings } from '#shared/protocol/schemas';
import type { LoadedSession } from '../persistence/store.ts';
import { CodeTakenError } from '../persistence/store.ts';
import { refuse } from './errors.ts';
import { Room, type RoomDeps, type RoomOutput } from './room.ts';
import { hashToken, newCode, newId, newSeed, newToken } from './secrets.ts';
import { resolveSettings } from './settings.ts';

/** Codes tried for one new session before giving up (each taken only if another node just took it). */
const CODE_ATTEMPTS = 5;

/** How long an ended session stays in memory (its code then frees up; the report stays in the store). */
const ENDED_TTL_MS = 15 * 60_000;
/** A session still open a day after it was made is ended at the next start (its report stays). */
const STALE_MS = 24 * 3600_000;

export interface RegistryDeps extends RoomDeps {
  /** Builds the room's scoped output (the socket layer). */
  output: (room: Room) => RoomOutput;
  /** A lobby idle this long is ended (see Limits.lobbyIdleMs). */
  lobbyIdleMs: number;
  /** Runs before a new session is written under its id (a cluster takes the session's lease there). */
  beforeCreate?: (sessionId: string) => Promise<void>;
  /** Join codes to try (tests); random six-digit codes when absent. */
  newCode?: () => string;
  /** A session ended here (a cluster stops renewing its lease once it leaves memory). */
  onDropped?: (sessionId: string) => void;
}

/**
 * The rooms of this process, by code and by id. Keeping lookups here is what
 * would become a shared registry when rooms spread over several processes.
 */
export class Registry {
  private readonly roomsByCode = new Map<string, Room>();
  private readonly byId = new Map<string, Room>();
  private readonly retire = new Map<string, NodeJS.Timeout>();
  private readonly codesHeld = new Set<string>();
  /** Set on shutdown: no new joins or sessions. */
  draining = false;

  private readonly deps: RegistryDeps;

  constructor(deps: RegistryDeps) {
    // A room tells its registry when its session ends.
    this.deps = { ...deps, onEnded: (id) => this.ended(id) };
  }

  /** Brings back every session that had not ended when the server stopped (a day-old one is ended instead). */
  async restoreAll(): Promise<number> {
    const now = this.deps.now();
    for (const loaded of await this.deps.store.activeSessions()) {
      const { session } = loaded;
      const lastJoin = Math.max(session.createdAt, ...loaded.players.map((p) => p.joinedAt));
      const idleLobby =
        session.state.phase === Phase.Lobby && now - lastJoin > this.deps.lobbyIdleMs;
      if (now - session.createdAt > STALE_MS || idleLobby) {
        await this.deps.store.saveState(
          session.id,
          { ...session.state, phase: Phase.Ended, clock: null },
          now,
        );
        this.deps.log('session_expired', { sessionId: session.id });
        continue;
      }
      this.add(await Room.onRestore(this.deps, loaded));
    }
    return this.byId.size;
  }

  private add(room: Room): void {
    this.roomsByCode.set(room.code, room);
    this.byId.set(room.id, room);
    room.attach(this.deps.output(room));
  }

  private freeCode(): string {
    for (;;) {
      const code = (this.deps.newCode ?? newCode)();
      if (!this.roomsByCode.has(code) && !this.codesHeld.has(code)) return code;
    }
  }

  /** A host's new session; a known host token keeps the same host (and its list of sessions). */
  async create(
    input: unknown,
    hostToken: string | undefined,
  ): Promise<{ room: Room; hostToken: string; settings: SessionSettings }> {
    if (this.draining)
      refuse(ErrorCode.ShuttingDown, 'the server is restarting: try again in a moment');
    const resolved = resolveSettings(input, newSeed);
    if (!resolved.ok) refuse(ErrorCode.BadSettings, resolved.message);
    const { store, now } = this.deps;
    let token = hostToken;
    let hostId = token ? await store.findHost(hashToken(token)) : undefined;
    if (token && !hostId) refuse(ErrorCode.Unauthorized, 'unknown host token');
    if (!token || !hostId) {
      token = newToken();
      hostId = newId();
      await store.createHost(hostId, hashToken(token), now());
    }
    const id = newId();
    await this.deps.beforeCreate?.(id);
    let room: Room | null = null;
    // In a cluster another node may have given the code to a session of its own a moment
    // ago: the store refuses it (CodeTakenError) and another code is tried, a few times.
    for (let attempt = 1; !room; attempt++) {
      const code = this.freeCode();
      // The code is held while the session is written, so that no other session here takes it.
      this.codesHeld.add(code);
      try {
        room = await Room.onCreate(this.deps, id, code, hostId, resolved.settings);
      } catch (e) {
        if (!(e instanceof CodeTakenError) || attempt >= CODE_ATTEMPTS) throw e;
        this.deps.log('code_taken', { code, attempt });
      } finally {
        this.codesHeld.delete(code);
      }
    }
    this.add(room);
    return { room, hostToken: token, settings: resolved.settings };
  }

  /** The running session with that code, if any. */
  byCode(code: string): Room | undefined {
    return this.roomsByCode.get(code);
  }

  /** The running session with that code. */
  byCodeOrFail(code: string): Room {
    const room = this.roomsByCode.get(code);
    if (!room) refuse(ErrorCode.NotFound, 'no session has that code');
    return room;
  }

  get(id: string): Room | undefined {
    return this.byId.get(id);
  }

  /** The session of a player's resume token, if the store knows the token (an ended session's too). */
  playerToken(token: string): Promise<{ sessionId: string; endedAt: number | null } | undefined> {
    return this.deps.store.findPlayerToken(hashToken(token));
  }

  /** The host token's host id, if the store knows it. */
  hostOf(token: string): Promise<string | undefined> {
    return this.deps.store.findHost(hashToken(token));
  }

  /**
   * Ends every lobby idle for longer than `lobbyIdleMs` (nobody joined,
   * resumed, came or went, and the host gave no command): a lobby no one uses
   * leaves memory, and its code frees up, 15 minutes later. Run every minute.
   */
  sweep(): number {
    const now = this.deps.now();
    let ended = 0;
    for (const room of this.byId.values()) {
      if (room.state.phase !== Phase.Lobby || now - room.lastActive <= this.deps.lobbyIdleMs)
        continue;
      ended++;
      this.deps.log('lobby_expired', { sessionId: room.id });
      room.command({ type: 'end' }).catch(() => {});
    }
    return ended;
  }

  /** An ended room stays a while (late phones see the podium), then leaves memory. */
  private ended(id: string): void {
    const room = this.byId.get(id);
    if (!room || room.state.phase !== Phase.Ended || this.retire.has(room.id)) return;
    const t = setTimeout(() => this.drop(room), ENDED_TTL_MS);
    t.unref();
    this.retire.set(room.id, t);
  }

  private drop(room: Room): void {
    room.onDispose().catch(() => {});
    this.remove(room);
    this.deps.onDropped?.(room.id);
  }

  private remove(room: Room): void {
    if (this.byId.get(room.id) !== room) return;
    this.roomsByCode.delete(room.code);
    this.byId.delete(room.id);
    const t = this.retire.get(room.id);
    if (t) clearTimeout(t);
    this.retire.delete(room.id);
  }

  /** A session taken over from another process (a cluster's failover): restored as after a restart. */
  async adopt(loaded: LoadedSession): Promise<Room> {
    const room = await Room.onRestore(this.deps, loaded);
    const old = this.byId.get(room.id);
    if (old) this.remove(old);
    this.add(room);
    return room;
  }

  /**
   * The session leaves this process for another: with `freeze`, an open
   * round's clock is saved stopped first (a handover); without, nothing is
   * written (the lease is already lost, so the store would refuse it).
   */
  async release(id: string, freeze: boolean): Promise<void> {
    const room = this.byId.get(id);
    if (!room) return;
    this.remove(room);
    await room.onDispose(freeze);
  }

  /** Ids of the sessions in memory. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  size(): number {
    return this.byId.size;
  }

  /** On SIGTERM: refuse joins, tell every session, freeze open rounds' clocks in the store. */
  async shutdown(message: string): Promise<void> {
    this.draining = true;
    for (const t of this.retire.values()) clearTimeout(t);
    const frozen: Promise<void>[] = [];
    for (const room of this.byId.values()) {
      this.deps.output(room).toAll('server:restarting', { message });
      frozen.push(
        room.onDispose(true).catch((e: unknown) => {
          this.deps.log('error', {
            sessionId: room.id,
            where: 'shutdown',
            message: e instanceof Error ? e.message : String(e),
          });
        }),
      );
    }
    await Promise.all(frozen);
  }
}
