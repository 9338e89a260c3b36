/**
 * The server's PRNG, written from docs/protocol.md ("Verifying the server"):
 * sfc32 with four 32-bit words of state, seeded by a Weyl sequence through
 * murmur3's 32-bit finaliser, then 12 outputs thrown away.
 */
export class Sfc32 {
  /** @param {number} seed an integer in [0, 2³² − 1] */
  constructor(seed) {
    let x = seed >>> 0 || 0x9e3779b9;
    /** @type {number[]} */
    this.s = [];
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let t = x;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
      this.s.push((t ^ (t >>> 16)) >>> 0);
    }
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** One sfc32 output: t = a + b + counter, then the state mixes. */
  u32() {
    let [a, b, c, d] = this.s;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    this.s = [a, b, c, d];
    return t;
  }

  /** Uniform in [0, 1) from 53 bits: 27 of one output and 26 of the next. */
  next() {
    const hi = this.u32() >>> 5;
    const lo = this.u32() >>> 6;
    return (hi * 2 ** 26 + lo) / 2 ** 53;
  }

  uniform(lo, hi) {
    return lo + (hi - lo) * this.next();
  }

  int(n) {
    return Math.floor(this.next() * n);
  }

  /** Box–Muller, cosine branch; u is drawn again while it is 0. */
  normal() {
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates in place, from the end. */
  shuffle(xs) {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
    }
    return xs;
  }
}

/** The seed of round r's stream: 1 draws the round's puzzle batch, 2 orders the SGD after it. */
export function roundSeed(seed, round, stream) {
  return (seed ^ Math.imul(round, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
}
