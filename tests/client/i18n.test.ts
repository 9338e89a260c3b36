import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '#shared/game/levels';
import { MoveReason } from '#shared/game/scoring';
import { en } from '../../client/i18n/en.ts';
import { lang, setLang, t } from '../../client/i18n/index.ts';
import { zhCN } from '../../client/i18n/zhCN.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionaries', () => {
  it('have the same keys, none empty, with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      const zh = zhCN[k as keyof typeof en];
      expect(v.trim(), k).not.toBe('');
      expect(zh.trim(), k).not.toBe('');
      expect(placeholders(zh), k).toEqual(placeholders(v));
    }
  });

  it('give every level a title, an intro and a recap, and every move reason a sentence', () => {
    for (const id of LEVEL_IDS) {
      for (const part of ['title', 'intro', 'recap'])
        expect(en).toHaveProperty(`level.${id}.${part}`);
    }
    for (const r of Object.values(MoveReason)) expect(en).toHaveProperty(`reason.${r}`);
  });

  it('Chinese text is Chinese, and uses the chapter’s terms', () => {
    expect(zhCN['app.title']).toBe('反向传播小恶魔');
    expect(zhCN['inspect.b']).toMatch(/偏置/);
    expect(zhCN['sandbox.cost']).toMatch(/损失函数/);
  });

  it('switches language and fills placeholders', () => {
    setLang('en');
    expect(t('campaign.level', { n: 3 })).toBe('Level 3');
    setLang('zh-CN');
    expect(lang()).toBe('zh-CN');
    expect(t('campaign.level', { n: 3 })).toBe('第 3 关');
    setLang('en');
  });
});

describe('the formulas in every message', () => {
  it('typeset with KaTeX in both languages (a broken $…$ would show as red source)', async () => {
    const katex = (await import('katex')).default;
    for (const dict of [en, zhCN]) {
      for (const [k, v] of Object.entries(dict)) {
        for (const m of v.matchAll(/\$([^$]+)\$/g)) {
          expect(() => katex.renderToString(m[1]!, { throwOnError: true }), k).not.toThrow();
        }
      }
    }
  });
});
