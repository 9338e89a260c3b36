import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionSettingsInput } from '#shared/protocol/settings';
import {
  BOUNDS,
  defaultValues,
  type NumberField,
  toSettings,
} from '../../client/classroom/host/settingsForm.ts';
import { backoffMs, RETRY_MAX_MS, Retry } from '../../client/classroom/player/retry.ts';

describe('the host form’s settings', () => {
  it('asks for the preset with the defaults when the host changes nothing', () => {
    const check = toSettings(defaultValues());
    expect(check).toEqual({
      ok: true,
      settings: {
        preset: 'outputDemon',
        rounds: 5,
        secondsPerRound: 30,
        speedScoring: true,
        untimed: false,
        lateJoin: true,
        demonRanked: false,
        sgdSteps: 20,
        eta: 0.5,
      },
    });
    expect(check.ok && SessionSettingsInput.safeParse(check.settings).success).toBe(true);
    // The host may put the gradient demon back among the ranked.
    const ranked = toSettings({ ...defaultValues(), demonRanked: true });
    expect(ranked.ok && ranked.settings.demonRanked).toBe(true);
    // And run the session untimed.
    const untimed = toSettings({ ...defaultValues(), untimed: true });
    expect(untimed.ok && untimed.settings.untimed).toBe(true);
  });

  it('uses the bounds the server checks: the largest value passes both, one more is refused by both', () => {
    const fields: NumberField[] = ['rounds', 'secondsPerRound', 'sgdSteps', 'eta', 'eps'];
    for (const f of fields) {
      const { max } = BOUNDS[f];
      const ok = toSettings({ ...defaultValues(), [f]: String(max) });
      expect(ok.ok, f).toBe(true);
      if (ok.ok) expect(SessionSettingsInput.safeParse(ok.settings).success, f).toBe(true);
      expect(toSettings({ ...defaultValues(), [f]: String(max + 1) }), f).toEqual({
        ok: false,
        field: f,
      });
      expect(SessionSettingsInput.safeParse({ [f]: max + 1 }).success, f).toBe(false);
    }
    // ε and η must be above zero, as the schema says.
    expect(toSettings({ ...defaultValues(), eta: '0' })).toEqual({ ok: false, field: 'eta' });
    expect(SessionSettingsInput.safeParse({ eta: 0 }).success).toBe(false);
    expect(toSettings({ ...defaultValues(), rounds: '2.5' })).toEqual({
      ok: false,
      field: 'rounds',
    });
  });

  it('builds custom sizes from the data set and the hidden layers, and names a bad layer', () => {
    const v = { ...defaultValues(), preset: 'custom' as const, dataset: 'circle' as const };
    const check = toSettings({ ...v, hidden: '4, 4', batchSize: '8', eps: '0.5' });
    expect(check).toMatchObject({
      ok: true,
      settings: { dataset: 'circle', sizes: [2, 4, 4, 1], batchSize: 8, eps: 0.5 },
    });
    expect(toSettings({ ...v, hidden: '4, 0' })).toEqual({ ok: false, field: 'hidden' });
    expect(toSettings({ ...v, hidden: String(BOUNDS.layer.max + 1) })).toEqual({
      ok: false,
      field: 'hidden',
    });
    // A batch larger than XOR's four samples is cut to them.
    const xor = toSettings({ ...v, dataset: 'xor', batchSize: '64' });
    expect(xor.ok && xor.settings.batchSize).toBe(4);
  });
});

describe('the player page’s retry after “not now”', () => {
  it('waits about twice as long each time, never under half the step, never over 30 s', () => {
    expect(backoffMs(0, () => 1)).toBe(1000);
    expect(backoffMs(1, () => 1)).toBe(2000);
    expect(backoffMs(3, () => 0)).toBe(4000);
    expect(backoffMs(20, () => 1)).toBe(RETRY_MAX_MS);
    for (let a = 0; a < 8; a++) {
      const w = backoffMs(a);
      const step = Math.min(RETRY_MAX_MS, 1000 * 2 ** a);
      expect(w).toBeGreaterThanOrEqual(step / 2);
      expect(w).toBeLessThanOrEqual(step);
    }
  });
});

describe('Retry', () => {
  afterEach(() => vi.useRealTimers());

  it('counts the wait down by the second, tries again once, and starts short again after a success', () => {
    vi.useFakeTimers();
    const retry = new Retry(() => 1);
    const shown: number[] = [];
    let tries = 0;
    const again = () => tries++;
    retry.schedule(again, (s) => shown.push(s));
    vi.advanceTimersByTime(999);
    expect(tries).toBe(0);
    vi.advanceTimersByTime(1);
    expect(tries).toBe(1);
    expect(shown[0]).toBe(1);
    // Second trouble in a row: 2 s, counted down 2, 1.
    shown.length = 0;
    retry.schedule(again, (s) => shown.push(s));
    vi.advanceTimersByTime(2000);
    expect(tries).toBe(2);
    expect(shown).toEqual([2, 1]);
    // A new connection cancels the pending try; a success resets the wait to 1 s.
    retry.schedule(again, () => {});
    retry.cancel();
    vi.advanceTimersByTime(10_000);
    expect(tries).toBe(2);
    retry.reset();
    retry.schedule(again, () => {});
    vi.advanceTimersByTime(1000);
    expect(tries).toBe(3);
  });
});
