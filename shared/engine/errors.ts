/** What went wrong, as a stable code a caller can switch on. */
export const EngineErrorCode = {
  BadSizes: 'BAD_SIZES',
  BadActivation: 'BAD_ACTIVATION',
  BadCost: 'BAD_COST',
  SizeMismatch: 'SIZE_MISMATCH',
  EmptyBatch: 'EMPTY_BATCH',
  NotFinite: 'NOT_FINITE',
  BadLayer: 'BAD_LAYER',
  BadNeuron: 'BAD_NEURON',
  BadBudget: 'BAD_BUDGET',
  BadArgument: 'BAD_ARGUMENT',
} as const;
export type EngineErrorCode = (typeof EngineErrorCode)[keyof typeof EngineErrorCode];

/** Thrown for bad arguments: the engine never answers a bad call with a quiet NaN. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/**
 * Throws unless ok. The message is built before the call: hot paths (a step,
 * a nudge) test with a plain `if` instead, so that no string is made per call.
 */
export function check(ok: boolean, code: EngineErrorCode, message: string): asserts ok {
  if (!ok) throw new EngineError(code, message);
}

export function checkFinite(x: number, what: string): void {
  if (!Number.isFinite(x)) {
    throw new EngineError(EngineErrorCode.NotFinite, `${what} must be a finite number, got ${x}`);
  }
}

export function checkInteger(
  x: number,
  min: number,
  max: number,
  code: EngineErrorCode,
  what: string,
): void {
  if (!(Number.isInteger(x) && x >= min && x <= max)) {
    throw new EngineError(code, `${what} must be an integer in [${min}, ${max}], got ${x}`);
  }
}
