import { check, EngineError, EngineErrorCode } from './errors.ts';

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

function rows(xs: unknown, width: number, what: string, n: number): Float64Array {
  check(Array.isArray(xs), EngineErrorCode.BadArgument, `${what} must be an array of rows`);
  check(
    xs.length === n,
    EngineErrorCode.SizeMismatch,
    `${what} must have ${n} rows, got ${xs.length}`,
  );
  const out = new Float64Array(n * width);
  for (let s = 0; s < n; s++) {
    const row = xs[s];
    check(
      Array.isArray(row) && row.length === width,
      EngineErrorCode.SizeMismatch,
      `${what}[${s}] must have ${width} numbers`,
    );
    for (let k = 0; k < width; k++) {
      const v = row[k];
      if (!(typeof v === 'number' && Number.isFinite(v))) {
        throw new EngineError(
          EngineErrorCode.NotFinite,
          `${what}[${s}][${k}] must be a finite number`,
        );
      }
      out[s * width + k] = v;
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
  return { n, nIn, nOut, x: rows(inputs, nIn, 'inputs', n), y: rows(targets, nOut, 'targets', n) };
}

export function batchFromJSON(json: BatchJSON, nIn: number, nOut: number): Batch {
  check(
    typeof json === 'object' && json !== null,
    EngineErrorCode.BadArgument,
    'batch must be an object',
  );
  return makeBatch(json.inputs, json.targets, nIn, nOut);
}

export function batchToJSON(batch: Batch): BatchJSON {
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
  check(indices.length > 0, EngineErrorCode.EmptyBatch, 'a batch needs at least one sample');
  const { nIn, nOut } = batch;
  const x = new Float64Array(indices.length * nIn);
  const y = new Float64Array(indices.length * nOut);
  indices.forEach((s, i) => {
    check(
      Number.isInteger(s) && s >= 0 && s < batch.n,
      EngineErrorCode.BadArgument,
      `sample index ${s} is not in the batch`,
    );
    x.set(batch.x.subarray(s * nIn, (s + 1) * nIn), i * nIn);
    y.set(batch.y.subarray(s * nOut, (s + 1) * nOut), i * nOut);
  });
  return { n: indices.length, nIn, nOut, x, y };
}

export function checkBatchFits(batch: Batch, sizes: readonly number[]): void {
  // Plain throws, not check(): a step loads a batch, and these messages are built only on failure.
  if (!(batch.n > 0)) {
    throw new EngineError(EngineErrorCode.EmptyBatch, 'a batch needs at least one sample');
  }
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
