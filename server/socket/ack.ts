import { ErrorCode } from '#shared/protocol/codes';
import type { AckData, AckResult, ClientEventName } from '#shared/protocol/events';
import type { Log } from '../log.ts';
import { metrics } from '../metrics.ts';
import { StoreError } from '../persistence/store.ts';
import { RoomError, refuse } from '../rooms/errors.ts';
import type { GameSocket } from './output.ts';

/** A client event's handler: the raw payload in, its event's ack data out (checked by the compiler). */
export type Handler<E extends ClientEventName> = (raw: unknown) => AckData<E> | Promise<AckData<E>>;

/** `on(event, handler)` for one connection. */
export type On = <E extends ClientEventName>(event: E, handler: Handler<E>) => void;

/**
 * Binds handlers to a connection: each event is rate-limited by `allow`, its
 * handler's result (or refusal) goes back in the ack as `{ ok, data | error }`,
 * and an unexpected error is logged and answered INTERNAL, never with a stack.
 */
export function handlersOf(socket: GameSocket, allow: () => Promise<boolean>, log: Log): On {
  return (event, handler) => {
    const listener = async (...args: unknown[]) => {
      const ack =
        typeof args.at(-1) === 'function' ? (args.pop() as (r: AckResult<unknown>) => void) : null;
      let result: AckResult<unknown>;
      try {
        if (!(await allow())) {
          metrics.rateLimited.inc({ kind: 'event' });
          refuse(ErrorCode.RateLimited, 'too many events: slow down');
        }
        result = { ok: true, data: await handler(args[0]) };
      } catch (e) {
        if (e instanceof RoomError)
          result = { ok: false, error: { code: e.code, message: e.message } };
        else if (e instanceof StoreError)
          // Nothing was written: the client may send it again (a move with its move id).
          result = {
            ok: false,
            error: {
              code: ErrorCode.Unavailable,
              message:
                e.reason === 'stale'
                  ? 'this session is moving to another server: try again in a moment'
                  : 'the database did not answer: nothing was recorded, try again in a moment',
            },
          };
        else {
          log('error', { event, message: e instanceof Error ? e.message : String(e) });
          result = {
            ok: false,
            error: { code: ErrorCode.Internal, message: 'the server could not do that' },
          };
        }
      }
      ack?.(result);
    };
    // socket.io's listener type names the payload's schema type; ours takes it raw and parses it.
    socket.on(event, listener as Parameters<GameSocket['on']>[1]);
  };
}
