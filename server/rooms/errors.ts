import type { ErrorCode } from '#shared/protocol/codes';

/** A refusal the client should hear about: its code and one sentence, never a stack. */
export class RoomError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'RoomError';
    this.code = code;
  }
}

export function refuse(code: ErrorCode, message: string): never {
  throw new RoomError(code, message);
}
