import type { Sfc32 } from './rng.mjs';

export interface Sample {
  x: number[];
  y: number[];
}
export function dataset(name: string, rng: Sfc32, n: number, noise: number): Sample[];
export function drawBatch(data: Sample[], size: number, rng: Sfc32): Sample[];
