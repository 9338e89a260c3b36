import type { ErrorCode } from '#shared/protocol/codes';
import type { SessionSettings, SessionSettingsInput } from '#shared/protocol/schemas';
import type { LeaderboardEntry, Nudge } from '#shared/protocol/views';

/** What `POST /api/sessions` answers. */
export interface CreatedSession {
  sessionId: string;
  code: string;
  joinUrl: string;
  hostToken: string;
  settings: SessionSettings;
}

/** One of the host's sessions in `GET /api/sessions`. */
export interface SessionSummary {
  sessionId: string;
  code: string;
  createdAt: number;
  endedAt: number | null;
  phase: string;
  round: number;
  rounds: number;
  preset: string | null;
  players: number;
}

export interface ReportRow {
  round: number;
  playerId: string;
  nickname: string;
  bot: boolean;
  moved: boolean;
  l: number | null;
  j: number | null;
  dz: number | null;
  deltaC: number | null;
  quality: number | null;
  points: number;
  rightSign: boolean | null;
  saturated: boolean | null;
  seconds: number | null;
}

export interface Report {
  sessionId: string;
  code: string;
  createdAt: number;
  endedAt: number | null;
  settings: SessionSettings;
  rounds: { round: number; cost: number | null; best: Nudge | null; answered: number }[];
  lossCurve: number[];
  standings: LeaderboardEntry[];
  players: { id: string; nickname: string; kicked: boolean; score: number }[];
  rows: ReportRow[];
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError('NETWORK', 'the server cannot be reached');
  }
  const body = (await res.json().catch(() => null)) as
    | { ok: true; data: T }
    | { ok: false; error: { code: ErrorCode; message: string } }
    | null;
  if (!body) throw new ApiError('NETWORK', `HTTP ${res.status}`);
  if (!body.ok) throw new ApiError(body.error.code, body.error.message);
  return body.data;
}

export function createSession(
  settings: SessionSettingsInput,
  token?: string,
): Promise<CreatedSession> {
  return call('/api/sessions', { method: 'POST', body: JSON.stringify(settings) }, token);
}

export async function listSessions(token: string): Promise<SessionSummary[]> {
  return (await call<{ sessions: SessionSummary[] }>('/api/sessions', {}, token)).sessions;
}

export function fetchReport(sessionId: string, token: string): Promise<Report> {
  return call(`/api/sessions/${encodeURIComponent(sessionId)}/report`, {}, token);
}

/** A download link for the report as CSV (the token rides in the query: a link cannot set headers). */
export function reportCsvUrl(sessionId: string, token: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/report.csv?token=${encodeURIComponent(token)}`;
}
