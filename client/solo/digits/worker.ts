import { parseMnist } from '#shared/data/mnist';
import { networkToJSON } from '#shared/engine/networkJson';
import { buildMnistLevel } from '#shared/game/mnistLevel';
import type { BuildReply, BuildRequest } from './protocol.ts';

// One epoch of SGD on 8,000 digits takes a second or two: off the page's
// thread, so the progress bar and the page stay alive meanwhile.
const scope = self as unknown as {
  postMessage(msg: BuildReply): void;
  onmessage: ((e: MessageEvent<BuildRequest>) => void) | null;
};

scope.onmessage = (e) => {
  try {
    const level = buildMnistLevel(parseMnist(new Uint8Array(e.data.bytes)), e.data.spec, (f) =>
      scope.postMessage({ type: 'progress', fraction: f }),
    );
    scope.postMessage({
      type: 'built',
      network: networkToJSON(level.network),
      test: level.test,
      label: level.label,
      reads: level.reads,
      hash: level.hash,
    });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
