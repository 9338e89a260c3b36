import url from 'virtual:mnist-asset';
import { type MnistData, parseMnist } from '#shared/data/mnist';

export interface LoadProgress {
  /** Bytes received of the compressed file, and its size when the server says it. */
  received: number;
  total: number;
  phase: 'download' | 'unpack';
}

/** gzip's first two bytes: a server or proxy that already undid the gzip sends the raw file. */
function isGzip(b: Uint8Array): boolean {
  return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Downloads the packed digits (gzip, about 1.6 MB), reporting progress, then
 * unpacks them with the browser's own DecompressionStream and checks the
 * header and checksum. Returns the raw bytes too, to hand to the worker.
 */
export async function loadMnist(
  onProgress: (p: LoadProgress) => void,
): Promise<{ data: MnistData; bytes: Uint8Array<ArrayBuffer> }> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const total = Number(res.headers.get('Content-Length') ?? 0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress({ received, total, phase: 'download' });
  }
  const packed = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    packed.set(c, at);
    at += c.length;
  }
  onProgress({ received, total, phase: 'unpack' });
  const bytes = isGzip(packed) ? await gunzip(packed) : packed;
  return { data: parseMnist(bytes), bytes };
}
