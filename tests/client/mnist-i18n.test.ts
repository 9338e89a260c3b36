import { describe, expect, it } from 'vitest';
import { setLang } from '../../client/i18n/index.ts';
import { mnistEn } from '../../client/i18n/mnist.en.ts';
import { mnistZhCN } from '../../client/i18n/mnist.zhCN.ts';
import { mt } from '../../client/mnist/i18n.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the MNIST lab’s dictionaries', () => {
  it('have the same keys and placeholders, none empty', () => {
    expect(Object.keys(mnistZhCN).sort()).toEqual(Object.keys(mnistEn).sort());
    for (const [k, v] of Object.entries(mnistEn)) {
      const zh = mnistZhCN[k as keyof typeof mnistEn];
      expect(v.trim(), k).not.toBe('');
      expect(zh.trim(), k).not.toBe('');
      expect(placeholders(zh), k).toEqual(placeholders(v));
    }
  });

  it('follow the page’s language and the book’s terms', () => {
    setLang('zh-CN');
    expect(mt('mnist.accuracyLine', { n: 3, acc: '93.55' })).toBe(
      '第 3 轮：2,000 个测试数字中认对 93.55 %',
    );
    expect(mt('mnist.demon')).toMatch(/小恶魔/);
    expect(mt('mnist.cost')).toBe('损失函数');
    setLang('en');
    expect(mt('mnist.picked', { j: 1, z: '0', a: '0.5', d: '+0.1' })).toMatch(
      /^Neuron 1 of layer 2:/,
    );
  });
});
