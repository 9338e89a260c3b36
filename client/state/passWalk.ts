import {
  analyse,
  type Batch,
  type Network,
  type NeuronRef,
  type PassStep,
  passSteps,
  Trace,
} from '#shared/engine/index';
import { reducedMotion } from './motion.ts';
import type { PlayStore } from './playStore.ts';

/** Milliseconds one step of the walk stays on screen at 1× speed. */
export const STEP_MS = 2200;
export const WALK_SPEEDS = [0.5, 1, 2, 4] as const;
export type WalkSpeed = (typeof WALK_SPEEDS)[number];

/** What the walk reads: the batch mean (δ̄, ā) or one sample of the batch, by its row. */
export type WalkSample = 'mean' | number;

/** What a walk needs from the play view: the network on show, its batch, the budget and who may move. */
export interface WalkSource {
  network: Network;
  batch: Batch;
  eps: number;
  movable(): NeuronRef[];
}

/** easeInOutCubic: slow out of the start, slow into the end. */
export function ease(u: number): number {
  const t = Math.min(1, Math.max(0, u));
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

/**
 * The step-through of one forward and backward pass: which step is on show,
 * whether it plays and how fast, and which sample it reads. The steps and
 * every number in them come from the engine (`passSteps`); the walk only
 * keeps time. Views subscribe and read `current` and `phase(now)`.
 */
export class PassWalk {
  steps: PassStep[] = [];
  index = 0;
  playing = false;
  speed: WalkSpeed = 1;
  sample: WalkSample = 'mean';
  /** Whether the walk is on show at all. */
  open = false;
  /** Bumped each time the steps are read again from the engine. */
  serial = 0;
  /** When the current step began (performance.now()), for its easing. */
  stepStart = 0;
  /** The network and batch the steps were read from: another puzzle closes the walk. */
  private builtFor: { network: Network; batch: Batch } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly source: WalkSource) {}

  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  private changed(): void {
    for (const f of this.listeners) f();
  }

  get current(): PassStep | null {
    return this.open ? (this.steps[this.index] ?? null) : null;
  }

  /** Samples in the batch the walk reads from. */
  get batchSize(): number {
    return this.source.batch.n;
  }

  /** Whether the network on show is still the one the steps describe. */
  fresh(): boolean {
    const b = this.builtFor;
    return !!b && b.network === this.source.network && b.batch === this.source.batch;
  }

  /** Opens the walk on the network as it is now, at its first step; `play` starts it moving. */
  start(play = true): void {
    this.open = true;
    this.build();
    this.go(0);
    if (play) this.play();
    else this.changed();
  }

  /** Reads the steps again from the engine: for the chosen sample, a trace of that one row. */
  private build(): void {
    const { network, batch, eps } = this.source;
    const s = this.sample;
    const trace =
      s === 'mean' ? analyse(network, batch) : new Trace(network, 1).load(batch, [s]).run();
    const movable = this.source.movable();
    this.steps = passSteps(trace, eps, movable.length > 0 ? movable : undefined);
    this.builtFor = { network, batch };
    this.serial++;
  }

  setSample(s: WalkSample): void {
    if (s !== 'mean' && !(Number.isInteger(s) && s >= 0 && s < this.source.batch.n)) return;
    this.sample = s;
    if (this.open) {
      this.build();
      this.stepStart = performance.now();
    }
    this.changed();
  }

  setSpeed(v: WalkSpeed): void {
    this.speed = v;
    this.schedule();
    this.changed();
  }

  /** Plays from where it stands; from the last step it starts over. */
  play(): void {
    if (!this.open) {
      this.open = true;
      this.build();
      this.go(0);
    } else if (this.index >= this.steps.length - 1) this.go(0);
    this.playing = true;
    this.schedule();
    this.changed();
  }

  pause(): void {
    this.playing = false;
    this.clearTimer();
    this.changed();
  }

  /** One step forward (+1) or back (−1); pauses a playing walk. */
  step(by: 1 | -1): void {
    if (!this.open) this.start(false);
    this.playing = false;
    this.clearTimer();
    this.go(this.index + by);
    this.changed();
  }

  close(): void {
    this.open = false;
    this.playing = false;
    this.clearTimer();
    this.changed();
  }

  private go(i: number): void {
    this.index = Math.min(this.steps.length - 1, Math.max(0, i));
    this.stepStart = performance.now();
  }

  /**
   * What neuron j of layer l shows on the stage at the current step: the
   * forward pass has reached it (its a), δ has come back to it (its δ), or
   * nothing yet (`blank`); null when the walk is not on show. Numbers are the
   * steps' own, so the stage and the equation never disagree.
   */
  label(l: number, j: number): { sym: 'a' | 'delta'; v: number } | 'blank' | null {
    const cur = this.current;
    if (!cur || l < 1 || !this.fresh()) return null;
    const fwd = this.steps.find((s) => s.kind === 'forward' && s.l === l);
    const back = this.steps.find((s) => (s.kind === 'bp1' || s.kind === 'bp2') && s.l === l);
    const a = fwd?.kind === 'forward' ? fwd.a[j] : undefined;
    const d = back?.kind === 'bp1' || back?.kind === 'bp2' ? back.delta[j] : undefined;
    if (cur.kind === 'forward') return l <= cur.l && a !== undefined ? { sym: 'a', v: a } : 'blank';
    const reached = cur.kind === 'bp1' || cur.kind === 'bp2' ? l >= cur.l : true;
    if (reached && d !== undefined) return { sym: 'delta', v: d };
    return a !== undefined ? { sym: 'a', v: a } : 'blank';
  }

  /** How far the current step has come, 0…1 and eased; 1 at once when motion is reduced. */
  phase(now: number): number {
    if (reducedMotion()) return 1;
    // The arrival takes the first 60 % of a step; the rest of it holds still to be read.
    return ease((now - this.stepStart) / ((STEP_MS * 0.6) / this.speed));
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.playing) return;
    const left = Math.max(0, STEP_MS / this.speed - (performance.now() - this.stepStart));
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.playing) return;
      if (this.index >= this.steps.length - 1) {
        this.playing = false;
      } else {
        this.go(this.index + 1);
        this.schedule();
      }
      this.changed();
    }, left);
  }
}

/** A step-through of the store's network: the neurons the demon may use are the ones the player may pick. */
export function walkOver(store: PlayStore): PassWalk {
  const walk = new PassWalk({
    get network() {
      return store.network;
    },
    get batch() {
      return store.batch;
    },
    get eps() {
      return store.eps;
    },
    movable() {
      const out: { l: number; j: number }[] = [];
      for (let l = 1; l <= store.L; l++)
        for (let j = 0; j < store.network.sizes[l]!; j++)
          if (store.pickable(l, j)) out.push({ l, j });
      return out;
    },
  });
  store.walk = walk;
  return walk;
}
