import type { CostName } from './costs.ts';
import {
  check,
  checkInteger,
  describeValue,
  EngineError,
  EngineErrorCode,
  isRecord,
} from './errors.ts';
import { MAX_LAYER_SIZE } from './network.ts';

/** Samples x with targets y, row-major: x[s·n0 + k], y[s·nL + j]. */
export interface Batch {
  readonly n: number;
  readonly nIn: number;
  readonly nOut: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface BatchJSON {
  inputs: number[][];
  targets: number[][];
}

/** Most samples one batch may hold. */
export const MAX_BATCH = 100_000;
/** Most numbers (inputs and targets) one batch may hold: 2²⁶, 512 MiB of doubles. */
export const MAX_BATCH_CELLS = 1 << 26;
/**
 * Largest |x| of an input and |y| of a target. The data sets lie in [−1, 1]
 * or {0, 1}; past 10⁶ a weight of MAX_PARAMETER would already give z of 10¹²
 * per input, where a sigmoid has long saturated and ½(a − y)² loses its digits.
 */
export const MAX_INPUT = 1e6;

function checkShape(n: unknown, nIn: unknown, nOut: unknown): void {
  checkInteger(n, 1, MAX_BATCH, EngineErrorCode.BadArgument, 'number of samples');
  checkInteger(nIn, 1, MAX_LAYER_SIZE, EngineErrorCode.SizeMismatch, 'inputs per sample');
  checkInteger(nOut, 1, MAX_LAYER_SIZE, EngineErrorCode.SizeMismatch, 'targets per sample');
  check(
    n * (nIn + nOut) <= MAX_BATCH_CELLS,
    EngineErrorCode.TooLarge,
    `a batch holds at most ${MAX_BATCH_CELLS} numbers, ${n}·(${nIn} + ${nOut}) asked`,
  );
}

/** v is a finite number within ±MAX_INPUT; else the EngineError that says why. */
function checkValue(v: unknown, what: () => string): void {
  if (typeof v === 'number' && Math.abs(v) <= MAX_INPUT) return;
  if (typeof v === 'number' && Number.isFinite(v)) {
    throw new EngineError(
      EngineErrorCode.OutOfRange,
      `${what()} must lie within ±${MAX_INPUT}, got ${v}`,
    );
  }
  throw new EngineError(
    EngineErrorCode.NotFinite,
    `${what()} must be a finite number, got ${describeValue(v)}`,
  );
}

function rows(xs: unknown, width: number, what: string, n: number): Float64Array {
  check(Array.isArray(xs), EngineErrorCode.BadArgument, `${what} must be an array of rows`);
  check(
    xs.length === n,
    EngineErrorCode.SizeMismatch,
    `${what} must have ${n} rows, got ${xs.length}`,
  );
  const out = new Float64Array(n * width);
  for (let s = 0; s < n; s++) {
    const row: unknown = xs[s];
    check(
      Array.isArray(row) && row.length === width,
      EngineErrorCode.SizeMismatch,
      `${what}[${s}] must have ${width} numbers`,
    );
    for (let k = 0; k < width; k++) {
      const v: unknown = row[k];
      checkValue(v, () => `${what}[${s}][${k}]`);
      out[s * width + k] = v as number;
    }
  }
  return out;
}

/** A batch from rows of inputs and targets, checked against the network's n0 and nL. */
export function makeBatch(
  inputs: number[][],
  targets: number[][],
  nIn: number,
  nOut: number,
): Batch {
  check(Array.isArray(inputs), EngineErrorCode.BadArgument, 'inputs must be an array of rows');
  const n = inputs.length;
  check(n > 0, EngineErrorCode.EmptyBatch, 'a batch needs at least one sample');
  check(n <= MAX_BATCH, EngineErrorCode.BadArgument, `a batch holds at most ${MAX_BATCH} samples`);
  checkShape(n, nIn, nOut);
  return { n, nIn, nOut, x: rows(inputs, nIn, 'inputs', n), y: rows(targets, nOut, 'targets', n) };
}

export function batchFromJSON(json: BatchJSON, nIn: number, nOut: number): Batch {
  check(isRecord(json), EngineErrorCode.BadArgument, 'batch must be an object');
  return makeBatch(json.inputs, json.targets, nIn, nOut);
}

/**
 * Checks that batch is a batch: n, nIn, nOut in range and x, y Float64Arrays of
 * n·nIn and n·nOut numbers. Its values are checked where they are used
 * (Trace.load, batchToJSON).
 */
export function checkBatch(batch: unknown): asserts batch is Batch {
  check(
    isRecord(batch),
    EngineErrorCode.BadArgument,
    `batch must be an object, got ${describeValue(batch)}`,
  );
  const { n, nIn, nOut, x, y } = batch;
  if (n === 0)
    throw new EngineError(EngineErrorCode.EmptyBatch, 'a batch needs at least one sample');
  checkShape(n, nIn, nOut);
  check(
    x instanceof Float64Array && x.length === (n as number) * (nIn as number),
    EngineErrorCode.SizeMismatch,
    `batch.x must be a Float64Array of n·nIn = ${(n as number) * (nIn as number)} inputs`,
  );
  check(
    y instanceof Float64Array && y.length === (n as number) * (nOut as number),
    EngineErrorCode.SizeMismatch,
    `batch.y must be a Float64Array of n·nOut = ${(n as number) * (nOut as number)} targets`,
  );
}

/**
 * Checks the numbers in rows [from, to) of x (inputs) and y (targets) as a
 * trace copied them: finite, within ±MAX_INPUT, and for cross-entropy a
 * target in [0, 1] (−[y ln a + (1 − y) ln(1 − a)] is a cost only there).
 */
export function checkValues(
  x: Float64Array,
  y: Float64Array,
  xCount: number,
  yCount: number,
  cost: CostName,
): void {
  for (let i = 0; i < xCount; i++) {
    if (!(Math.abs(x[i]!) <= MAX_INPUT)) checkValue(x[i], () => `input ${i}`);
  }
  for (let i = 0; i < yCount; i++) {
    if (!(Math.abs(y[i]!) <= MAX_INPUT)) checkValue(y[i], () => `target ${i}`);
  }
  if (cost === 'crossEntropy') {
    for (let i = 0; i < yCount; i++) {
      const v = y[i]!;
      if (!(v >= 0 && v <= 1)) {
        throw new EngineError(
          EngineErrorCode.OutOfRange,
          `a cross-entropy target must lie in [0, 1], got ${v}`,
        );
      }
    }
  }
}

export function batchToJSON(batch: Batch): BatchJSON {
  checkBatch(batch);
  checkValues(batch.x, batch.y, batch.x.length, batch.y.length, 'quadratic');
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let s = 0; s < batch.n; s++) {
    inputs.push(Array.from(batch.x.subarray(s * batch.nIn, (s + 1) * batch.nIn)));
    targets.push(Array.from(batch.y.subarray(s * batch.nOut, (s + 1) * batch.nOut)));
  }
  return { inputs, targets };
}

/** The rows `indices` of a batch, as a new batch. */
export function subBatch(batch: Batch, indices: readonly number[]): Batch {
  checkBatch(batch);
  check(Array.isArray(indices), EngineErrorCode.BadArgument, 'indices must be an array');
  check(indices.length > 0, EngineErrorCode.EmptyBatch, 'a batch needs at least one sample');
  check(
    indices.length <= MAX_BATCH,
    EngineErrorCode.BadArgument,
    `a batch holds at most ${MAX_BATCH} samples`,
  );
  const { nIn, nOut } = batch;
  checkShape(indices.length, nIn, nOut);
  const x = new Float64Array(indices.length * nIn);
  const y = new Float64Array(indices.length * nOut);
  for (let i = 0; i < indices.length; i++) {
    const s: unknown = indices[i];
    check(
      typeof s === 'number' && Number.isInteger(s) && s >= 0 && s < batch.n,
      EngineErrorCode.BadArgument,
      `sample index ${describeValue(s)} is not in the batch`,
    );
    x.set(batch.x.subarray(s * nIn, (s + 1) * nIn), i * nIn);
    y.set(batch.y.subarray(s * nOut, (s + 1) * nOut), i * nOut);
  }
  return { n: indices.length, nIn, nOut, x, y };
}

export function checkBatchFits(batch: Batch, sizes: readonly number[]): void {
  checkBatch(batch);
  if (batch.nIn !== sizes[0]) {
    throw new EngineError(
      EngineErrorCode.SizeMismatch,
      `the batch has ${batch.nIn} inputs but the network's layer 0 has ${sizes[0]} neurons`,
    );
  }
  if (batch.nOut !== sizes[sizes.length - 1]) {
    throw new EngineError(
      EngineErrorCode.SizeMismatch,
      `the batch has ${batch.nOut} targets but the output layer has ${sizes[sizes.length - 1]} neurons`,
    );
  }
}
