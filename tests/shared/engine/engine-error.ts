import { expect } from 'vitest';
import { EngineError, type EngineErrorCode } from '#shared/engine/index';

/** Runs f and expects an EngineError with this code whose message matches: never a TypeError, NaN or a quiet answer. */
export function fails(f: () => unknown, code: EngineErrorCode, message: RegExp): void {
  let err: unknown;
  let answer: unknown;
  try {
    answer = f();
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${code}, got the answer ${String(answer)}`).toBeInstanceOf(EngineError);
  expect((err as EngineError).code).toBe(code);
  expect((err as EngineError).message).toMatch(message);
}
