import type { HostWelcome, PlayerWelcome } from '#shared/protocol/views';
import { leaderboard } from './leaderboard.ts';
import type { PlayerMem, Room } from './room.ts';
import { competitorsOf, playerListOf, rankOf, roundStartOf, statusOf } from './snapshot.ts';

/** What a player's screen needs on join or resume: their score, the puzzle, their move, the last reveal. */
export function playerWelcome(room: Room, p: PlayerMem, resumeToken?: string): PlayerWelcome {
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
    round,
    myMove: round ? (room.moves.get(p.row.id) ?? null) : null,
    reveal: room.lastReveal,
    final: room.final,
  };
}

/** Everything the projector shows, for a host joining or coming back. */
export function hostWelcome(room: Room, joinUrl: string): HostWelcome {
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
    leaderboard: leaderboard(competitorsOf(room), room.state.round),
    lossCurve: [...room.state.lossCurve],
    final: room.final,
  };
}
