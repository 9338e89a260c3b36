export class Sfc32 {
  constructor(seed: number);
  u32(): number;
  next(): number;
  uniform(lo: number, hi: number): number;
  int(n: number): number;
  normal(): number;
  shuffle<T>(xs: T[]): T[];
}
export function roundSeed(seed: number, round: number, stream: number): number;
