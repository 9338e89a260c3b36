import {
  type LoadedSession,
  type MoveRow,
  moveFromStore,
  type PlayerRow,
  type RoundRow,
  type SessionRow,
  type SessionState,
  type SessionSummary,
} from './store.ts';

/** A sessions row as Postgres returns it (jsonb parsed, bigint read as a number). */
export interface SessionDb {
  id: string;
  code: string;
  host_id: string;
  settings: SessionRow['settings'];
  state: SessionState;
  network: LoadedSession['network'];
  created_at: number;
  ended_at: number | null;
}

type Read = <R extends Record<string, unknown>>(sql: string, args: unknown[]) => Promise<R[]>;

/** A session with its players, rounds and moves, in the shapes the rooms restore from. */
export async function pgLoad(read: Read, s: SessionDb): Promise<LoadedSession> {
  const [players, rounds, moves] = await Promise.all([
    read('SELECT * FROM players WHERE session_id = $1 ORDER BY joined_at, id', [s.id]),
    read('SELECT * FROM rounds WHERE session_id = $1 ORDER BY round', [s.id]),
    read('SELECT * FROM moves WHERE session_id = $1 ORDER BY round, created_at', [s.id]),
  ]);
  return {
    session: {
      id: s.id,
      code: s.code,
      hostId: s.host_id,
      settings: s.settings,
      createdAt: s.created_at,
      endedAt: s.ended_at,
      state: s.state,
    },
    network: s.network ?? null,
    players: players.map(
      (p): PlayerRow => ({
        sessionId: s.id,
        id: p['id'] as string,
        nickname: p['nickname'] as string,
        nicknameKey: p['nickname_key'] as string,
        tokenHash: p['token_hash'] as string,
        joinedAt: p['joined_at'] as number,
        kicked: p['kicked'] === true,
      }),
    ),
    rounds: rounds.map(
      (r): RoundRow => ({
        sessionId: s.id,
        round: r['round'] as number,
        puzzle: r['puzzle'] as RoundRow['puzzle'],
        startedAt: r['started_at'] as number,
        endedAt: (r['ended_at'] as number | null) ?? null,
        reveal: (r['reveal'] as RoundRow['reveal']) ?? null,
        key: (r['round_key'] as RoundRow['key']) ?? null,
      }),
    ),
    moves: moves.map(
      (m): MoveRow => ({
        sessionId: s.id,
        round: m['round'] as number,
        playerId: m['player_id'] as string,
        result: moveFromStore(m['result'] as MoveRow['result']),
        createdAt: m['created_at'] as number,
        moveId: (m['move_id'] as string | null) ?? null,
      }),
    ),
  };
}

export function pgSummaries(rows: (SessionDb & { n: number })[]): SessionSummary[] {
  return rows.map((s) => ({
    sessionId: s.id,
    code: s.code,
    createdAt: s.created_at,
    endedAt: s.ended_at,
    phase: s.state.phase,
    round: s.state.round,
    rounds: s.settings.rounds,
    preset: s.settings.preset,
    players: s.n,
  }));
}
