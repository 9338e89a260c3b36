/** One structured line per notable event. Never pass a token or a stack trace. */
export type Log = (event: string, fields?: Record<string, unknown>) => void;

export const jsonLog: Log = (event, fields = {}) => {
  process.stdout.write(`${JSON.stringify({ event, ...fields, time: new Date().toISOString() })}\n`);
};

export const silentLog: Log = () => {};
