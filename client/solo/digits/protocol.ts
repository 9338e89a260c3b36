import type { NetworkJSON } from '#shared/engine/networkJson';
import type { MnistLevelSpec } from '#shared/game/mnistLevel';

/** The page asks the level's worker to build the puzzle from the packed digits. */
export interface BuildRequest {
  /** The packed digits, as downloaded and unpacked (the worker checks them again). */
  bytes: ArrayBuffer;
  spec: MnistLevelSpec;
}

/** The built puzzle without its digit: the page has the digits already and cuts the batch itself. */
export type BuildReply =
  | {
      type: 'built';
      network: NetworkJSON;
      /** Which test digit (from 0), the digit written and the digit the network reads. */
      test: number;
      label: number;
      reads: number;
      /** networkHash of the trained network: the page checks its copy against it. */
      hash: number;
    }
  /** Share of the level's SGD steps done, a few dozen times while it trains. */
  | { type: 'progress'; fraction: number }
  | { type: 'error'; message: string };
