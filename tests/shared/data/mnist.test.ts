import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  encodeMnist,
  image,
  MnistFormatError,
  parseMnist,
  testBatch,
  testIndex,
  trainBatch,
} from '#shared/data/mnist';
import { packMnist, packMnistGzip } from '../../../scripts/pack-mnist.ts';

// Packing reads 21 MB of JSON: do it once for the file.
const raw = packMnist();
const data = parseMnist(raw);

describe('the packed MNIST asset', () => {
  it('holds 8,000 training and 2,000 test digits of 28×28, every digit in both parts', () => {
    expect([data.nTrain, data.nTest, data.rows, data.cols]).toEqual([8000, 2000, 28, 28]);
    expect(data.pixels.length).toBe(10_000 * 784);
    for (const part of [data.labels.subarray(0, 8000), data.labels.subarray(8000)]) {
      const counts = new Array(10).fill(0);
      for (const d of part) counts[d]++;
      // A fair split: each digit is about a tenth of each part.
      for (const c of counts) expect(c).toBeGreaterThan(part.length * 0.07);
    }
  });

  it('is a few MB, and gzip brings it under 2 MB', () => {
    expect(raw.length).toBe(24 + 10_000 * 785);
    const gz = packMnistGzip(raw);
    expect(gz.length).toBeLessThan(2_000_000);
    // Buffer.equals: a deep toEqual over 7.8 million elements takes most of a minute.
    expect(gunzipSync(gz).equals(raw)).toBe(true);
  });

  it('packs the same bytes every time (the split is fixed)', () => {
    expect(Buffer.from(packMnist()).equals(raw)).toBe(true);
  });

  it('keeps the ink: a digit has dark strokes on a blank margin', () => {
    const img = image(data, testIndex(data, 0));
    expect(Math.max(...img)).toBeGreaterThan(200);
    // The MNIST digits are centred in a 20×20 box: the top row is blank.
    expect(Math.max(...img.subarray(0, 28))).toBe(0);
  });

  it('reads into the engine batch: x = pixel/255, y one-hot of the label', () => {
    const tr = trainBatch(data);
    const te = testBatch(data);
    expect([tr.n, tr.nIn, tr.nOut, te.n]).toEqual([8000, 784, 10, 2000]);
    const t = 17;
    const label = data.labels[testIndex(data, t)]!;
    expect(Array.from(te.y.subarray(t * 10, t * 10 + 10))).toEqual(
      Array.from({ length: 10 }, (_, j) => (j === label ? 1 : 0)),
    );
    const px = image(data, testIndex(data, t));
    for (const k of [0, 300, 400, 783]) expect(te.x[t * 784 + k]).toBe(px[k]! / 255);
  });

  it('refuses a damaged, cut-off or foreign file with a clear reason', () => {
    const flipped = raw.slice();
    flipped[5000] = flipped[5000]! ^ 1;
    expect(() => parseMnist(flipped)).toThrow(/checksum/);
    expect(() => parseMnist(raw.subarray(0, raw.length - 10))).toThrow(/cut off/);
    expect(() => parseMnist(new Uint8Array(40))).toThrow(MnistFormatError);
    expect(() => parseMnist(new Uint8Array(3))).toThrow(/header/);
    const later = raw.slice();
    later[4] = 2;
    expect(() => parseMnist(later)).toThrow(/version 2/);
  });

  it('round-trips through encodeMnist and rejects a label that is not a digit', () => {
    const tiny = {
      rows: 2,
      cols: 2,
      nTrain: 1,
      nTest: 1,
      labels: Uint8Array.of(3, 9),
      pixels: Uint8Array.of(0, 1, 2, 3, 250, 251, 252, 255),
    };
    const back = parseMnist(encodeMnist(tiny));
    expect(Array.from(back.labels)).toEqual([3, 9]);
    expect(Array.from(back.pixels)).toEqual(Array.from(tiny.pixels));
    const bad = encodeMnist({ ...tiny, labels: Uint8Array.of(3, 10) });
    expect(() => parseMnist(bad)).toThrow(/label 10/);
  });
});
