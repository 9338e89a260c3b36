/**
 * The server's data sets, from their description in docs/protocol.md. A
 * data set is a list of samples { x: number[], y: number[] }, drawn from a
 * fresh PRNG of the session's seed.
 */
const GLYPHS = [
  ['.###.', '#...#', '#...#', '#...#', '.###.'],
  ['..#..', '.##..', '..#..', '..#..', '.###.'],
  ['.###.', '#...#', '..##.', '.#...', '#####'],
  ['####.', '....#', '.###.', '....#', '####.'],
  ['#..#.', '#..#.', '#####', '...#.', '...#.'],
  ['#####', '#....', '####.', '....#', '####.'],
  ['.###.', '#....', '####.', '#...#', '.###.'],
  ['#####', '...#.', '..#..', '.#...', '.#...'],
  ['.###.', '#...#', '.###.', '#...#', '.###.'],
  ['.###.', '#...#', '.####', '....#', '.###.'],
];

const truth = (op) =>
  [0, 1, 2, 3].map((s) => {
    const p = s >> 1;
    const q = s & 1;
    return { x: [p, q], y: [op(p, q) ? 1 : 0] };
  });

/**
 * @param {string} name
 * @param {import('./rng.mjs').Sfc32} rng
 * @param {number} n
 * @param {number} noise
 */
export function dataset(name, rng, n, noise) {
  const out = [];
  switch (name) {
    case 'and':
      return truth((p, q) => p && q);
    case 'or':
      return truth((p, q) => p || q);
    case 'xor':
      return truth((p, q) => p !== q);
    case 'circle':
      for (let s = 0; s < n; s++) {
        const inside = s % 2 === 0;
        const r = inside ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1);
        const t = rng.uniform(0, 2 * Math.PI);
        const x0 = r * Math.sin(t) + noise * 0.3 * rng.normal();
        const x1 = r * Math.cos(t) + noise * 0.3 * rng.normal();
        out.push({ x: [x0, x1], y: [inside ? 1 : 0] });
      }
      return out;
    case 'spirals':
      for (let s = 0; s < n; s++) {
        const cls = s % 2;
        const u = Math.floor(s / 2) / Math.max(1, Math.ceil(n / 2));
        const r = 0.05 + 0.95 * u;
        const t = 1.75 * u * 2 * Math.PI + cls * Math.PI;
        const x0 = r * Math.sin(t) + noise * 0.3 * rng.normal();
        const x1 = r * Math.cos(t) + noise * 0.3 * rng.normal();
        out.push({ x: [x0, x1], y: [cls === 0 ? 1 : 0] });
      }
      return out;
    case 'clusters':
      for (let s = 0; s < n; s++) {
        const cls = s % 2 === 0 ? 1 : 0;
        const c = cls ? 0.5 : -0.5;
        const spread = 0.15 + noise * 1.5;
        const x0 = c + spread * rng.normal();
        const x1 = c + spread * rng.normal();
        out.push({ x: [x0, x1], y: [cls] });
      }
      return out;
    case 'digits':
      for (let s = 0; s < n; s++) {
        const d = s % 10;
        const x = [];
        for (let r = 0; r < 5; r++)
          for (let c = 0; c < 5; c++)
            x.push((GLYPHS[d][r][c] === '#') !== rng.next() < noise ? 1 : 0);
        const y = new Array(10).fill(0);
        y[d] = 1;
        out.push({ x, y });
      }
      return out;
    default:
      throw new Error(`unknown data set ${name}`);
  }
}

/** `size` distinct samples: a shuffle of 0…n−1, its first `size`. */
export function drawBatch(data, size, rng) {
  const order = rng.shuffle(data.map((_, i) => i));
  return order.slice(0, Math.min(size, data.length)).map((i) => data[i]);
}
