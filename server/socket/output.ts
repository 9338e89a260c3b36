import type { Server } from 'socket.io';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '#shared/protocol/events';
import type { Room, RoomOutput } from '../rooms/room.ts';

export type GameServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** One client's connection to the game server. */
export type GameSocket = Parameters<Parameters<GameServer['on']>[1]>[0];

/** socket.io rooms of a session: everyone, its hosts, one player's connections. */
export const channel = {
  all: (sessionId: string) => `s:${sessionId}`,
  hosts: (sessionId: string) => `s:${sessionId}:host`,
  player: (sessionId: string, playerId: string) => `s:${sessionId}:p:${playerId}`,
};

/** A room's output, every emit scoped to its session's socket.io rooms. */
export function roomOutput(io: GameServer, room: Room): RoomOutput {
  const id = room.id;
  return {
    toAll: (event, ...args) => io.to(channel.all(id)).emit(event, ...args),
    toHosts: (event, ...args) => io.to(channel.hosts(id)).emit(event, ...args),
    toPlayer: (playerId, event, ...args) =>
      io.to(channel.player(id, playerId)).emit(event, ...args),
    kick: (playerId, message) => {
      const target = channel.player(id, playerId);
      io.to(target).emit('player:kicked', { message });
      // Let the message leave before the connections close.
      setTimeout(() => io.in(target).disconnectSockets(true), 50);
    },
  };
}
