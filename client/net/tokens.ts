/** What the browser remembers to come back as the same player or host (localStorage). */

const PLAYER_PREFIX = 'bd.player.';
const HOST_KEY = 'bd.host';

export interface PlayerSeat {
  token: string;
  nickname: string;
  playerId: string;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function read<T>(key: string, valid: (x: unknown) => x is T): T | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    return valid(v) ? v : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked: this tab still works, a refresh will ask again
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isSeat = (x: unknown): x is PlayerSeat =>
  isObj(x) &&
  typeof x['token'] === 'string' &&
  typeof x['nickname'] === 'string' &&
  typeof x['playerId'] === 'string';

/** The seat of this browser in the session with that code, if it joined before. */
export function playerSeat(code: string): PlayerSeat | null {
  return read(PLAYER_PREFIX + code, isSeat);
}

export function savePlayerSeat(code: string, seat: PlayerSeat): void {
  write(PLAYER_PREFIX + code, seat);
}

export function forgetPlayerSeat(code: string): void {
  try {
    storage()?.removeItem(PLAYER_PREFIX + code);
  } catch {
    // nothing to forget
  }
}

/** The host's token and the sessions it created here: id by code. */
export interface HostRecord {
  token: string;
  sessions: Record<string, string>;
}

const isHost = (x: unknown): x is HostRecord =>
  isObj(x) && typeof x['token'] === 'string' && isObj(x['sessions']);

export function hostRecord(): HostRecord | null {
  return read(HOST_KEY, isHost);
}

export function saveHostRecord(r: HostRecord): void {
  write(HOST_KEY, r);
}

/** Keeps the token and remembers which session a code belongs to. */
export function rememberHostSession(token: string, code: string, sessionId: string): HostRecord {
  const prev = hostRecord();
  const r: HostRecord = {
    token,
    sessions: { ...(prev?.token === token ? prev.sessions : {}), [code]: sessionId },
  };
  saveHostRecord(r);
  return r;
}
