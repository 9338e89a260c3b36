import { ErrorCode } from '#shared/protocol/codes';
import type { MovePayload } from '#shared/protocol/schemas';
import type { HostWelcome, MoveResult, PlayerWelcome, Status } from '#shared/protocol/views';
import { refuse } from '../rooms/errors.ts';
import { hostWelcome, playerWelcome } from '../rooms/messages.ts';
import type { Command } from '../rooms/phase.ts';
import type { Registry } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';

/**
 * What the socket layer asks of a session, by id and in plain data: the
 * answers are the acks' data. One process answers them from its own rooms
 * (localOps); in a cluster the node a socket reached forwards each to the
 * session's owner (server/cluster/forward.ts), which answers with localOps.
 */
export interface SessionOps {
  /** A new player (counted as connected); NOT_FOUND when no session runs the code. */
  join(code: string, nickname: string): Promise<Joined>;
  /** A player back with their resume token, in the session the token names. */
  resume(sessionId: string, code: string, token: string): Promise<Joined>;
  /** The host of one of its running sessions; `joinUrl` is the link the host shows. */
  hostJoin(
    hostId: string,
    code: string,
    joinUrl: string,
  ): Promise<{ sessionId: string; welcome: HostWelcome }>;
  move(sessionId: string, playerId: string, m: MovePayload): Promise<MoveResult>;
  command(sessionId: string, cmd: Command): Promise<Status>;
  kick(sessionId: string, playerId: string): Promise<Status>;
  /** More time for one player (×1, ×1.5, ×2): their own deadline, held by the owner's room. */
  extraTime(sessionId: string, playerId: string, factor: number): Promise<Status>;
  /** A player's connection opened (+1) or closed (−1) somewhere. */
  presence(sessionId: string, playerId: string, delta: 1 | -1): Promise<void>;
}

export interface Joined {
  sessionId: string;
  playerId: string;
  welcome: PlayerWelcome;
}

const NO_CODE = 'no session has that code';

/** The sessions of this process's registry. */
export function localOps(registry: Registry): SessionOps {
  const running = (sessionId: string): Room =>
    registry.get(sessionId) ?? refuse(ErrorCode.NotJoined, 'join a session first');
  return {
    async join(code, nickname) {
      const room = registry.byCode(code) ?? refuse(ErrorCode.NotFound, NO_CODE);
      const { player, token } = await room.onJoin(nickname);
      room.connected(player.row.id, 1);
      return {
        sessionId: room.id,
        playerId: player.row.id,
        welcome: playerWelcome(room, player, token),
      };
    },
    async resume(sessionId, code, token) {
      const room = registry.get(sessionId);
      // A phone still on a podium that has left memory: told so, never counted as a guess.
      if (!room) refuse(ErrorCode.SessionEnded, 'that session has ended');
      if (room.code !== code)
        refuse(ErrorCode.BadToken, 'that resume token belongs to another session');
      const player = room.onResume(token);
      room.connected(player.row.id, 1);
      return { sessionId, playerId: player.row.id, welcome: playerWelcome(room, player) };
    },
    async hostJoin(hostId, code, joinUrl) {
      const room = registry.byCode(code);
      if (!room || room.row.hostId !== hostId)
        refuse(ErrorCode.NotFound, 'none of this host’s running sessions has that code');
      room.touch();
      return { sessionId: room.id, welcome: hostWelcome(room, joinUrl) };
    },
    move: (sessionId, playerId, m) => running(sessionId).move(playerId, m),
    command: (sessionId, cmd) => running(sessionId).command(cmd),
    kick: (sessionId, playerId) => running(sessionId).kick(playerId),
    extraTime: async (sessionId, playerId, factor) =>
      running(sessionId).extraTime(playerId, factor),
    async presence(sessionId, playerId, delta) {
      registry.get(sessionId)?.connected(playerId, delta);
    },
  };
}
