import { describe, expect, it } from 'vitest';
import type { Timer } from '#shared/protocol/views';
import { isUntimed, ownTimer } from '../../client/classroom/clock.ts';
import { quantile, scatterRange } from '../../client/classroom/host/classPicture.ts';
import { clickerAction } from '../../client/classroom/host/clicker.ts';
import { openUntil, ownDeadline } from '../../server/rooms/extraTime.ts';
import type { Clock } from '../../server/rooms/phase.ts';

/** A key as the page would get it, on a target with this tag. */
function key(k: string, tag = 'BODY', extra: Partial<KeyboardEvent> = {}): KeyboardEvent {
  return {
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    defaultPrevented: false,
    target: { tagName: tag, isContentEditable: false },
    ...extra,
  } as unknown as KeyboardEvent;
}

describe('the projector’s clicker keys', () => {
  it('take Page Down and → as next, P and Space as pause, and leave fields and buttons alone', () => {
    expect(clickerAction(key('PageDown'))).toBe('next');
    expect(clickerAction(key('ArrowRight'))).toBe('next');
    expect(clickerAction(key(' '))).toBe('pause');
    expect(clickerAction(key('PageDown', 'INPUT'))).toBeNull();
    expect(clickerAction(key('ArrowRight', 'TEXTAREA'))).toBeNull();
    expect(clickerAction(key(' ', 'BUTTON'))).toBeNull();
    expect(clickerAction(key('PageDown', 'BUTTON'))).toBe('next');
    expect(clickerAction(key('PageDown', 'BODY', { ctrlKey: true }))).toBeNull();
    expect(clickerAction(key('x'))).toBeNull();
  });
});

describe('the class scatter’s scale', () => {
  it('is set by the 5th–95th percentile, not by one outlier, and always holds 0 and the marks', () => {
    const cloud = Array.from({ length: 300 }, (_, i) => -0.01 + (i / 299) * 0.02);
    const [lo, hi] = scatterRange([...cloud, 40], [-0.012, 0.001]);
    // One overshoot of +40 would otherwise squeeze the 300 into a line.
    expect(hi).toBeLessThan(0.05);
    expect(lo).toBeLessThanOrEqual(-0.012);
    expect(hi).toBeGreaterThan(0);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
  });
});

describe('a player’s own time', () => {
  const clock: Clock = {
    startedAt: 0,
    limitMs: 30_000,
    deadline: 30_000,
    remainingMs: 30_000,
    pausedMs: 0,
    pausedAt: null,
  };

  it('ends (f − 1)·T after the class’s, on the server and on the phone alike', () => {
    expect(ownDeadline(clock, 1)).toBe(30_000);
    expect(ownDeadline(clock, 1.5)).toBe(45_000);
    expect(ownDeadline(clock, 2)).toBe(60_000);
    expect(ownDeadline({ ...clock, deadline: null }, 2)).toBeNull();
    const timer: Timer = {
      deadline: 30_000,
      remainingMs: 20_000,
      limitMs: 30_000,
      serverNow: 10_000,
    };
    expect(ownTimer(timer, 2)).toEqual({
      deadline: ownDeadline(clock, 2),
      remainingMs: 50_000,
      limitMs: 60_000,
      serverNow: 10_000,
    });
    expect(ownTimer(timer, 1)).toBe(timer);
    expect(isUntimed(timer)).toBe(false);
  });

  it('holds the round open for the slowest player still to move', () => {
    expect(openUntil(clock, [])).toBe(30_000);
    expect(openUntil(clock, [1.5, 2])).toBe(60_000);
    expect(openUntil({ ...clock, deadline: null }, [2])).toBeNull();
  });
});
