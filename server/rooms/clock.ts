/**
 * A room's own time: its timers and its next-turn jobs, all cleared by
 * `clear()` when the room is disposed, so that no job outlives its room.
 */
export class RoomClock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly turns = new Set<NodeJS.Immediate>();
  private readonly waiting = new Set<() => void>();
  private stopped = false;

  /** Runs `job` after `ms`; the returned function cancels it. */
  after(ms: number, job: () => void): () => void {
    if (this.stopped) return () => {};
    const t = setTimeout(() => {
      this.timers.delete(t);
      job();
    }, ms);
    this.timers.add(t);
    return () => {
      clearTimeout(t);
      this.timers.delete(t);
    };
  }

  /**
   * Runs `job` on the next turn of the event loop, after the poll phase: the
   * moves already read from the sockets are counted before it.
   */
  nextTurn(job: () => void): void {
    if (this.stopped) return;
    const i = setImmediate(() => {
      this.turns.delete(i);
      job();
    });
    this.turns.add(i);
  }

  /** Settles on the next turn, or at once when the clock is cleared (callers check `running`). */
  turn(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.add(resolve);
      this.nextTurn(() => {
        this.waiting.delete(resolve);
        resolve();
      });
    });
  }

  get running(): boolean {
    return !this.stopped;
  }

  /** onDispose: every pending timer and job is dropped, and no new one starts. */
  clear(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    for (const i of this.turns) clearImmediate(i);
    this.timers.clear();
    this.turns.clear();
    for (const resolve of this.waiting) resolve();
    this.waiting.clear();
  }
}
