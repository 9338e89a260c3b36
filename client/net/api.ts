import type { ErrorCode } from '#shared/protocol/codes';
import type { CreatedSession, Report, ReportRow, SessionSummary } from '#shared/protocol/rest';
import type { SessionSettingsInput } from '#shared/protocol/schemas';

export type { CreatedSession, Report, ReportRow, SessionSummary };

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

/** The class concept check's CSV (one row per student and one for the class). */
export function checkCsvUrl(sessionId: string, token: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/check.csv?token=${encodeURIComponent(token)}`;
}
