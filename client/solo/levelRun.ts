import { applyBiasNudge, type NudgeResult } from '#shared/engine/index';
import {
  LEVELS,
  type LevelDef,
  LevelKind,
  levelPuzzle,
  raceMargin,
  raceStars,
  starsFor,
} from '#shared/game/levels';
import type { Puzzle } from '#shared/game/puzzle';
import { gradientRace } from '#shared/game/race';
import type { MoveResultView, NeuronRef } from '../state/playStore.ts';

/** Where a level run stands: moving, looking at a move's result, or done with its stars. */
export const RunPhase = { Moving: 'moving', Result: 'result', Done: 'done' } as const;
export type RunPhase = (typeof RunPhase)[keyof typeof RunPhase];

/** A bias changed by the level's kept moves: Δb^l_j summed over them (BP3). */
export interface BiasShift extends NeuronRef {
  /** b^l_j when the level started. */
  b0: number;
  db: number;
}

/** The level's flags, read in one place: the level screen never compares level ids. */
export interface LevelFlags {
  kind: LevelKind;
  race: boolean;
  moves: number;
  /** Layers the player may move neurons in (all of 1…L when null). */
  layers: readonly number[] | null;
}

export function levelFlags(level: LevelDef): LevelFlags {
  return {
    kind: level.kind ?? LevelKind.Nudge,
    race: level.race === true,
    moves: level.moves ?? 1,
    layers: level.layers ?? null,
  };
}

/**
 * One play of a campaign level, without any DOM: the moves made, their
 * qualities, the Δb each kept move left in the biases, and — in a race — the
 * gradient demon's own run from the same start. The level screen renders it.
 */
export class LevelRun {
  readonly index: number;
  readonly flags: LevelFlags;
  phase: RunPhase = RunPhase.Moving;
  moveIndex = 0;
  qualities: number[] = [];
  results: MoveResultView[] = [];
  /** Sum of ΔC of the player's moves, and of the gradient demon's over as many moves. */
  race = { you: 0, gradient: 0 };
  biasShifts: BiasShift[] = [];
  private demonRun: NudgeResult[] = [];
  puzzle!: Puzzle;

  /** `makePuzzle` builds a fresh puzzle for each start: the level's settings', or one made from loaded data. */
  constructor(
    readonly level: LevelDef,
    private readonly makePuzzle: () => Puzzle = () => levelPuzzle(level).puzzle,
  ) {
    this.index = LEVELS.indexOf(level);
    this.flags = levelFlags(level);
    this.start();
  }

  /** A fresh puzzle and a clean slate (also "Try again"). */
  start(): Puzzle {
    this.puzzle = this.makePuzzle();
    this.phase = RunPhase.Moving;
    this.moveIndex = 0;
    this.qualities = [];
    this.results = [];
    this.race = { you: 0, gradient: 0 };
    this.biasShifts = [];
    // The gradient demon races on its own copy of the network, from the same start.
    this.demonRun = this.flags.race
      ? gradientRace(this.puzzle.network, this.puzzle.batch, this.puzzle.eps, this.flags.moves)
      : [];
    return this.puzzle;
  }

  get lastMove(): boolean {
    return this.moveIndex + 1 >= this.flags.moves;
  }

  /** A judged move: its quality counts, and the race totals move on. */
  record(r: MoveResultView): void {
    if (this.phase !== RunPhase.Moving) return;
    this.results.push(r);
    this.qualities.push(r.quality);
    this.race.you += r.move.deltaC;
    this.race.gradient += this.demonRun[this.moveIndex]?.deltaC ?? 0;
    this.phase = this.lastMove ? RunPhase.Done : RunPhase.Result;
  }

  /** Keeps the last move in its bias (b^l_j += Δz, BP3) and opens the next move. */
  nextMove(): void {
    const r = this.results[this.results.length - 1];
    if (this.phase !== RunPhase.Result || !r) return;
    const { l, j, k, dz } = r.move;
    if (k === undefined) {
      const net = this.puzzle.network;
      let shift = this.biasShifts.find((s) => s.l === l && s.j === j);
      if (!shift) {
        shift = { l, j, b0: net.b[l]![j]!, db: 0 };
        this.biasShifts.push(shift);
      }
      applyBiasNudge(net, l, j, dz);
      shift.db += dz;
    }
    this.moveIndex++;
    this.phase = RunPhase.Moving;
  }

  /** The level's mean quality over its moves. */
  get meanQuality(): number {
    return this.qualities.reduce((a, b) => a + b, 0) / Math.max(1, this.qualities.length);
  }

  /** A race is won or lost on the whole run against the gradient demon; other levels on the mean q. */
  get stars(): 0 | 1 | 2 | 3 {
    if (this.phase !== RunPhase.Done) return 0;
    return this.flags.race
      ? raceStars(this.race.you, this.race.gradient)
      : starsFor(this.level, this.meanQuality);
  }

  /** (ΔC_demon − ΔC_you) / |ΔC_demon|: how far the run beat the gradient demon's. */
  get raceMargin(): number {
    return raceMargin(this.race.you, this.race.gradient);
  }

  get nextLevel(): LevelDef | undefined {
    return LEVELS[this.index + 1];
  }
}
