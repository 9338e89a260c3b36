import { ErrorCode, Phase, RoundEnd } from '#shared/protocol/codes';

/**
 * A session's phases as a pure function: (state, command, now) → new state and
 * the effects the room must carry out. No sockets, no timers, no database.
 */

/** A round's clock, in server epoch ms. */
export interface Clock {
  startedAt: number;
  /** The round's whole length, extensions included. */
  limitMs: number;
  /** When moves close; null while paused. */
  deadline: number | null;
  /** Left when paused (or when the round opened). */
  remainingMs: number;
  /** Time spent paused so far: a move's seconds leave it out. */
  pausedMs: number;
  pausedAt: number | null;
}

export interface PhaseState {
  phase: Phase;
  round: number;
  rounds: number;
  locked: boolean;
  clock: Clock | null;
}

export type Command =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; seconds: number }
  | { type: 'skip' }
  | { type: 'endRound' }
  | { type: 'next' }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'end' }
  | { type: 'timeout' }
  | { type: 'allMoved' };

/** What the room does after a transition, in order. */
export type Effect =
  | { type: 'openRound'; round: number }
  | { type: 'closeRound'; round: number; endedBy: RoundEnd }
  | { type: 'endSession' };

export type Transition =
  | { ok: true; state: PhaseState; effects: Effect[] }
  | { ok: false; code: ErrorCode; message: string };

export function openClock(now: number, seconds: number): Clock {
  const limitMs = seconds * 1000;
  return {
    startedAt: now,
    limitMs,
    deadline: now + limitMs,
    remainingMs: limitMs,
    pausedMs: 0,
    pausedAt: null,
  };
}

export function pauseClock(c: Clock, now: number): Clock {
  if (c.deadline === null) return c;
  return { ...c, deadline: null, remainingMs: Math.max(0, c.deadline - now), pausedAt: now };
}

export function resumeClock(c: Clock, now: number): Clock {
  if (c.deadline !== null) return c;
  const paused = c.pausedAt === null ? 0 : Math.max(0, now - c.pausedAt);
  return { ...c, deadline: now + c.remainingMs, pausedMs: c.pausedMs + paused, pausedAt: null };
}

export function extendClock(c: Clock, seconds: number): Clock {
  const ms = seconds * 1000;
  return c.deadline === null
    ? { ...c, limitMs: c.limitMs + ms, remainingMs: c.remainingMs + ms }
    : { ...c, limitMs: c.limitMs + ms, deadline: c.deadline + ms, remainingMs: c.remainingMs + ms };
}

/** Seconds a player has had to think by `now`, pauses left out. */
export function elapsedSeconds(c: Clock, now: number): number {
  const end = c.pausedAt ?? now;
  return Math.max(0, (end - c.startedAt - c.pausedMs) / 1000);
}

export function remainingMs(c: Clock, now: number): number {
  return c.deadline === null ? c.remainingMs : Math.max(0, c.deadline - now);
}

const wrong = (message: string): Transition => ({ ok: false, code: ErrorCode.WrongPhase, message });

function ok(state: PhaseState, effects: Effect[] = []): Transition {
  return { ok: true, state, effects };
}

/** Closes the open round, then opens the next or ends the session. */
function closeThenAdvance(
  s: PhaseState,
  endedBy: RoundEnd,
  now: number,
  seconds: number,
): Transition {
  const close: Effect = { type: 'closeRound', round: s.round, endedBy };
  return advance({ ...s, phase: Phase.Reveal, clock: null }, now, seconds, [close]);
}

function advance(s: PhaseState, now: number, seconds: number, before: Effect[] = []): Transition {
  if (s.round >= s.rounds)
    return ok({ ...s, phase: Phase.Ended, clock: null }, [...before, { type: 'endSession' }]);
  const round = s.round + 1;
  return ok({ ...s, phase: Phase.Question, round, clock: openClock(now, seconds) }, [
    ...before,
    { type: 'openRound', round },
  ]);
}

/**
 * The session's next state. `seconds` is the length of a new round. `skip`
 * closes the open round and moves straight on (no reveal pause); in the reveal
 * it is the same as `next`.
 */
export function transition(s: PhaseState, cmd: Command, now: number, seconds: number): Transition {
  if (s.phase === Phase.Ended)
    return { ok: false, code: ErrorCode.SessionEnded, message: 'the session has ended' };
  const open = s.phase === Phase.Question || s.phase === Phase.Paused;
  switch (cmd.type) {
    case 'lock':
    case 'unlock':
      return ok({ ...s, locked: cmd.type === 'lock' });
    case 'start':
      if (s.phase !== Phase.Lobby) return wrong('the session has already started');
      return advance(s, now, seconds);
    case 'pause':
      if (s.phase !== Phase.Question || !s.clock)
        return wrong('only a running round can be paused');
      return ok({ ...s, phase: Phase.Paused, clock: pauseClock(s.clock, now) });
    case 'resume':
      if (s.phase !== Phase.Paused || !s.clock) return wrong('only a paused round can be resumed');
      return ok({ ...s, phase: Phase.Question, clock: resumeClock(s.clock, now) });
    case 'extend':
      if (!open || !s.clock) return wrong('only an open round can be extended');
      return ok({ ...s, clock: extendClock(s.clock, cmd.seconds) });
    case 'endRound':
      if (!open) return wrong('no round is open');
      return ok({ ...s, phase: Phase.Reveal, clock: null }, [
        { type: 'closeRound', round: s.round, endedBy: RoundEnd.Host },
      ]);
    case 'timeout':
    case 'allMoved':
      if (s.phase !== Phase.Question) return wrong('no round is running');
      return ok({ ...s, phase: Phase.Reveal, clock: null }, [
        {
          type: 'closeRound',
          round: s.round,
          endedBy: cmd.type === 'timeout' ? RoundEnd.Timer : RoundEnd.AllMoved,
        },
      ]);
    case 'skip':
      if (open) return closeThenAdvance(s, RoundEnd.Host, now, seconds);
      if (s.phase === Phase.Reveal) return advance(s, now, seconds);
      return wrong('nothing to skip in the lobby: start the session');
    case 'next':
      if (s.phase !== Phase.Reveal) return wrong('next moves on from a round’s reveal');
      return advance(s, now, seconds);
    case 'end':
      if (open) {
        const close: Effect = { type: 'closeRound', round: s.round, endedBy: RoundEnd.Host };
        return ok({ ...s, phase: Phase.Ended, clock: null }, [close, { type: 'endSession' }]);
      }
      return ok({ ...s, phase: Phase.Ended, clock: null }, [{ type: 'endSession' }]);
  }
}
