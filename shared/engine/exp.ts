/**
 * e^x in plain IEEE-754 arithmetic (fdlibm's e_exp.c), so that every
 * JavaScript engine gives the same bits: Math.exp is left to each engine, and
 * Node's V8 and Chromium's differ in the last bit, which is enough for the same
 * seed to train two different networks. The sigmoid uses this one.
 */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = Math.LOG2E;
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 6.613756321437934e-5;
const P4 = -1.6533902205465252e-6;
const P5 = 4.1381367970572385e-8;
const OVERFLOW = 709.782712893384;
const UNDERFLOW = -745.1332191019411;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** The high word's index: 1 on little-endian machines (all that run a browser today). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2^e for an integer e in [−1022, 1023], built from its bits (exact). */
function pow2(e: number): number {
  words[HI] = (e + 1023) << 20;
  words[1 - HI] = 0;
  return bits[0]!;
}

export function portableExp(x: number): number {
  if (Number.isNaN(x)) return x;
  // e itself, correctly rounded (the reduction below lands 1 ulp high; V8's Math.exp special-cases it too).
  if (x === 1) return Math.E;
  if (x > OVERFLOW) return Number.POSITIVE_INFINITY;
  if (x < UNDERFLOW) return 0;
  const ax = Math.abs(x);
  let hi = 0;
  let lo = 0;
  let k = 0;
  // Reduce: x = k·ln2 + r with |r| ≤ ½ln2, r = hi − lo in two parts for precision.
  if (ax > 0.5 * Math.LN2) {
    if (ax < 1.5 * Math.LN2) k = x > 0 ? 1 : -1;
    else k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021 && k <= 1023) return y * pow2(k);
  // Near the ends of the range 2^k itself is not a normal number: scale in two steps.
  return k > 0 ? y * pow2(k - 1) * 2 : y * pow2(k + 1000) * pow2(-1000);
}
