/**
 * Work that may wait: one job per turn of the event loop, so that sockets are
 * read between jobs. Many rooms ending a round at once then queue their
 * training instead of holding up the moves still arriving in other rooms.
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
