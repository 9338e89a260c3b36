/**
 * Work that may wait its turn: one job per turn of the event loop, so that
 * sockets are read between jobs. Many rooms opening or closing a round at
 * once then take turns instead of holding up the moves arriving elsewhere.
 */
const jobs: (() => void)[] = [];
let scheduled = false;

function runOne(): void {
  scheduled = false;
  const job = jobs.shift();
  if (jobs.length) {
    scheduled = true;
    setImmediate(runOne);
  }
  job?.();
}

export function later(job: () => void): void {
  jobs.push(job);
  if (!scheduled) {
    scheduled = true;
    setImmediate(runOne);
  }
}

/** Runs `work` in its turn and settles with its result (or its error). */
export function inTurn<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    later(() => {
      try {
        resolve(work());
      } catch (e) {
        reject(e);
      }
    });
  });
}
