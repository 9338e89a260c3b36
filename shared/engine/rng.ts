import { check, checkFinite, checkInteger, describeValue, EngineErrorCode } from './errors.ts';

const MAX_UINT32 = 0xffffffff;

/**
 * A seeded PRNG (sfc32, seeded by splitmix32), passed in explicitly wherever
 * the engine needs chance: the same seed gives the same numbers, bit for bit,
 * on any machine. Its state is four 32-bit words, so it can be saved and resumed.
 *
 * A seed is an integer in [0, 2³² − 1] (a fraction, a negative number or a
 * larger one is refused rather than silently wrapped onto another seed's
 * stream). Seed 0 is read as 0x9e3779b9 = 2654435769: the two give the same stream.
 */
export class Rng {
  private s: Uint32Array;

  constructor(seed: number | readonly number[]) {
    this.s = new Uint32Array(4);
    check(
      typeof seed === 'number' || Array.isArray(seed),
      EngineErrorCode.BadArgument,
      `a seed must be an integer or a saved state of four words, got ${describeValue(seed)}`,
    );
    if (typeof seed === 'number') {
      checkInteger(seed, 0, MAX_UINT32, EngineErrorCode.BadArgument, 'seed');
      let x = seed >>> 0 || 0x9e3779b9;
      for (let i = 0; i < 4; i++) {
        // splitmix32: spreads one seed over four well-mixed words
        x = (x + 0x9e3779b9) >>> 0;
        let t = x;
        t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
        t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
        this.s[i] = (t ^ (t >>> 16)) >>> 0;
      }
      for (let i = 0; i < 12; i++) this.nextUint32();
    } else {
      check(
        seed.length === 4,
        EngineErrorCode.BadArgument,
        `a saved state is four words, got ${seed.length}`,
      );
      seed.forEach((w, i) => {
        checkInteger(w, 0, MAX_UINT32, EngineErrorCode.BadArgument, `state[${i}]`);
      });
      this.s.set(seed);
    }
  }

  /** The state, to resume this stream later with `new Rng(state)`. */
  state(): number[] {
    return Array.from(this.s);
  }

  nextUint32(): number {
    const s = this.s;
    const t = (((s[0]! + s[1]!) >>> 0) + s[3]!) >>> 0;
    s[3] = (s[3]! + 1) >>> 0;
    s[0] = s[1]! ^ (s[1]! >>> 9);
    s[1] = (s[2]! + (s[2]! << 3)) >>> 0;
    s[2] = ((s[2]! << 21) | (s[2]! >>> 11)) >>> 0;
    s[2] = (s[2]! + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [lo, hi); lo ≤ hi, both finite and hi − lo too. */
  uniform(lo: number, hi: number): number {
    checkFinite(lo, 'lo');
    checkFinite(hi, 'hi');
    check(
      lo <= hi && Number.isFinite(hi - lo),
      EngineErrorCode.BadArgument,
      `uniform needs lo ≤ hi and a finite hi − lo, got [${lo}, ${hi})`,
    );
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [0, n), for an integer n in [1, 2⁵³]. */
  int(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= 2 ** 53)) {
      checkInteger(n, 1, 2 ** 53, EngineErrorCode.BadArgument, 'n');
    }
    return Math.floor(this.next() * n);
  }

  /** Standard normal by Box–Muller. */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Fisher–Yates, in place: for i = length − 1 down to 1, swap xs[i] with
   * xs[int(i + 1)]. An array or a typed array.
   */
  shuffle<T extends { length: number; [i: number]: unknown }>(xs: T): T {
    check(
      Array.isArray(xs) || (ArrayBuffer.isView(xs) && !(xs instanceof DataView)),
      EngineErrorCode.BadArgument,
      `shuffle needs an array, got ${describeValue(xs)}`,
    );
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
    }
    return xs;
  }
}
