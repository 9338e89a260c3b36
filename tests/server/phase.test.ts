import { describe, expect, it } from 'vitest';
import {
  elapsedSeconds,
  openClock,
  type PhaseState,
  pauseClock,
  remainingMs,
  resumeClock,
  transition,
} from '../../server/rooms/phase.ts';

const lobby: PhaseState = { phase: 'lobby', round: 0, rounds: 2, locked: false, clock: null };

function must(s: PhaseState, cmd: Parameters<typeof transition>[1], now = 0) {
  const t = transition(s, cmd, now, 30);
  if (!t.ok) throw new Error(`${cmd.type}: ${t.code}`);
  return t;
}

describe('session phases', () => {
  it('runs lobby → question → reveal → question → reveal → ended', () => {
    const a = must(lobby, { type: 'start' }, 1000);
    expect(a.state).toMatchObject({ phase: 'question', round: 1 });
    expect(a.state.clock).toMatchObject({ startedAt: 1000, deadline: 31_000, limitMs: 30_000 });
    expect(a.effects).toEqual([{ type: 'openRound', round: 1 }]);
    const b = must(a.state, { type: 'timeout' }, 31_000);
    expect(b.state.phase).toBe('reveal');
    expect(b.effects).toEqual([{ type: 'closeRound', round: 1, endedBy: 'timer' }]);
    const c = must(b.state, { type: 'next' }, 40_000);
    expect(c.state).toMatchObject({ phase: 'question', round: 2 });
    const d = must(c.state, { type: 'allMoved' }, 41_000);
    expect(d.effects).toEqual([{ type: 'closeRound', round: 2, endedBy: 'allMoved' }]);
    const e = must(d.state, { type: 'next' }, 42_000);
    expect(e.state.phase).toBe('ended');
    expect(e.effects).toEqual([{ type: 'endSession' }]);
  });

  it('refuses commands that do not fit the phase, with WRONG_PHASE', () => {
    for (const type of ['pause', 'resume', 'endRound', 'next', 'skip'] as const) {
      const t = transition(lobby, { type }, 0, 30);
      expect(t).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    }
    const running = must(lobby, { type: 'start' }).state;
    expect(transition(running, { type: 'start' }, 0, 30)).toMatchObject({
      ok: false,
      code: 'WRONG_PHASE',
    });
    expect(transition(running, { type: 'next' }, 0, 30)).toMatchObject({
      ok: false,
      code: 'WRONG_PHASE',
    });
    const ended = { ...lobby, phase: 'ended' as const };
    expect(transition(ended, { type: 'lock' }, 0, 30)).toMatchObject({
      ok: false,
      code: 'SESSION_ENDED',
    });
  });

  it('pauses and resumes without counting the pause against the player', () => {
    const q = must(lobby, { type: 'start' }, 0).state;
    const p = must(q, { type: 'pause' }, 10_000).state;
    expect(p.phase).toBe('paused');
    expect(p.clock).toMatchObject({ deadline: null, remainingMs: 20_000 });
    expect(transition(p, { type: 'timeout' }, 50_000, 30)).toMatchObject({ ok: false });
    const r = must(p, { type: 'resume' }, 25_000).state;
    expect(r.clock!.deadline).toBe(45_000);
    expect(elapsedSeconds(r.clock!, 30_000)).toBe(15);
    expect(remainingMs(r.clock!, 30_000)).toBe(15_000);
  });

  it('extends a running or paused round', () => {
    const q = must(lobby, { type: 'start' }, 0).state;
    const x = must(q, { type: 'extend', seconds: 15 }, 5000).state;
    expect(x.clock).toMatchObject({ deadline: 45_000, limitMs: 45_000 });
    const p = pauseClock(x.clock!, 10_000);
    expect(p.remainingMs).toBe(35_000);
    expect(resumeClock(p, 20_000).deadline).toBe(55_000);
  });

  it('skip closes the round and opens the next at once; on the last round it ends the session', () => {
    const q = must(lobby, { type: 'start' }, 0).state;
    const s = must(q, { type: 'skip' }, 1000);
    expect(s.effects).toEqual([
      { type: 'closeRound', round: 1, endedBy: 'host' },
      { type: 'openRound', round: 2 },
    ]);
    const last = must(s.state, { type: 'skip' }, 2000);
    expect(last.state.phase).toBe('ended');
    expect(last.effects.map((e) => e.type)).toEqual(['closeRound', 'endSession']);
  });

  it('end mid-round closes the round first (its moves stand), lock works in any phase', () => {
    const q = must(lobby, { type: 'start' }, 0).state;
    const e = must(q, { type: 'end' }, 1000);
    expect(e.effects.map((x) => x.type)).toEqual(['closeRound', 'endSession']);
    expect(must(q, { type: 'lock' }).state.locked).toBe(true);
    expect(must(lobby, { type: 'lock' }).state).toMatchObject({ locked: true, phase: 'lobby' });
  });

  it('a clock frozen at shutdown resumes with the time it had left', () => {
    const c = openClock(0, 30);
    const frozen = pauseClock(c, 12_000);
    const back = resumeClock(frozen, 500_000);
    expect(back.deadline).toBe(518_000);
    expect(elapsedSeconds(back, 500_000)).toBe(12);
  });
});
