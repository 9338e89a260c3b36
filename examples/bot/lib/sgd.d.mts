import type { Sample } from './datasets.mjs';
import type { Net } from './net.mjs';

export interface Training {
  seed: number;
  eta: number;
  steps: number;
  batchSize: number;
}
export const MAX_PARAMETER: number;
export function sgdStep(net: Net, samples: Sample[], eta: number): boolean;
export function trainAfterRound(
  net: Net,
  data: Sample[],
  training: Training,
  round: number,
): { net: Net; steps: number };
