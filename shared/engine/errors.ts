/** What went wrong, as a stable code a caller can switch on. */
export const EngineErrorCode = {
  BadSizes: 'BAD_SIZES',
  BadActivation: 'BAD_ACTIVATION',
  BadCost: 'BAD_COST',
  SizeMismatch: 'SIZE_MISMATCH',
  EmptyBatch: 'EMPTY_BATCH',
  NotFinite: 'NOT_FINITE',
  /** A finite number past the bound where the float math stops being meaningful (MAX_PARAMETER…). */
  OutOfRange: 'OUT_OF_RANGE',
  /** Buffers that would need more memory than the engine allows (MAX_TRACE_CELLS…). */
  TooLarge: 'TOO_LARGE',
  /** The network's numbers overflow a double on this batch: some z, C or gradient is not finite. */
  Overflow: 'OVERFLOW',
  /** A trace read or nudged without a fresh run: loaded or forwarded only, or its network changed since. */
  StaleTrace: 'STALE_TRACE',
  BadLayer: 'BAD_LAYER',
  BadNeuron: 'BAD_NEURON',
  BadBudget: 'BAD_BUDGET',
  BadArgument: 'BAD_ARGUMENT',
} as const;
export type EngineErrorCode = (typeof EngineErrorCode)[keyof typeof EngineErrorCode];

const CODES: readonly string[] = Object.values(EngineErrorCode);

/**
 * A value for an error message, whatever it is: a template literal would
 * throw a TypeError on a symbol or an object without a usable toString, and
 * an error message must never be the thing that fails.
 */
export function describeValue(x: unknown): string {
  switch (typeof x) {
    case 'number':
      return Object.is(x, -0) ? '-0' : String(x);
    case 'string':
      return x.length > 40 ? `${x.slice(0, 40)}…` : x;
    case 'boolean':
    case 'undefined':
    case 'bigint':
      return `${String(x)}${typeof x === 'bigint' ? 'n' : ''}`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (x === null) return 'null';
      if (Array.isArray(x)) return `an array of ${x.length}`;
      return 'an object';
  }
}

/** Thrown for bad arguments: the engine never answers a bad call with a quiet NaN. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(typeof message === 'string' ? message : describeValue(message));
    this.name = 'EngineError';
    this.code = CODES.includes(code) ? code : EngineErrorCode.BadArgument;
  }
}

/**
 * Throws unless ok. The message is built before the call: hot paths (a step,
 * a nudge) test with a plain `if` instead, so that no string is made per call.
 */
export function check(ok: boolean, code: EngineErrorCode, message: string): asserts ok {
  if (!ok) throw new EngineError(code, message);
}

/** x is a finite number (not a string, not NaN or ±Infinity). */
export function checkFinite(x: unknown, what: string): asserts x is number {
  if (!(typeof x === 'number' && Number.isFinite(x))) {
    throw new EngineError(
      EngineErrorCode.NotFinite,
      `${what} must be a finite number, got ${describeValue(x)}`,
    );
  }
}

/** x is a finite number with |x| ≤ max: NOT_FINITE when it is not a finite number, OUT_OF_RANGE past max. */
export function checkBounded(x: unknown, max: number, what: string): asserts x is number {
  checkFinite(x, what);
  if (!(Math.abs(x) <= max)) {
    throw new EngineError(
      EngineErrorCode.OutOfRange,
      `${what} must lie within ±${max}, got ${describeValue(x)}`,
    );
  }
}

export function checkInteger(
  x: unknown,
  min: number,
  max: number,
  code: EngineErrorCode,
  what: string,
): asserts x is number {
  if (!(typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max)) {
    throw new EngineError(
      code,
      `${what} must be an integer in [${min}, ${max}], got ${describeValue(x)}`,
    );
  }
}

/** A plain object (not null, not an array), e.g. an options bag or a JSON record. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
