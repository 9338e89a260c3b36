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
import { clientAddressOf, type Trust } from '../http/clientAddress.ts';
import type { Log } from '../log.ts';
import { metrics } from '../metrics.ts';
import { RoomError, refuse } from '../rooms/errors.ts';
import type { Command } from '../rooms/phase.ts';
import type { Registry } from '../rooms/registry.ts';
import { handlersOf } from './ack.ts';
import { type AttemptKind, JoinGate } from './joinGate.ts';
import type { RateLimits } from './limits.ts';
import { channel, type GameServer, type GameSocket } from './output.ts';
import type { Joined, SessionOps } from './sessionOps.ts';

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

const NO_CODE = 'no session has that code';

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
  ops: SessionOps,
  limits: RateLimits,
  log: Log,
  joinUrl: (code: string, socket: GameSocket) => string,
  trust: Trust,
): void {
  const joins = new JoinGate(limits);

  io.on('connection', (socket: GameSocket) => {
    socket.data.address = clientAddressOf(socket.request, trust);
    const on = handlersOf(socket, () => limits.event(socket.id), log);

    const entering = () => {
      if (socket.data.sessionId)
        refuse(ErrorCode.AlreadyJoined, 'this connection has already joined a session');
      if (registry.draining)
        refuse(ErrorCode.ShuttingDown, 'the server is restarting: try again in a moment');
    };
    // Checked again after the limit's answer: a second join sent meanwhile must not link twice.
    const gate = async (kind: AttemptKind, known = false) => {
      entering();
      await joins.admit(kind, socket.data.address, known);
      entering();
    };
    const missed = async (kind: AttemptKind, code: ErrorCode, message: string): Promise<never> => {
      await joins.missed(kind, socket.data.address);
      refuse(code, message);
    };
    const linkPlayer = (j: Joined) => {
      socket.data.sessionId = j.sessionId;
      socket.data.role = 'player';
      socket.data.playerId = j.playerId;
      socket.join([channel.all(j.sessionId), channel.player(j.sessionId, j.playerId)]);
    };
    /** The session this connection joined in that role. */
    const joinedAs = (role: 'player' | 'host'): string => {
      const id = socket.data.sessionId;
      if (!id) refuse(ErrorCode.NotJoined, 'join a session first');
      if (socket.data.role !== role)
        refuse(
          ErrorCode.Forbidden,
          role === 'host' ? 'only the host can do that' : 'only a player can do that',
        );
      return id;
    };

    on('player:join', async (raw) => {
      const p = parse(JoinPayload, raw);
      await gate('join');
      let joined: Joined;
      try {
        joined = await ops.join(p.code, p.nickname);
      } catch (e) {
        // A wrong code counts towards the guesses an address may make.
        if (e instanceof RoomError && e.code === ErrorCode.NotFound)
          return await missed('join', ErrorCode.NotFound, NO_CODE);
        throw e;
      }
      linkPlayer(joined);
      log('player_joined', { sessionId: joined.sessionId, playerId: joined.playerId });
      return joined.welcome;
    });
    // A resume is judged by its token first: an unknown one says nothing about the code.
    on('player:resume', async (raw) => {
      const p = parse(ResumePayload, raw);
      const known = await registry.playerToken(p.token);
      await gate('resume', !!known);
      if (!known)
        return await missed('resume', ErrorCode.BadToken, 'no session knows that resume token');
      const joined = await ops.resume(known.sessionId, p.code, p.token);
      linkPlayer(joined);
      return joined.welcome;
    });
    // Likewise the host: only a known host token learns whether one of its sessions has the code.
    on('host:join', async (raw) => {
      const p = parse(HostJoinPayload, raw);
      const hostId = await registry.hostOf(p.token);
      await gate('host', !!hostId);
      if (!hostId) return await missed('host', ErrorCode.BadToken, 'unknown host token');
      const { sessionId, welcome } = await ops.hostJoin(hostId, p.code, joinUrl(p.code, socket));
      socket.data.sessionId = sessionId;
      socket.data.role = 'host';
      socket.join([channel.all(sessionId), channel.hosts(sessionId)]);
      return welcome;
    });
    on('move:submit', async (raw) => {
      checkFiniteDz(raw);
      const m = parse(MovePayload, raw);
      const started = performance.now();
      const result = await ops.move(joinedAs('player'), socket.data.playerId!, m);
      metrics.movesAcked.inc();
      metrics.moveAckSeconds.observe((performance.now() - started) / 1000);
      return result;
    });
    // A command waits its turn in its room (room.ts), after the moves already read.
    for (const [event, type] of Object.entries(SIMPLE_COMMANDS) as [
      keyof typeof SIMPLE_COMMANDS,
      (typeof SIMPLE_COMMANDS)[keyof typeof SIMPLE_COMMANDS],
    ][]) {
      on(event, (raw) => {
        const id = joinedAs('host');
        parse(EmptyPayload, raw);
        return ops.command(id, { type });
      });
    }
    on('host:extend', (raw) => {
      const id = joinedAs('host');
      return ops.command(id, { type: 'extend', seconds: parse(ExtendPayload, raw).seconds });
    });
    on('host:kick', (raw) => {
      const id = joinedAs('host');
      return ops.kick(id, parse(KickPayload, raw).playerId);
    });

    socket.on('disconnect', () => {
      limits.closed(socket.id);
      const { sessionId, playerId } = socket.data;
      if (sessionId && socket.data.role === 'player' && playerId)
        ops.presence(sessionId, playerId, -1).catch(() => {});
    });
  });
}
