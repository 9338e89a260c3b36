import type { NetworkJSON } from '#shared/engine/index';
import { puzzleFromJSON } from '#shared/game/puzzle';
import type { ErrorCode, RoundEnd } from '#shared/protocol/codes';
import type { Final, MoveResult, Reveal } from '#shared/protocol/views';
import type { AheadResult } from '../compute/work.ts';
import type { RoomStep, SessionState } from '../persistence/store.ts';
import { boardOf, demonOf, finalStandingsOf } from './messages.ts';
import { type Command, type Effect, transition } from './phase.ts';
import type { RoomPlayers } from './roomPlayers.ts';
import {
  classMoves,
  deltaBars,
  gradientScore,
  openRoundMath,
  type RoundMath,
  roundMisconception,
  toNudge,
} from './roundMath.ts';
import { roundSeconds } from './settings.ts';

/**
 * What a command does to a room, worked out without doing it: `decide` reads
 * the room and returns a plan; the room then persists the plan and announces
 * it. A plan is plain data, so whichever process owns the room can carry it out.
 */
export interface Plan {
  now: number;
  state: SessionState;
  /** Set when the session ends with this plan. */
  endedAt: number | null;
  /** The round that closed, as everyone sees it. */
  reveal: Reveal | null;
  /** The network after a closed round's SGD steps (the loss is in `state.lossCurve`). */
  trained: { round: number; network: NetworkJSON; steps: number } | null;
  /** The round that opened. */
  opened: RoundMath | null;
  final: Final | null;
}

export type Decision = { ok: true; plan: Plan } | { ok: false; code: ErrorCode; message: string };

/** The room as `decide` reads it (never writes). */
export type RoomView = Pick<
  RoomPlayers,
  'settings' | 'state' | 'math' | 'moves' | 'botPoints' | 'activePlayers' | 'players'
>;

function phaseStateOf(room: RoomView) {
  const s = room.state;
  return {
    phase: s.phase,
    round: s.round,
    rounds: room.settings.rounds,
    locked: s.locked,
    clock: s.clock,
  };
}

/** The transition alone: whether the command fits the phase, and which effects it has. */
export function preview(room: RoomView, cmd: Command, now: number) {
  return transition(phaseStateOf(room), cmd, now, roundSeconds(room.settings));
}

/**
 * Whether carrying out these effects needs the heavy work ahead of the
 * current round: opening a round needs its puzzle and key, and a round closed
 * on the way to another effect (skip, end) is trained at once.
 */
export function needsAhead(effects: readonly Effect[]): boolean {
  return effects.some(
    (e, i) => e.type === 'openRound' || (e.type === 'closeRound' && i < effects.length - 1),
  );
}

/** The round's reveal: the answers, the class's moves, the standings with the bot's new points. */
function revealOf(
  room: RoomView,
  m: RoundMath,
  e: Extract<Effect, { type: 'closeRound' }>,
  lossCurve: readonly number[],
): Reveal {
  const players = room.activePlayers();
  const moves = players.map((p) => room.moves.get(p.row.id)).filter((x): x is MoveResult => !!x);
  const gradient = gradientScore(m);
  const bot = new Map(room.botPoints).set(e.round, gradient.points);
  return {
    round: e.round,
    rounds: room.settings.rounds,
    endedBy: e.endedBy as RoundEnd,
    deltaBar: deltaBars(m),
    cost: m.cost,
    best: toNudge(m.key.best),
    gradient,
    classMoves: classMoves(m, moves, players.length),
    leaderboard: boardOf(room as RoomPlayers, e.round, bot),
    demon: demonOf(room as RoomPlayers, e.round, bot),
    lossCurve: [...lossCurve],
    misconception: roundMisconception(m, moves),
  };
}

/**
 * A command's plan. `ahead` is the finished heavy work past the current round
 * (needed when `needsAhead` says so). Pure: reads the room, writes nothing.
 */
export function decide(
  room: RoomView,
  cmd: Command,
  now: number,
  ahead: AheadResult | null,
): Decision {
  const t = preview(room, cmd, now);
  if (!t.ok) return t;
  const lossCurve = [...room.state.lossCurve];
  let reveal: Reveal | null = null;
  let trained: Plan['trained'] = null;
  let opened: RoundMath | null = null;
  const need = () => {
    if (!ahead) throw new Error('the work ahead of this round is missing');
    return ahead;
  };
  // The loss curve has a point before round 1 and one after each trained round.
  const untrained = (round: number) => round >= 1 && lossCurve.length === round;
  for (const [i, e] of t.effects.entries()) {
    if (e.type === 'closeRound' && room.math) reveal = revealOf(room, room.math, e, lossCurve);
    const trainNow =
      (e.type === 'closeRound' && i < t.effects.length - 1) || e.type === 'openRound';
    const done = e.type === 'openRound' ? e.round - 1 : room.state.round;
    if (trainNow && !trained && untrained(done)) {
      const a = need();
      if (a.trained) {
        lossCurve.push(a.trained.loss);
        trained = { round: done, network: a.trained.network, steps: a.trained.steps };
      }
    }
    if (e.type === 'openRound') {
      const a = need();
      if (!a.next) throw new Error(`no puzzle was prepared for round ${e.round}`);
      if (e.round === 1 && a.startLoss !== null) lossCurve.push(a.startLoss);
      opened = openRoundMath(e.round, puzzleFromJSON(a.next.puzzle), a.next.key);
    }
  }
  const ended = t.effects.some((e) => e.type === 'endSession');
  // The room's state with what this transition changes: a field the transition does not
  // touch (extra time, and any added later) is carried over without being named here.
  const state: SessionState = {
    ...room.state,
    phase: t.state.phase,
    round: t.state.round,
    locked: t.state.locked,
    clock: t.state.clock,
    lossCurve,
  };
  let final: Final | null = null;
  if (ended) {
    const bot = reveal
      ? new Map(room.botPoints).set(reveal.round, reveal.gradient.points)
      : room.botPoints;
    final = finalStandingsOf(room as RoomPlayers, state.round, lossCurve, bot);
  }
  return {
    ok: true,
    plan: { now, state, endedAt: ended ? now : null, reveal, trained, opened, final },
  };
}

/** A pure reveal's training, once its work is done: the network and the loss curve's new point. */
export function decideTrained(room: RoomView, round: number, ahead: AheadResult): Plan | null {
  const lossCurve = [...room.state.lossCurve];
  if (!ahead.trained || lossCurve.length !== round) return null;
  lossCurve.push(ahead.trained.loss);
  return {
    now: 0,
    state: { ...room.state, lossCurve },
    endedAt: null,
    reveal: null,
    trained: { round, network: ahead.trained.network, steps: ahead.trained.steps },
    opened: null,
    final: null,
  };
}

/** The plan as the store writes it: one step, all or nothing. */
export function stepOf(sessionId: string, plan: Plan, endedAt: number | null): RoomStep {
  const { reveal, trained, opened, now } = plan;
  return {
    ...(reveal ? { endRound: { round: reveal.round, reveal, endedAt: now } } : {}),
    ...(trained ? { network: trained.network } : {}),
    ...(opened
      ? {
          startRound: {
            sessionId,
            round: opened.round,
            puzzle: opened.wire,
            startedAt: now,
            endedAt: null,
            reveal: null,
            key: opened.key,
          },
        }
      : {}),
    state: plan.state,
    endedAt: plan.endedAt ?? endedAt,
  };
}
