import type { Batch } from '../engine/batch.ts';

/**
 * The packed MNIST asset: a 24-byte header, then one label byte per digit, then
 * rows·cols pixel bytes per digit (0 = paper, 255 = ink), the nTrain training
 * digits first and the nTest held-out digits after them. Little-endian:
 *
 *   0  "BPMN"        magic
 *   4  u16 version   (1)
 *   6  u8 rows, u8 cols   (28, 28)
 *   8  u32 nTrain
 *  12  u32 nTest
 *  16  u32 FNV-1a of the body (everything after the header)
 *  20  u32 body length, so a cut-off download is told from a corrupt one
 *
 * Pure: no DOM, no Node. The browser and Node decompress it themselves.
 */
export interface MnistData {
  readonly rows: number;
  readonly cols: number;
  readonly nTrain: number;
  readonly nTest: number;
  /** labels[i] ∈ 0…9 is the digit drawn in image i; training digits come first. */
  readonly labels: Uint8Array;
  /** pixels[i·rows·cols + r·cols + c]: image i, row r, column c. */
  readonly pixels: Uint8Array;
}

const MNIST_MAGIC = 'BPMN';
const MNIST_VERSION = 1;
const MNIST_HEADER_BYTES = 24;
/** The split every run uses: the book's chapter 1 has 60,000/10,000; this package ships a sixth. */
export const MNIST_TRAIN = 8000;
export const MNIST_TEST = 2000;
export const MNIST_CLASSES = 10;

export class MnistFormatError extends Error {
  override readonly name = 'MnistFormatError';
}

/** FNV-1a, 32 bits: cheap, and any flipped byte changes it. */
export function fnv1a(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The asset's bytes for a set of digits (the build packs the npm package's digits with it). */
export function encodeMnist(data: MnistData): Uint8Array {
  const n = data.nTrain + data.nTest;
  const area = data.rows * data.cols;
  if (data.labels.length !== n || data.pixels.length !== n * area) {
    throw new MnistFormatError(`expected ${n} labels and ${n * area} pixels`);
  }
  const body = n + n * area;
  const out = new Uint8Array(MNIST_HEADER_BYTES + body);
  for (let i = 0; i < 4; i++) out[i] = MNIST_MAGIC.charCodeAt(i);
  out.set(data.labels, MNIST_HEADER_BYTES);
  out.set(data.pixels, MNIST_HEADER_BYTES + n);
  const v = new DataView(out.buffer);
  v.setUint16(4, MNIST_VERSION, true);
  v.setUint8(6, data.rows);
  v.setUint8(7, data.cols);
  v.setUint32(8, data.nTrain, true);
  v.setUint32(12, data.nTest, true);
  v.setUint32(16, fnv1a(out, MNIST_HEADER_BYTES), true);
  v.setUint32(20, body, true);
  return out;
}

/** Reads the asset's (decompressed) bytes, checking magic, version, length, labels and checksum. */
export function parseMnist(bytes: Uint8Array): MnistData {
  if (bytes.length < MNIST_HEADER_BYTES) {
    throw new MnistFormatError(`the digits file is ${bytes.length} bytes, shorter than its header`);
  }
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MNIST_MAGIC) throw new MnistFormatError('this is not a packed digits file');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = v.getUint16(4, true);
  if (version !== MNIST_VERSION) {
    throw new MnistFormatError(`digits file version ${version}, this page reads ${MNIST_VERSION}`);
  }
  const rows = v.getUint8(6);
  const cols = v.getUint8(7);
  const nTrain = v.getUint32(8, true);
  const nTest = v.getUint32(12, true);
  const sum = v.getUint32(16, true);
  const body = v.getUint32(20, true);
  const n = nTrain + nTest;
  if (body !== n * (1 + rows * cols) || bytes.length !== MNIST_HEADER_BYTES + body) {
    throw new MnistFormatError(
      `the digits file should hold ${MNIST_HEADER_BYTES + body} bytes, got ${bytes.length}: it was cut off`,
    );
  }
  if (fnv1a(bytes, MNIST_HEADER_BYTES) !== sum) {
    throw new MnistFormatError('the digits file fails its checksum: it was damaged');
  }
  const labels = bytes.subarray(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + n);
  for (let i = 0; i < n; i++) {
    if (labels[i]! >= MNIST_CLASSES)
      throw new MnistFormatError(`label ${labels[i]} is not a digit`);
  }
  const pixels = bytes.subarray(MNIST_HEADER_BYTES + n);
  return { rows, cols, nTrain, nTest, labels, pixels };
}

/** Index of test digit t among all images (test digits follow the training digits). */
export function testIndex(data: MnistData, t: number): number {
  return data.nTrain + t;
}

/** Image i's rows·cols pixel bytes (a view, not a copy). */
export function image(data: MnistData, i: number): Uint8Array {
  const area = data.rows * data.cols;
  return data.pixels.subarray(i * area, (i + 1) * area);
}

/**
 * Images [from, from + count) as an engine batch: x = pixel/255 ∈ [0, 1] (the
 * book's input scale) and y the one-hot vector of the label, as in chapter 1.
 */
export function imagesToBatch(data: MnistData, from: number, count: number): Batch {
  const nIn = data.rows * data.cols;
  const x = new Float64Array(count * nIn);
  const y = new Float64Array(count * MNIST_CLASSES);
  const src = data.pixels.subarray(from * nIn, (from + count) * nIn);
  for (let i = 0; i < src.length; i++) x[i] = src[i]! / 255;
  for (let s = 0; s < count; s++) y[s * MNIST_CLASSES + data.labels[from + s]!] = 1;
  return { n: count, nIn, nOut: MNIST_CLASSES, x, y };
}

/** The 8,000 training digits as one batch. */
export function trainBatch(data: MnistData): Batch {
  return imagesToBatch(data, 0, data.nTrain);
}

/** The 2,000 held-out digits as one batch. */
export function testBatch(data: MnistData): Batch {
  return imagesToBatch(data, data.nTrain, data.nTest);
}
