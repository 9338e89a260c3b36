import { io, type Socket } from 'socket.io-client';
import type { ErrorCode } from '#shared/protocol/codes';
import type {
  AckResult,
  ClientToServerEvents,
  ServerToClientEvents,
} from '#shared/protocol/events';

type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Answer<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (
  r: AckResult<infer T>,
) => void
  ? T
  : never;

/** Milliseconds to wait for an acknowledgement before giving up on it. */
const ACK_TIMEOUT_MS = 8000;

/** A refusal from the server (its stable code), or `TIMEOUT` / `OFFLINE` from this side. */
export class AckError extends Error {
  constructor(
    readonly code: ErrorCode | 'TIMEOUT' | 'OFFLINE',
    message: string,
  ) {
    super(message);
  }
}

/** Every server event as `{ type, data }`, typed by the protocol's event map. */
export type ServerEvent = {
  [E in keyof ServerToClientEvents]: {
    type: E;
    data: Parameters<ServerToClientEvents[E]>[0];
  };
}[keyof ServerToClientEvents];

/** Refusals that say "not now" rather than "no": worth another try after a wait. */
export const RETRYABLE: ReadonlySet<string> = new Set<ErrorCode | 'TIMEOUT'>([
  'TOO_MANY_JOINS',
  'TIMEOUT',
  'SHUTTING_DOWN',
  'UNAVAILABLE',
]);

export const LinkState = {
  Connecting: 'connecting',
  Online: 'online',
  Offline: 'offline',
} as const;
export type LinkState = (typeof LinkState)[keyof typeof LinkState];

/**
 * The one connection to the game server: typed requests that resolve with the
 * ack's data (or reject with an AckError), typed event listeners, and a hook
 * that runs on every (re)connect so the page can join or resume again.
 */
export class GameLink {
  private readonly socket: GameSocket;
  private readonly stateListeners = new Set<(s: LinkState) => void>();
  private onConnectHook: (() => void) | null = null;
  state: LinkState = LinkState.Connecting;

  constructor() {
    this.socket = io({
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
    }) as GameSocket;
    this.socket.on('connect', () => {
      this.setState(LinkState.Online);
      this.onConnectHook?.();
    });
    this.socket.on('disconnect', () => this.setState(LinkState.Offline));
    this.socket.io.on('reconnect_attempt', () => this.setState(LinkState.Connecting));
  }

  private setState(s: LinkState): void {
    this.state = s;
    for (const f of this.stateListeners) f(s);
  }

  /** Runs f now if connected, and after every reconnect (a new connection has joined nothing). */
  onConnect(f: () => void): void {
    this.onConnectHook = f;
    if (this.socket.connected) f();
  }

  onState(f: (s: LinkState) => void): () => void {
    this.stateListeners.add(f);
    return () => this.stateListeners.delete(f);
  }

  on<E extends keyof ServerToClientEvents>(event: E, f: ServerToClientEvents[E]): void {
    // socket.io's listener typing is stricter than the event map needs.
    (this.socket.on as (e: string, f: unknown) => void)(event, f);
  }

  /** Every server event, as one typed stream (the session reducer reads them all). */
  onEvent(f: (e: ServerEvent) => void): void {
    // The server's emits are typed by the same event map; onAny only forgets the pairing.
    this.socket.onAny((type: string, data: unknown) => f({ type, data } as ServerEvent));
  }

  /** Emits a client event and resolves with the data of its acknowledgement. */
  request<E extends keyof ClientToServerEvents>(event: E, payload: Payload<E>): Promise<Answer<E>> {
    return new Promise((resolve, reject) => {
      if (!this.socket.connected) {
        reject(new AckError('OFFLINE', 'not connected'));
        return;
      }
      const timed = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
        emit(
          e: string,
          p: unknown,
          ack: (err: Error | null, r: AckResult<Answer<E>>) => void,
        ): void;
      };
      timed.emit(event, payload, (err, r) => {
        if (err) reject(new AckError('TIMEOUT', 'the server did not answer'));
        else if (r.ok) resolve(r.data);
        else reject(new AckError(r.error.code, r.error.message));
      });
    });
  }
}
