import fc from 'fast-check';
import {
  ACTIVATIONS,
  type ActivationName,
  type Batch,
  type CostName,
  createNetwork,
  type Network,
  Rng,
} from '#shared/engine/index';

/** A random network and batch: the shape, σ of each layer and cost drawn by fast-check, the numbers by the engine's PRNG. */
export interface Case {
  net: Network;
  batch: Batch;
  label: string;
}

const SHAPES: readonly number[][] = [
  [1, 1],
  [2, 3, 1],
  [3, 4, 2],
  [2, 5, 4, 3],
  [4, 3, 3, 3, 2],
];

export function makeCase(
  sizes: readonly number[],
  acts: readonly ActivationName[],
  cost: CostName,
  n: number,
  seed: number,
): Case {
  const rng = new Rng(seed);
  const net = createNetwork({ sizes, activations: acts, cost }, rng);
  // Biases spread wider than the default so that neurons sit off zero and some saturate.
  for (let l = 1; l < sizes.length; l++)
    for (let j = 0; j < sizes[l]!; j++) net.b[l]![j] = rng.uniform(-1, 1);
  const nIn = sizes[0]!;
  const nOut = sizes[sizes.length - 1]!;
  const x = new Float64Array(n * nIn).map(() => rng.uniform(-2, 2));
  const y = new Float64Array(n * nOut).map(() => rng.next());
  return {
    net,
    batch: { n, nIn, nOut, x, y },
    label: `${JSON.stringify(sizes)} ${acts.join('/')} ${cost} n=${n} seed=${seed}`,
  };
}

/** Any shape, a σ per layer from `kinds`, either cost (cross-entropy forces a sigmoid output, as the engine requires). */
function casesOf(kinds: readonly ActivationName[]): fc.Arbitrary<Case> {
  return fc
    .record({
      shape: fc.constantFrom(...SHAPES),
      cost: fc.constantFrom<CostName>('quadratic', 'crossEntropy'),
      acts: fc.array(fc.constantFrom(...kinds), { minLength: 4, maxLength: 4 }),
      n: fc.integer({ min: 1, max: 5 }),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    })
    .map(({ shape, cost, acts, n, seed }) => {
      const L = shape.length - 1;
      const list = acts.slice(0, L);
      if (cost === 'crossEntropy') list[L - 1] = 'sigmoid';
      return makeCase(shape, list, cost, n, seed);
    });
}

/** Every σ. */
export const caseArb = casesOf(ACTIVATIONS);
/** The smooth σs: relu's kink is left out where a result depends on smoothness. */
export const smoothCaseArb = casesOf(['sigmoid', 'tanh', 'linear']);

/** True when some relu neuron's z lies within `margin` of its kink, where a finite difference straddles two slopes. */
export function nearReluKink(
  zs: readonly Float64Array[],
  acts: readonly ActivationName[],
  margin: number,
): boolean {
  for (let l = 1; l < zs.length; l++) {
    if (acts[l] !== 'relu') continue;
    for (const z of zs[l]!) if (Math.abs(z) < margin) return true;
  }
  return false;
}

/** |got − want| ≤ abs + rel·|want|, with a message naming the quantity. */
export function close(got: number, want: number, abs: number, rel: number, what: string): void {
  if (!(Math.abs(got - want) <= abs + rel * Math.abs(want))) {
    throw new Error(`${what}: engine ${got}, reference ${want}, |diff| ${Math.abs(got - want)}`);
  }
}
