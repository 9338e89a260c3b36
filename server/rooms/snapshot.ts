import { GRADIENT_DEMON_ID } from '#shared/protocol/codes';
import type { Final, PlayerEntry, RoundStart, Status } from '#shared/protocol/views';
import { type Competitor, GRADIENT_DEMON_NAME, leaderboard } from './leaderboard.ts';
import { remainingMs } from './phase.ts';
import type { RoomPlayers } from './roomPlayers.ts';
import { trainingOf } from './round.ts';

/** Snapshots of a room for the wire: status, the open round, players, standings. */

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
  }));
}

/** Everyone on the leaderboard: players not kicked, and the gradient demon. */
export function competitorsOf(
  room: RoomPlayers,
  bot: ReadonlyMap<number, number> = room.botPoints,
): Competitor[] {
  const people: Competitor[] = room.activePlayers().map((p) => ({
    id: p.row.id,
    nickname: p.row.nickname,
    bot: false,
    online: p.connections > 0,
    points: p.points,
  }));
  return [
    ...people,
    { id: GRADIENT_DEMON_ID, nickname: GRADIENT_DEMON_NAME, bot: true, online: true, points: bot },
  ];
}

export function finalStandingsOf(room: RoomPlayers): Final {
  return {
    standings: leaderboard(competitorsOf(room), room.state.round),
    lossCurve: [...room.state.lossCurve],
    rounds: room.state.round,
  };
}

/** A player's rank after the last reveal (or in the final standings). */
export function rankOf(room: RoomPlayers, playerId: string): number | null {
  const board = room.final?.standings ?? room.lastReveal?.leaderboard ?? null;
  return board?.find((e) => e.id === playerId)?.rank ?? null;
}
