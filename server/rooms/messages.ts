import type {
  DemonStanding,
  Final,
  HostWelcome,
  LeaderboardEntry,
  PlayerEntry,
  PlayerWelcome,
  RoundStart,
  Status,
} from '#shared/protocol/views';
import { demonCompetitor, demonStanding } from './demon.ts';
import { type Competitor, leaderboard } from './leaderboard.ts';
import { remainingMs } from './phase.ts';
import type { RoomPlayers } from './roomPlayers.ts';
import type { PlayerMem } from './roomTypes.ts';
import { trainingOf } from './roundMath.ts';

/**
 * The server's outgoing messages, built from a room's state: status, the open
 * round, the player list, standings and the welcome of a joining player or
 * host. Their wire shapes are the schemas of shared/protocol/views.ts.
 */

export function statusOf(room: RoomPlayers): Status {
  const s = room.state;
  const now = room.deps.now();
  const c = s.clock;
  return {
    phase: s.phase,
    round: s.round,
    rounds: room.settings.rounds,
    locked: s.locked,
    timer: c
      ? {
          deadline: c.deadline,
          remainingMs: remainingMs(c, now),
          limitMs: c.limitMs,
          serverNow: now,
        }
      : null,
  };
}

/** The open round's message (also what a player resuming mid-round gets). */
export function roundStartOf(room: RoomPlayers): RoundStart | null {
  const m = room.math;
  const timer = statusOf(room).timer;
  if (!m || !timer) return null;
  return {
    round: m.round,
    rounds: room.settings.rounds,
    puzzle: m.wire,
    cost: m.cost,
    timer,
    training: trainingOf(room.settings),
  };
}

export function playerListOf(room: RoomPlayers): PlayerEntry[] {
  return room.activePlayers().map((p) => ({
    id: p.row.id,
    nickname: p.row.nickname,
    online: p.connections > 0,
    score: p.score,
    answered: room.moves.has(p.row.id),
    ...(p.timeFactor !== 1 ? { timeFactor: p.timeFactor } : {}),
  }));
}

/** The players not kicked, as the leaderboard sees them. */
export function peopleOf(room: RoomPlayers): Competitor[] {
  return room.activePlayers().map((p) => ({
    id: p.row.id,
    nickname: p.row.nickname,
    bot: false,
    online: p.connections > 0,
    points: p.points,
  }));
}

/** Everyone on the leaderboard: the players not kicked, and the gradient demon. */
export function competitorsOf(
  room: RoomPlayers,
  bot: ReadonlyMap<number, number> = room.botPoints,
): Competitor[] {
  return [...peopleOf(room), demonCompetitor(bot, true)];
}

/** The leaderboard after `round`: the demon listed, ranked only if the host asked for it. */
export function boardOf(
  room: RoomPlayers,
  round: number,
  bot: ReadonlyMap<number, number> = room.botPoints,
): LeaderboardEntry[] {
  return leaderboard(competitorsOf(room, bot), round, !!room.settings.demonRanked);
}

/** The gradient demon beside the standings after `round`. */
export function demonOf(
  room: RoomPlayers,
  round: number,
  bot: ReadonlyMap<number, number> = room.botPoints,
): DemonStanding {
  return demonStanding(peopleOf(room), bot, round, !!room.settings.demonRanked);
}

/** The final standings after `rounds` rounds, the bot's points given (the room's by default). */
export function finalStandingsOf(
  room: RoomPlayers,
  rounds = room.state.round,
  lossCurve: readonly number[] = room.state.lossCurve,
  bot: ReadonlyMap<number, number> = room.botPoints,
): Final {
  return {
    standings: boardOf(room, rounds, bot),
    demon: demonOf(room, rounds, bot),
    lossCurve: [...lossCurve],
    rounds,
  };
}

/** A player's rank after the last reveal (or in the final standings). */
export function rankOf(room: RoomPlayers, playerId: string): number | null {
  const board = room.final?.standings ?? room.lastReveal?.leaderboard ?? null;
  return board?.find((e) => e.id === playerId)?.rank ?? null;
}

/** What a player's screen needs on join or resume: their score, the puzzle, their move, the last reveal. */
export function playerWelcome(
  room: RoomPlayers,
  p: PlayerMem,
  resumeToken?: string,
): PlayerWelcome {
  const round = roundStartOf(room);
  return {
    sessionId: room.id,
    code: room.code,
    playerId: p.row.id,
    ...(resumeToken ? { resumeToken } : {}),
    nickname: p.row.nickname,
    score: p.score,
    rank: rankOf(room, p.row.id),
    status: statusOf(room),
    speedScoring: room.settings.speedScoring,
    ...(p.timeFactor !== 1 ? { timeFactor: p.timeFactor } : {}),
    round,
    myMove: round ? (room.moves.get(p.row.id) ?? null) : null,
    reveal: room.lastReveal,
    final: room.final,
  };
}

/** Everything the projector shows, for a host joining or coming back. */
export function hostWelcome(room: RoomPlayers, joinUrl: string): HostWelcome {
  return {
    sessionId: room.id,
    code: room.code,
    joinUrl,
    settings: room.settings,
    status: statusOf(room),
    players: playerListOf(room),
    round: roundStartOf(room),
    answered: room.moves.size,
    reveal: room.lastReveal,
    leaderboard: boardOf(room, room.state.round),
    demon: demonOf(room, room.state.round),
    lossCurve: [...room.state.lossCurve],
    final: room.final,
  };
}
