import { ahead } from './tasks.ts';
import type { AheadInput, AheadResult } from './work.ts';

/** A worker thread of the pool (server/compute/pool.ts): one session's heavy work per task. */
export default function run(input: AheadInput): AheadResult {
  return ahead(input);
}
