import type { HostWelcome, PlayerWelcome } from '#shared/protocol/views';
import { leaderboard } from './leaderboard.ts';
import type { PlayerMem, Room } from './room.ts';

/** What a player's screen needs on join or resume: their score, the puzzle, their move, the last reveal. */
export function playerWelcome(room: Room, p: PlayerMem, resumeToken?: string): PlayerWelcome {
  const round = room.roundStart();
  return {
    sessionId: room.id,
    code: room.code,
    playerId: p.row.id,
    ...(resumeToken ? { resumeToken } : {}),
    nickname: p.row.nickname,
    score: p.score,
    rank: room.rankOf(p.row.id),
    status: room.status(),
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
    status: room.status(),
    players: room.playerList(),
    round: room.roundStart(),
    answered: room.moves.size,
    reveal: room.lastReveal,
    leaderboard: leaderboard(room.competitors(), room.state.round),
    lossCurve: [...room.state.lossCurve],
    final: room.final,
  };
}
