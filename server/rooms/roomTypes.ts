import type { ServerToClientEvents } from '#shared/protocol/events';
import type { MoveResult } from '#shared/protocol/views';
import type { RoundWork } from '../compute/work.ts';
import type { Log } from '../log.ts';
import type { PlayerRow, Store } from '../persistence/store.ts';

/** What a room is given and where its messages go: shared by the room's layers and the socket layer. */

type Emit = <E extends keyof ServerToClientEvents>(
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) => void;

/** Where a room's messages go: the socket layer scopes each to this session. */
export interface RoomOutput {
  toAll: Emit;
  toHosts: Emit;
  /** To one player's connections (optional: a test's output may leave it out). */
  toPlayer?: <E extends keyof ServerToClientEvents>(
    playerId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ) => void;
  /** Tells the player's connections they were kicked and closes them. */
  kick(playerId: string, message: string): void;
}

export interface RoomDeps {
  store: Store;
  log: Log;
  now: () => number;
  /** Training and best-move searches: a worker pool, or inline in tests. */
  work: RoundWork;
  /** The room tells its registry that its session has ended. */
  onEnded?: (roomId: string) => void;
}

export interface PlayerMem {
  row: PlayerRow;
  /** points[r] of each round moved. */
  points: Map<number, number>;
  score: number;
  connections: number;
  /** Their rounds last this many times as long (extra time from the host; 1 for most). Kept in memory only. */
  timeFactor: number;
  /** The player's last move that carried a client move id, and its commit: a retry gets this result. */
  lastMove?: { moveId: string; result: MoveResult; saved: Promise<void> };
}
