import type { z } from 'zod';
import { ErrorCode } from '#shared/protocol/codes';
import {
  EmptyPayload,
  ExtendPayload,
  HostJoinPayload,
  JoinPayload,
  KickPayload,
  MovePayload,
  ResumePayload,
} from '#shared/protocol/schemas';
import type { Log } from '../log.ts';
import { RoomError, refuse } from '../rooms/errors.ts';
import { hostWelcome, playerWelcome } from '../rooms/messages.ts';
import type { Command } from '../rooms/phase.ts';
import type { Registry } from '../rooms/registry.ts';
import type { PlayerMem, Room } from '../rooms/room.ts';
import { handlersOf } from './ack.ts';
import { type Limits, TokenBucket, WindowLimiter } from './limits.ts';
import { channel, type GameServer, type GameSocket } from './output.ts';

export type { GameSocket } from './output.ts';

/** Host commands with no payload beyond `{}`, and the phase command each one is. */
const SIMPLE_COMMANDS = {
  'host:start': 'start',
  'host:pause': 'pause',
  'host:resume': 'resume',
  'host:skip': 'skip',
  'host:endRound': 'endRound',
  'host:next': 'next',
  'host:lock': 'lock',
  'host:unlock': 'unlock',
  'host:end': 'end',
} as const satisfies Record<string, Command['type']>;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The client's address; behind a proxy on this machine (a tunnel, nginx), the one it forwards. */
export function clientAddress(peer: string, forwarded: string | string[] | undefined): string {
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return LOOPBACK.has(peer) && first ? first : peer;
}

/** The first problem zod found, as "field: message". */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the payload does not match the event';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) refuse(ErrorCode.BadPayload, describe(r.error));
  return r.data;
}

/** Δz that JSON turned into null (NaN, ±Infinity) gets its own code. */
function checkFiniteDz(raw: unknown): void {
  if (typeof raw !== 'object' || raw === null || !('dz' in raw)) return;
  const dz = (raw as { dz: unknown }).dz;
  if (dz === null || (typeof dz === 'number' && !Number.isFinite(dz)))
    refuse(ErrorCode.NotFinite, 'Δz must be a finite number');
}

/**
 * Every client event: rate-limited, parsed with its schema, handed to the
 * session's room; the room's refusal (or success) goes back in the ack.
 */
export function attachHandlers(
  io: GameServer,
  registry: Registry,
  limits: Limits,
  log: Log,
  joinUrl: (code: string, socket: GameSocket) => string,
): void {
  // A class behind one school address joins by the dozen; a guesser fails by the dozen.
  const joins = new WindowLimiter(limits.joinsPerMinute, 60_000);
  const misses = new WindowLimiter(limits.joinFailuresPerMinute, 60_000);

  io.on('connection', (socket: GameSocket) => {
    socket.data.address = clientAddress(
      socket.handshake.address,
      socket.handshake.headers['x-forwarded-for'],
    );
    const bucket = new TokenBucket(limits.eventsPerSecond, limits.eventBurst);
    const on = handlersOf(socket, () => bucket.take(), log);

    const gate = () => {
      if (socket.data.sessionId)
        refuse(ErrorCode.AlreadyJoined, 'this connection has already joined a session');
      if (registry.draining)
        refuse(ErrorCode.ShuttingDown, 'the server is restarting: try again in a moment');
      if (misses.full(socket.data.address) || !joins.allow(socket.data.address))
        refuse(ErrorCode.TooManyJoins, 'too many join attempts: wait a minute');
    };
    /** A wrong code or token counts against the address. */
    const find = <T>(lookup: () => T): T => {
      try {
        return lookup();
      } catch (e) {
        if (
          e instanceof RoomError &&
          (e.code === ErrorCode.NotFound || e.code === ErrorCode.BadToken)
        )
          misses.allow(socket.data.address);
        throw e;
      }
    };
    const linkPlayer = (room: Room, p: PlayerMem) => {
      socket.data.sessionId = room.id;
      socket.data.role = 'player';
      socket.data.playerId = p.row.id;
      socket.join([channel.all(room.id), channel.player(room.id, p.row.id)]);
      room.connected(p.row.id, 1);
    };
    const roomOf = (role: 'player' | 'host'): Room => {
      const room = socket.data.sessionId ? registry.get(socket.data.sessionId) : undefined;
      if (!room) refuse(ErrorCode.NotJoined, 'join a session first');
      if (socket.data.role !== role)
        refuse(
          ErrorCode.Forbidden,
          role === 'host' ? 'only the host can do that' : 'only a player can do that',
        );
      return room;
    };

    on('player:join', (raw) => {
      const p = parse(JoinPayload, raw);
      gate();
      const room = find(() => registry.byCodeOrFail(p.code));
      const { player, token } = room.onJoin(p.nickname);
      linkPlayer(room, player);
      log('player_joined', { sessionId: room.id, playerId: player.row.id });
      return playerWelcome(room, player, token);
    });
    on('player:resume', (raw) => {
      const p = parse(ResumePayload, raw);
      gate();
      const room = find(() => registry.byCodeOrFail(p.code));
      const player = find(() => room.onResume(p.token));
      linkPlayer(room, player);
      return playerWelcome(room, player);
    });
    on('host:join', (raw) => {
      const p = parse(HostJoinPayload, raw);
      gate();
      const room = find(() => registry.byCodeOrFail(p.code));
      find(() => {
        if (registry.hostOf(p.token) !== room.row.hostId)
          refuse(ErrorCode.BadToken, 'that is not this session’s host token');
      });
      socket.data.sessionId = room.id;
      socket.data.role = 'host';
      socket.join([channel.all(room.id), channel.hosts(room.id)]);
      return hostWelcome(room, joinUrl(room.code, socket));
    });
    on('move:submit', (raw) => {
      checkFiniteDz(raw);
      const m = parse(MovePayload, raw);
      return roomOf('player').move(socket.data.playerId!, m);
    });
    // A command waits its turn in its room (room.ts), after the moves already read.
    for (const [event, type] of Object.entries(SIMPLE_COMMANDS) as [
      keyof typeof SIMPLE_COMMANDS,
      (typeof SIMPLE_COMMANDS)[keyof typeof SIMPLE_COMMANDS],
    ][]) {
      on(event, (raw) => {
        const room = roomOf('host');
        parse(EmptyPayload, raw);
        return room.command({ type });
      });
    }
    on('host:extend', (raw) => {
      const room = roomOf('host');
      return room.command({ type: 'extend', seconds: parse(ExtendPayload, raw).seconds });
    });
    on('host:kick', (raw) => {
      const room = roomOf('host');
      return room.kick(parse(KickPayload, raw).playerId);
    });

    socket.on('disconnect', () => {
      const room = socket.data.sessionId ? registry.get(socket.data.sessionId) : undefined;
      if (room && socket.data.role === 'player' && socket.data.playerId)
        room.onLeave(socket.data.playerId);
    });
  });
}
