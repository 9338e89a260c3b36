import { hostname } from 'node:os';
import { pino } from 'pino';

/**
 * One structured line per notable event. Never pass a token or a stack trace.
 * Rooms log `sessionId`, every line carries `node`, and a takeover logs the
 * lease's `epoch`, so one grep follows a room across nodes.
 */
export type Log = (event: string, fields?: Record<string, unknown>) => void;

/** Events that mean something went wrong: logged at pino's error level, the rest at info. */
const ERROR_EVENTS = new Set(['error', 'shutdown_forced', 'lease_lost', 'store_error']);

/** This process's name in a cluster: NODE_ID, or host:pid. */
export const nodeId = process.env['NODE_ID'] || `${hostname()}:${process.pid}`;

/** A pino logger writing JSON lines to stdout: {"level":30,"time":"…","node":"…","event":"…",…}. */
export function pinoLog(base: Record<string, unknown> = { node: nodeId }): Log {
  const logger = pino({
    base,
    messageKey: 'event',
    timestamp: pino.stdTimeFunctions.isoTime,
    level: process.env['LOG_LEVEL'] ?? 'info',
  });
  return (event, fields = {}) => {
    if (ERROR_EVENTS.has(event)) logger.error(fields, event);
    else logger.info(fields, event);
  };
}

/** The server's log. */
export const jsonLog: Log = pinoLog();

export const silentLog: Log = () => {};
