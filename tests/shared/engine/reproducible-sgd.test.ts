import { describe, expect, it } from 'vitest';
import { cloneNetwork, networkToJSON } from '#shared/engine/index';
import { buildPuzzle, type Puzzle, puzzleToJSON } from '#shared/game/puzzle';
import type { SessionSettings } from '#shared/protocol/schemas';
import { type MoveResult, TrainingWire } from '#shared/protocol/views';
import { dataset, drawBatch } from '../../../examples/bot/lib/datasets.mjs';
import { netFromWire } from '../../../examples/bot/lib/net.mjs';
import { roundSeed, Sfc32 } from '../../../examples/bot/lib/rng.mjs';
import { trainAfterRound as theirTraining } from '../../../examples/bot/lib/sgd.mjs';
import { Verifier } from '../../../examples/bot/lib/verify.mjs';
import {
  nextPuzzle,
  openRoundMath,
  scoreRoundMove,
  trainAfterRound,
  trainingOf,
} from '../../../server/rooms/roundMath.ts';
import { DEFAULT_SETTINGS, puzzleSettings } from '../../../server/rooms/settings.ts';

/**
 * SGD between rounds, recomputed by an outsider. The other side is the
 * example bot's library (examples/bot/lib): its own sfc32, data sets,
 * backprop and SGD, written from docs/protocol.md and importing nothing of
 * the engine. From what round:started publishes — the wire network and
 * `training` — it must give the next round's network and batch bit for bit.
 */
const CASES: { label: string; settings: Partial<SessionSettings> }[] = [
  { label: 'xor, the whole data set as one batch', settings: {} },
  {
    label: 'circle, 8 of 200 samples, tanh',
    settings: {
      dataset: 'circle',
      sizes: [2, 5, 3, 1],
      activations: ['tanh', 'tanh', 'sigmoid'],
      batchSize: 8,
      sgdSteps: 60,
      eta: 1,
      seed: 9,
    },
  },
  {
    label: 'spirals, relu, 13 of 200 (epochs end mid-order)',
    settings: {
      dataset: 'spirals',
      sizes: [2, 6, 1],
      activations: ['relu', 'sigmoid'],
      batchSize: 13,
      sgdSteps: 40,
      eta: 0.3,
      seed: 77,
    },
  },
  {
    label: 'clusters, cross-entropy',
    settings: {
      dataset: 'clusters',
      sizes: [2, 3, 1],
      cost: 'crossEntropy',
      batchSize: 7,
      sgdSteps: 25,
      eta: 2,
      seed: 4_000_000_000,
    },
  },
  {
    label: 'digits, [25,9,10], batch 32 of 500',
    settings: {
      dataset: 'digits',
      sizes: [25, 9, 10],
      activations: ['sigmoid', 'sigmoid'],
      batchSize: 32,
      sgdSteps: 50,
      eta: 3,
      seed: 123,
    },
  },
  {
    label:
      'a learning rate that diverges: the step that would blow up is not taken, and training stops',
    settings: {
      dataset: 'circle',
      sizes: [2, 4, 1],
      activations: ['linear', 'linear'],
      batchSize: 10,
      sgdSteps: 30,
      eta: 1e5,
      seed: 5,
    },
  },
];

const bits = (xs: readonly number[]) => xs.map((x) => (Object.is(x, -0) ? 0 : x));

describe('the next round’s network, recomputed from what the server publishes', () => {
  for (const { label, settings } of CASES) {
    it(label, () => {
      const s: SessionSettings = { ...DEFAULT_SETTINGS, ...settings };
      const built = buildPuzzle(puzzleSettings(s));
      const training = TrainingWire.parse(trainingOf(s));
      // The outsider's data set, from the published generator and seed.
      const data = dataset(
        training.dataset,
        new Sfc32(training.seed),
        training.samples,
        training.noise,
      );
      expect(data.map((d) => d.x)).toEqual(
        Array.from({ length: built.data.n }, (_, i) =>
          Array.from(built.data.x.subarray(i * built.data.nIn, (i + 1) * built.data.nIn)),
        ),
      );
      let wire = puzzleToJSON(built.puzzle);
      let network = cloneNetwork(built.puzzle.network);
      let stepsSeen = 0;
      for (let round = 1; round <= 3; round++) {
        const steps = trainAfterRound(s, network, built.data, round);
        const theirs = theirTraining(netFromWire(wire.network), data, training, round);
        expect(theirs.steps).toBe(steps);
        stepsSeen += steps;
        const next = nextPuzzle(s, network, built.data, round + 1);
        const nextWire = puzzleToJSON(next);
        const json = networkToJSON(next.network);
        expect(theirs.net.w.map((w) => bits(Array.from(w)))).toEqual(json.weights);
        expect(theirs.net.b.map((b) => bits(Array.from(b)))).toEqual(json.biases);
        // And the batch the next round draws.
        const drawn = drawBatch(
          data,
          s.batchSize,
          new Sfc32(roundSeed(training.seed, round + 1, 1)),
        );
        expect(drawn.map((d) => d.x)).toEqual(nextWire.batch.inputs);
        expect(drawn.map((d) => d.y)).toEqual(nextWire.batch.targets);
        wire = nextWire;
        network = next.network;
      }
      if (s.eta >= 1e5) expect(stepsSeen).toBeLessThan(3 * s.sgdSteps);
      else expect(stepsSeen).toBe(3 * s.sgdSteps);
    });
  }
});

describe('the example bot’s checks fail when the server lies', () => {
  const s: SessionSettings = {
    ...DEFAULT_SETTINGS,
    dataset: 'circle',
    sizes: [2, 4, 1],
    batchSize: 8,
    seed: 31,
  };
  const built = buildPuzzle(puzzleSettings(s));
  const timer = { deadline: null, remainingMs: 30_000, limitMs: 30_000, serverNow: 0 };
  const start = (round: number, puzzle: Puzzle) => {
    const m = openRoundMath(round, puzzle);
    return {
      math: m,
      msg: { round, rounds: 2, puzzle: m.wire, cost: m.cost, timer, training: trainingOf(s) },
    };
  };
  const round1 = start(1, built.puzzle);
  const trained = cloneNetwork(built.puzzle.network);
  trainAfterRound(s, trained, built.data, 1);
  const round2 = start(2, nextPuzzle(s, trained, built.data, 2));

  function play(tamper: (m: typeof round2.msg, r: MoveResult) => void): string[] {
    const v = new Verifier();
    v.welcome({ speedScoring: true, playerId: 'p' });
    v.roundStarted(round1.msg);
    const msg = structuredClone(round2.msg);
    const move = { l: 1, j: 0, dz: -0.3 };
    const r = scoreRoundMove(
      round2.math,
      { round: 2, ...move },
      { seconds: 3, limit: 30, speedScoring: true },
      0,
    );
    tamper(msg, r);
    v.roundStarted(msg);
    v.moveResult(move, r);
    return v.failures().map((f) => f.what);
  }

  it('an honest server passes every check', () => {
    expect(play(() => {})).toEqual([]);
  });

  it('one weight of the trained network off by one ulp', () => {
    expect(
      play((m) => {
        const w = m.puzzle.network.weights[0]!;
        w[0] = w[0]! + Math.abs(w[0]!) * Number.EPSILON;
      }),
    ).toContain('SGD between rounds recomputed bit for bit');
  });

  it('a point too many, a wrong ΔC, a wrong speed', () => {
    const lie = (f: (r: MoveResult) => void) =>
      play((_m, r) => {
        f(r);
      });
    // The score is the running sum of the points: it is off by the same point.
    expect(
      lie((r) => {
        r.points += 1;
      }),
    ).toEqual(['points', 'score so far']);
    expect(
      lie((r) => {
        r.deltaC *= 1 + 1e-6;
      }),
    ).toContain('ΔC of my move');
    expect(
      lie((r) => {
        r.speed = 1;
      }),
    ).toEqual(['speed factor']);
  });
});
