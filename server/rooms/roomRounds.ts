import { type Batch, cloneNetwork, type Network, networkToJSON } from '#shared/engine/index';
import { buildPuzzle, type Puzzle } from '#shared/game/puzzle';
import { ErrorCode, MOVE_GRACE_MS, Phase, type RoundEnd } from '#shared/protocol/codes';
import type { MovePayload } from '#shared/protocol/schemas';
import type { MoveResult, Reveal } from '#shared/protocol/views';
import type { SessionRow } from '../persistence/store.ts';
import { refuse } from './errors.ts';
import { later } from './later.ts';
import { leaderboard } from './leaderboard.ts';
import { type Command, type Effect, elapsedSeconds } from './phase.ts';
import { RoomPlayers } from './roomPlayers.ts';
import type { RoomDeps } from './roomTypes.ts';
import {
  checkMove,
  classMoves,
  datasetLoss,
  deltaBars,
  gradientScore,
  nextPuzzle,
  openRoundMath,
  type RoundMath,
  scoreRoundMove,
  toNudge,
  trainAfterRound,
} from './round.ts';
import { applyPresetScale, puzzleSettings } from './settings.ts';
import { competitorsOf } from './snapshot.ts';

/** A move processed this long after the grace is refused even if the timer has not fired. */
const LATE_LIMIT_MS = 2000;
/** How often the host hears the answered count while moves pour in. */
const PROGRESS_MS = 100;

/**
 * The room's second layer: rounds and moves — a move scored and written before
 * its ack, a round opened, closed into its reveal, and trained after it.
 */
export abstract class RoomRounds extends RoomPlayers {
  /** The network the next round starts from. */
  protected network: Network;
  protected readonly data: Batch;
  /** Round 1's puzzle: the settings' network and batch (a preset's own). */
  private readonly firstPuzzle: Puzzle;
  /** The next round, prepared during the reveal. */
  private prepared: RoundMath | null = null;
  /** A closed round whose SGD steps have not run yet. */
  protected pendingTraining: number | null = null;
  protected progressTimer: NodeJS.Timeout | null = null;

  protected constructor(deps: RoomDeps, row: SessionRow, network: Network | null) {
    super(deps, row);
    const built = buildPuzzle(puzzleSettings(row.settings));
    applyPresetScale(row.settings, built.puzzle.network);
    this.data = built.data;
    this.firstPuzzle = built.puzzle;
    this.network = network ?? cloneNetwork(built.puzzle.network);
  }

  /** The timer and "everyone moved" may race the host: a refused one is simply dropped. */
  protected abstract tryCommand(cmd: Command): void;

  /** A player's move, scored by the engine and written before the ack. */
  async move(playerId: string, m: MovePayload): Promise<MoveResult> {
    const s = this.state;
    const now = this.deps.now();
    const p = this.players.get(playerId);
    if (!p || p.row.kicked)
      refuse(ErrorCode.Kicked, 'the host removed this player from the session');
    if (m.round === s.round && this.moves.has(playerId))
      refuse(ErrorCode.AlreadyMoved, 'one move per round: you have moved');
    if (s.phase === Phase.Paused) refuse(ErrorCode.RoundClosed, 'the round is paused');
    if (s.phase !== Phase.Question || !s.clock || !this.math || m.round !== s.round)
      refuse(ErrorCode.RoundClosed, `round ${m.round} is not open for moves`);
    // The timer closes the round; this only catches a timer held up far past its time.
    if (s.clock.deadline !== null && now > s.clock.deadline + MOVE_GRACE_MS + LATE_LIMIT_MS)
      refuse(ErrorCode.RoundClosed, 'time is up for this round');
    const check = checkMove(this.math, m);
    if (!check.ok) refuse(check.code, check.message);
    const timing = {
      seconds: elapsedSeconds(s.clock, now),
      limit: s.clock.limitMs / 1000,
      speedScoring: this.settings.speedScoring,
    };
    const result = scoreRoundMove(this.math, m, timing, p.score);
    const round = s.round;
    const saved = this.deps.store.addMove({
      sessionId: this.id,
      round,
      playerId,
      result,
      createdAt: now,
    });
    this.moves.set(playerId, result);
    p.points.set(round, result.points);
    p.score += result.points;
    this.sendProgress();
    this.closeIfAllMoved();
    try {
      await saved;
    } catch (e) {
      // Not in the store, so not counted: take it back before anyone is told.
      if (this.moves.get(playerId) === result) this.moves.delete(playerId);
      if (p.points.get(round) === result.points) {
        p.points.delete(round);
        p.score -= result.points;
      }
      throw e;
    }
    return result;
  }

  /** Every online player has moved: the round closes (after the current acks). */
  protected closeIfAllMoved(): void {
    if (this.state.phase !== Phase.Question) return;
    // Runs on every move: a plain scan, no array of the class built each time.
    for (const q of this.players.values())
      if (!q.row.kicked && q.connections > 0 && !this.moves.has(q.row.id)) return;
    later(() => this.tryCommand({ type: 'allMoved' }));
  }

  /**
   * Training after a reveal waits for the next turn of the event loop, so that
   * many rooms ending at once do not hold up moves still arriving in others.
   */
  protected scheduleTraining(round: number): void {
    this.pendingTraining = round;
    later(() => this.trainSafely());
  }

  protected trainSafely(): void {
    try {
      this.train();
    } catch (e) {
      this.deps.log('error', { sessionId: this.id, where: 'train', message: (e as Error).message });
    }
  }

  /** Runs a pending round's k SGD steps, writes the network and the loss curve, tells everyone. */
  train(): void {
    const round = this.pendingTraining;
    if (round === null) return;
    this.pendingTraining = null;
    const lossCurve = [...this.state.lossCurve];
    const { network, steps } = this.trainRound(round, lossCurve);
    const state = { ...this.state, lossCurve };
    this.deps.store.transaction(() => {
      this.deps.store.saveNetwork(this.id, networkToJSON(network));
      this.deps.store.saveState(this.id, state, this.row.endedAt);
    });
    this.state = state;
    this.network = network;
    this.out?.toHosts('round:trained', { round, lossCurve: [...lossCurve], sgdSteps: steps });
    if (round < this.settings.rounds) later(() => this.prepare(round + 1));
    this.deps.log('round_trained', { sessionId: this.id, round, steps, loss: lossCurve.at(-1) });
  }

  /** k SGD steps on a copy of the round's network; the loss on the data set joins the curve. */
  protected trainRound(round: number, lossCurve: number[]): { network: Network; steps: number } {
    const network = cloneNetwork(this.math!.puzzle.network);
    const steps = trainAfterRound(this.settings, network, this.data, round);
    lossCurve.push(datasetLoss(network, this.data));
    return { network, steps };
  }

  protected openRound(round: number, network: Network, lossCurve: number[]): RoundMath {
    if (round === 1) {
      lossCurve.push(datasetLoss(this.firstPuzzle.network, this.data));
      return openRoundMath(1, this.firstPuzzle);
    }
    const ready = this.prepared;
    this.prepared = null;
    if (ready?.round === round && network === this.network) return ready;
    return openRoundMath(round, nextPuzzle(this.settings, network, this.data, round));
  }

  /** The next round's puzzle and key, worked out during the reveal so that "next" is quick. */
  private prepare(round: number): void {
    const s = this.state;
    if (s.phase !== Phase.Reveal || s.round !== round - 1 || this.pendingTraining !== null) return;
    this.prepared = openRoundMath(round, nextPuzzle(this.settings, this.network, this.data, round));
  }

  protected closeRound(e: Extract<Effect, { type: 'closeRound' }>, lossCurve: number[]): Reveal {
    const m = this.math!;
    const players = this.activePlayers();
    const moves = players.map((p) => this.moves.get(p.row.id)).filter((x): x is MoveResult => !!x);
    const gradient = gradientScore(m);
    const bot = new Map(this.botPoints).set(e.round, gradient.points);
    return {
      round: e.round,
      rounds: this.settings.rounds,
      endedBy: e.endedBy as RoundEnd,
      deltaBar: deltaBars(m),
      cost: m.cost,
      best: toNudge(m.key.best),
      gradient,
      classMoves: classMoves(m, moves, players.length),
      leaderboard: leaderboard(competitorsOf(this, bot), e.round),
      lossCurve: [...lossCurve],
    };
  }

  private sendProgress(): void {
    if (this.progressTimer) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      if (this.state.phase === Phase.Ended) return;
      this.out?.toHosts('round:progress', {
        round: this.state.round,
        answered: this.moves.size,
        players: this.activePlayers().length,
      });
    }, PROGRESS_MS);
  }
}
