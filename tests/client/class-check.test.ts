import { describe, expect, it } from 'vitest';
import type { CheckSheet } from '#shared/protocol/check';
import { SessionSettingsInput } from '#shared/protocol/settings';
import { defaultValues, toSettings } from '../../client/classroom/host/settingsForm.ts';
import { dueCheck, sheetOnScreen } from '../../client/classroom/player/checkState.ts';
import { initialSession, type SessionState } from '../../client/classroom/session.ts';
import { classCheckEn } from '../../client/i18n/classCheck.en.ts';
import { classCheckZhCN } from '../../client/i18n/classCheck.zhCN.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function session(phase: SessionState['status'], plan = { pre: true, post: true }): SessionState {
  return {
    ...initialSession,
    me: { playerId: 'p', nickname: 'Mei' },
    status: phase,
    checkPlan: plan,
  };
}
const status = (phase: 'lobby' | 'question' | 'reveal' | 'ended', round: number) => ({
  phase,
  round,
  rounds: 3,
  locked: false,
  timer: null,
});

const sheet = (kind: 'pre' | 'post', answered: number): CheckSheet => ({
  kind,
  open: true,
  items: ['a', 'b'].map((id) => ({
    id,
    concept: 'bp1',
    format: 'numeric',
    prompt: { en: 'q', zh: 'q' },
    options: [],
  })),
  answers: Object.fromEntries(['a', 'b'].slice(0, answered).map((id) => [id, 1])),
});

describe('the class check on the phone', () => {
  it('is due in the lobby before, and from the last reveal on after, never mid-game', () => {
    expect(dueCheck(session(status('lobby', 0)))).toBe('pre');
    expect(dueCheck(session(status('question', 1)))).toBeNull();
    expect(dueCheck(session(status('reveal', 2)))).toBeNull();
    expect(dueCheck(session(status('reveal', 3)))).toBe('post');
    expect(dueCheck(session(status('ended', 2)))).toBe('post');
    expect(dueCheck(session(status('lobby', 0), { pre: false, post: true }))).toBeNull();
  });

  it('takes the screen while questions are left, and gives it back once all are answered', () => {
    const lobby = session(status('lobby', 0));
    expect(sheetOnScreen(lobby, sheet('pre', 1))?.kind).toBe('pre');
    expect(sheetOnScreen(lobby, sheet('pre', 2))).toBeNull();
    // A sheet of the other sitting, or one the server closed, is not shown.
    expect(sheetOnScreen(lobby, sheet('post', 0))).toBeNull();
    expect(sheetOnScreen(lobby, { ...sheet('pre', 0), open: false })).toBeNull();
  });
});

describe('the host form and the strings', () => {
  it('asks for the checks only when ticked, in the shape the server takes', () => {
    expect(toSettings(defaultValues())).not.toMatchObject({ settings: { preCheck: true } });
    const both = toSettings({ ...defaultValues(), preCheck: true, postCheck: true });
    expect(both).toMatchObject({ ok: true, settings: { preCheck: true, postCheck: true } });
    expect(both.ok && SessionSettingsInput.safeParse(both.settings).success).toBe(true);
  });

  it('exist in both languages with the same placeholders, and their formulas typeset', async () => {
    expect(Object.keys(classCheckZhCN).sort()).toEqual(Object.keys(classCheckEn).sort());
    const katex = (await import('katex')).default;
    for (const [k, v] of Object.entries(classCheckEn)) {
      const zh = classCheckZhCN[k as keyof typeof classCheckEn];
      expect(zh.trim(), k).not.toBe('');
      expect(placeholders(zh), k).toEqual(placeholders(v));
      for (const m of `${v} ${zh}`.matchAll(/\$([^$]+)\$/g))
        expect(() => katex.renderToString(m[1]!, { throwOnError: true }), k).not.toThrow();
    }
  });
});

describe('the predict strings', () => {
  it('exist in both languages with the same placeholders', async () => {
    const { predictEn } = await import('../../client/i18n/predict.en.ts');
    const { predictZhCN } = await import('../../client/i18n/predict.zhCN.ts');
    expect(Object.keys(predictZhCN).sort()).toEqual(Object.keys(predictEn).sort());
    for (const [k, v] of Object.entries(predictEn))
      expect(placeholders(predictZhCN[k as keyof typeof predictEn]), k).toEqual(placeholders(v));
  });
});
