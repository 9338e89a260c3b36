export interface Check {
  what: string;
  ok: boolean;
  detail?: unknown;
}
export interface Move {
  l: number;
  j: number;
  dz: number;
}
/** Checks what the server sends a player; the messages are those of docs/protocol.md. */
export class Verifier {
  checks: Check[];
  sgdRounds: number;
  failures(): Check[];
  welcome(w: { speedScoring: boolean; playerId: string }): void;
  roundStarted(msg: unknown): unknown;
  moveResult(move: Move, result: unknown): void;
  revealed(reveal: unknown): void;
  ended(final: unknown): void;
  choose(strategy: string): Move;
}
