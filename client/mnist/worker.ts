import { parseMnist, testBatch, trainBatch } from '#shared/data/mnist';
import { evaluate, mnistTrainer, networkHash, stepsPerEpoch } from '#shared/data/mnistTraining';
import type { Batch } from '#shared/engine/batch';
import type { Trainer } from '#shared/engine/sgd';
import type { FromWorker, Params, ToWorker } from './protocol.ts';

// SGD on the digits, off the page's thread: the page only draws the snapshots.
// The client's types are the DOM's, so the worker scope is typed by what it uses.
const scope = self as unknown as {
  postMessage(msg: FromWorker, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

/** Steps between looks at the message queue (about 50 ms of work on [784,30,10]). */
const CHUNK = 50;
/** Least time between two snapshots: four a second is smooth enough for the curve. */
const SNAPSHOT_MS = 250;

let train: Batch | undefined;
let test: Batch | undefined;
let trainer: Trainer | undefined;
/** The page's number for the current network, echoed in every report. */
let run = 0;
let until = 0;
let running = false;
let losses: [number, number][] = [];
let lastSnapshot = 0;
/** Bumped by reset and pause, so a loop started before stops. */
let generation = 0;

function params(): Params {
  const { w, b } = trainer!.net;
  return { w: w.map((x) => x.slice()), b: b.map((x) => x.slice()) };
}

function post(msg: FromWorker): void {
  const transfer: Transferable[] = [];
  if (msg.type !== 'error') {
    for (const a of [...msg.params.w, ...msg.params.b]) transfer.push(a.buffer);
  }
  if (msg.type === 'epoch') transfer.push(msg.predicted.buffer);
  scope.postMessage(msg, transfer);
}

function snapshot(): void {
  post({
    type: 'snapshot',
    run,
    steps: trainer!.steps,
    running,
    losses,
    params: params(),
  });
  losses = [];
  lastSnapshot = performance.now();
}

async function loop(gen: number): Promise<void> {
  const t = trainer!;
  const per = stepsPerEpoch(train!);
  while (gen === generation && t.steps < until * per) {
    const end = Math.min(t.steps + CHUNK, until * per, (Math.floor(t.steps / per) + 1) * per);
    let sum = 0;
    let count = 0;
    while (t.steps < end) {
      const r = t.step();
      if (r.diverged || r.cost === null) break;
      sum += r.cost;
      count++;
    }
    if (count) losses.push([t.steps, sum / count]);
    if (t.diverged) break;
    if (t.steps % per === 0) {
      const ev = evaluate(t.net, test!);
      post({
        type: 'epoch',
        run,
        epoch: t.steps / per,
        accuracy: ev.accuracy,
        cost: ev.cost,
        predicted: ev.predicted,
        wrong: ev.wrong,
        hash: networkHash(t.net),
        params: params(),
      });
    }
    if (performance.now() - lastSnapshot > SNAPSHOT_MS) snapshot();
    // Let 'pause' and 'reset' in between chunks.
    await new Promise((r) => setTimeout(r, 0));
  }
  if (gen === generation) {
    running = false;
    snapshot();
  }
}

scope.onmessage = (e) => {
  const msg = e.data;
  try {
    if (msg.type === 'data') {
      const data = parseMnist(new Uint8Array(msg.bytes));
      train = trainBatch(data);
      test = testBatch(data);
    } else if (msg.type === 'reset') {
      if (!train) throw new Error('the digits are not loaded yet');
      generation++;
      running = false;
      trainer = mnistTrainer(train, msg.spec);
      run = msg.run;
      losses = [];
      snapshot();
    } else if (msg.type === 'train') {
      if (!trainer) throw new Error('no network yet');
      until = msg.until;
      if (!running) {
        running = true;
        void loop(++generation);
      }
    } else if (msg.type === 'pause') {
      generation++;
      running = false;
      if (trainer) snapshot();
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
