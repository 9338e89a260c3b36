import { dataset, drawBatch } from './datasets.mjs';
import { backprop, meanSigmaPrime, netFromWire, nudgeDeltaC } from './net.mjs';
import { roundSeed, Sfc32 } from './rng.mjs';
import {
  expectedRank,
  points,
  quality,
  reason,
  rightSign,
  SATURATION_THRESHOLD,
  speedFactor,
  tolerance,
} from './score.mjs';
import { trainAfterRound } from './sgd.mjs';

/** Two ways of computing the same ΔC (a full forward here, a rank-one update on the server) agree to this. */
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.abs(b) + 1e-15;
const sameNumbers = (a, b) =>
  a.length === b.length &&
  a.every((v, i) => (Array.isArray(v) ? sameNumbers(v, b[i]) : v === b[i]));
const toSamples = (batch) => batch.inputs.map((x, s) => ({ x, y: batch.targets[s] }));

/**
 * Checks every number the server sends a player against this bot's own
 * backprop, PRNG and SGD. Each check is recorded as { what, ok, detail }.
 */
export class Verifier {
  constructor() {
    this.checks = [];
    this.data = null;
    this.round = null;
    this.previous = null;
    this.moves = new Map();
    this.score = 0;
    this.speedScoring = true;
    this.sgdRounds = 0;
  }

  check(what, ok, detail = {}) {
    this.checks.push({ what, ok: Boolean(ok), ...(ok ? {} : { detail }) });
    return ok;
  }

  failures() {
    return this.checks.filter((c) => !c.ok);
  }

  welcome(w) {
    this.speedScoring = w.speedScoring;
    this.playerId = w.playerId;
  }

  /** A new puzzle: C, the batch drawn from the data set, and the SGD that made the network. */
  roundStarted(msg) {
    const { puzzle, training } = msg;
    const net = netFromWire(puzzle.network);
    const samples = toSamples(puzzle.batch);
    if (!this.data) {
      const rng = new Sfc32(training.seed);
      this.data = dataset(training.dataset, rng, training.samples, training.noise);
      if (msg.round === 1) {
        // Round 1's network took one draw per weight and bias (Glorot, layer by layer) from the same stream.
        let draws = 0;
        for (let l = 1; l < net.sizes.length; l++) draws += net.sizes[l] * (net.sizes[l - 1] + 1);
        for (let i = 0; i < draws; i++) rng.next();
        this.firstBatchRng = rng;
      }
    }
    const rng =
      msg.round === 1 && this.firstBatchRng
        ? this.firstBatchRng
        : new Sfc32(roundSeed(training.seed, msg.round, 1));
    const drawn = drawBatch(this.data, puzzle.batch.inputs.length, rng);
    this.check(
      'batch drawn from the published data set',
      sameNumbers(
        drawn.map((s) => s.x),
        puzzle.batch.inputs,
      ) &&
        sameNumbers(
          drawn.map((s) => s.y),
          puzzle.batch.targets,
        ),
      { round: msg.round },
    );
    if (this.previous && this.previous.round === msg.round - 1) {
      const p = this.previous;
      const trained = trainAfterRound(p.net, this.data, p.training, p.round);
      const same =
        trained.net.w.every((w, i) => sameNumbers(Array.from(w), puzzle.network.weights[i])) &&
        trained.net.b.every((b, i) => sameNumbers(Array.from(b), puzzle.network.biases[i]));
      this.check('SGD between rounds recomputed bit for bit', same, { round: msg.round });
      if (same) this.sgdRounds++;
    }
    const run = backprop(net, samples);
    this.check('C of the puzzle', close(run.cost, msg.cost), { ours: run.cost, server: msg.cost });
    this.round = {
      round: msg.round,
      net,
      samples,
      run,
      eps: puzzle.eps,
      limit: msg.timer.limitMs / 1000,
      training,
      results: null,
    };
    this.previous = { round: msg.round, net, training };
    return this.round;
  }

  /** The move's ack: every field recomputed, but the reason, which waits for the best move's l, j, Δz. */
  moveResult(move, r) {
    const R = this.round;
    const deltaC = nudgeDeltaC(R.net, R.samples, R.run, move.l, move.j, move.dz);
    const deltaBar = R.run.deltaBar[move.l][move.j];
    const sp = meanSigmaPrime(R.run, move.l, move.j);
    const q = quality(deltaC, r.bestDeltaC);
    const wrongWay = deltaC > tolerance(r.bestDeltaC);
    const speed = speedFactor(r.seconds, R.limit, this.speedScoring);
    this.check('ΔC of my move', close(r.deltaC, deltaC), { ours: deltaC, server: r.deltaC });
    this.check('δ̄ of my neuron', r.deltaBar === deltaBar, { ours: deltaBar, server: r.deltaBar });
    this.check('predicted = δ̄·Δz', r.predicted === deltaBar * move.dz);
    this.check('mean σ′ of my neuron', r.sigmaPrime === sp, { ours: sp, server: r.sigmaPrime });
    this.check('q', Math.abs(r.quality - q) <= 1e-9, { ours: q, server: r.quality });
    this.check('speed factor', Math.abs(r.speed - speed) <= 1e-12, {
      ours: speed,
      server: r.speed,
    });
    this.check('points', r.points === points(q, wrongWay, speed), {
      ours: points(q, wrongWay, speed),
      server: r.points,
    });
    this.check('wrongWay', r.wrongWay === wrongWay);
    this.check('rightSign', r.rightSign === rightSign(move.dz, deltaBar));
    this.check('saturated', r.saturated === sp < SATURATION_THRESHOLD);
    this.score += r.points;
    this.check('score so far', r.score === this.score, { ours: this.score, server: r.score });
    R.results = { move: { ...move, deltaC }, r, q, sp, deltaBar };
  }

  /** Lowest ΔC this bot finds: a grid of 401 points per neuron, refined by golden section. */
  ownBest(R) {
    let best = { l: 1, j: 0, dz: 0, deltaC: 0 };
    const f = (l, j, dz) => nudgeDeltaC(R.net, R.samples, R.run, l, j, dz);
    for (let l = 1; l < R.net.sizes.length; l++) {
      for (let j = 0; j < R.net.sizes[l]; j++) {
        const G = 200;
        let at = 0;
        let v = 0;
        for (let i = -G; i <= G; i++) {
          const y = f(l, j, (i / G) * R.eps);
          if (y < v) [at, v] = [i, y];
        }
        let lo = (Math.max(-G, at - 1) / G) * R.eps;
        let hi = (Math.min(G, at + 1) / G) * R.eps;
        for (let k = 0; k < 60; k++) {
          const m1 = lo + (hi - lo) * 0.382;
          const m2 = lo + (hi - lo) * 0.618;
          if (f(l, j, m1) <= f(l, j, m2)) hi = m2;
          else lo = m1;
        }
        const dz = (lo + hi) / 2;
        const y = f(l, j, dz);
        if (y < v) v = y;
        if (v < best.deltaC) best = { l, j, dz: y <= v ? dz : (at / G) * R.eps, deltaC: v };
      }
    }
    return best;
  }

  revealed(rev) {
    const R = this.round;
    const bestOwn = nudgeDeltaC(R.net, R.samples, R.run, rev.best.l, rev.best.j, rev.best.dz);
    this.check('the best move reaches its ΔC', close(bestOwn, rev.best.deltaC), {
      ours: bestOwn,
      server: rev.best.deltaC,
    });
    const search = this.ownBest(R);
    this.check(
      'no move this bot finds beats the best by more than the tolerance',
      search.deltaC >= rev.best.deltaC - tolerance(rev.best.deltaC) - 1e-15,
      { found: search, best: rev.best },
    );
    this.check(
      'δ̄ of every neuron',
      sameNumbers(
        rev.deltaBar,
        R.run.deltaBar.slice(1).map((d) => Array.from(d)),
      ),
    );
    // The gradient demon: −ε·sign(δ̄) at the first largest |δ̄|, layer by layer.
    let g = { l: 1, j: 0 };
    let big = -1;
    for (let l = 1; l < R.net.sizes.length; l++)
      for (let j = 0; j < R.net.sizes[l]; j++)
        if (Math.abs(R.run.deltaBar[l][j]) > big)
          [g, big] = [{ l, j }, Math.abs(R.run.deltaBar[l][j])];
    const d = R.run.deltaBar[g.l][g.j];
    const gdz = d > 0 ? -R.eps : d < 0 ? R.eps : 0;
    const gC = nudgeDeltaC(R.net, R.samples, R.run, g.l, g.j, gdz);
    const gq = quality(rev.gradient.deltaC, rev.best.deltaC);
    this.check(
      'the gradient demon’s move',
      rev.gradient.l === g.l &&
        rev.gradient.j === g.j &&
        rev.gradient.dz === gdz &&
        close(rev.gradient.deltaC, gC),
      { ours: { ...g, dz: gdz, deltaC: gC }, server: rev.gradient },
    );
    this.check(
      'the gradient demon’s q and points',
      Math.abs(rev.gradient.quality - gq) <= 1e-12 &&
        rev.gradient.points === points(gq, rev.gradient.deltaC > 0, 1),
    );
    const cm = rev.classMoves;
    const qs = cm.moves.map((m) => quality(m.deltaC, rev.best.deltaC));
    const mean = qs.length ? qs.reduce((a, b) => a + b, 0) / qs.length : null;
    this.check(
      'meanQuality = mean of the clamped q',
      mean === null ? cm.meanQuality === null : Math.abs(cm.meanQuality - mean) <= 1e-12,
      { ours: mean, server: cm.meanQuality },
    );
    const right = cm.moves.filter((m) => m.rightSign).length;
    this.check(
      'rightSignShare',
      Math.abs(cm.rightSignShare - (cm.moves.length ? right / cm.moves.length : 0)) <= 1e-12,
    );
    for (const e of rev.leaderboard)
      if (e.rank !== null)
        this.check('rank: equal scores share one', e.rank === expectedRank(e, rev.leaderboard), {
          entry: e,
        });
    if (R.results) {
      const { move, r, q, sp, deltaBar } = R.results;
      const why = reason(move, q, deltaBar, sp < SATURATION_THRESHOLD, rev.best, big);
      this.check('the reason of my move', r.reason === why, { ours: why, server: r.reason });
    }
  }

  ended(final) {
    for (const e of final.standings)
      if (e.rank !== null)
        this.check('final rank', e.rank === expectedRank(e, final.standings), { entry: e });
    const me = final.standings.find((e) => e.id === this.playerId);
    this.check('final score', me?.score === this.score, { ours: this.score, server: me?.score });
  }

  /** The move to play: the best this bot finds, or (mixed) a different kind each round, to see every rule scored. */
  choose(strategy) {
    const R = this.round;
    let g = { l: 1, j: 0 };
    let big = -1;
    for (let l = 1; l < R.net.sizes.length; l++)
      for (let j = 0; j < R.net.sizes[l]; j++)
        if (Math.abs(R.run.deltaBar[l][j]) > big)
          [g, big] = [{ l, j }, Math.abs(R.run.deltaBar[l][j])];
    const sign = Math.sign(R.run.deltaBar[g.l][g.j]);
    const kind =
      strategy === 'mixed'
        ? ['best', 'wrongSign', 'noMove', 'gradient'][(R.round - 1) % 4]
        : 'best';
    if (kind === 'wrongSign') return { ...g, dz: 0.5 * R.eps * (sign || 1) };
    if (kind === 'noMove') return { ...g, dz: 0 };
    if (kind === 'gradient') return { ...g, dz: -R.eps * sign };
    const b = this.ownBest(R);
    return { l: b.l, j: b.j, dz: b.dz };
  }
}
