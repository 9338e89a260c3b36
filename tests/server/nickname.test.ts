import { describe, expect, it } from 'vitest';
import { checkNickname } from '#shared/protocol/schemas';
import { nicknameKey } from '../../server/rooms/nickname.ts';

const ok = (s: string) => checkNickname(s).ok;

describe('a nickname', () => {
  it('refuses what is not well-formed, invisible or stacked', () => {
    for (const bad of [
      'Ada\u200D',
      'Ada\uFE0F',
      'Ada\u034F',
      'Ada\u{E0020}',
      'Ada\u17B4',
      '\u3164',
      '\u2800',
      `A${'\u0301'.repeat(31)}`,
      'Ada\uD800',
      '\uDC00Bob',
      'Ada\u202E',
      '   ',
    ])
      expect(ok(bad), JSON.stringify(bad)).toBe(false);
  });

  it('takes names in every script, emoji sequences included', () => {
    for (const good of [
      'Ada',
      '李雷',
      'Nguyễn Thị Ánh',
      'क्षत्रिय',
      'น้ำ',
      'Zoë',
      '👩‍💻 Coder',
      '❤️ Mia',
      '1️⃣ First',
      'Ana-María',
    ])
      expect(ok(good), good).toBe(true);
  });

  it('compares a confusable skeleton: names that look alike have one key', () => {
    const same = (a: string, b: string) =>
      expect(nicknameKey(a), `${a} / ${b}`).toBe(nicknameKey(b));
    same('Ada', '\u0410da'); // Cyrillic А
    same('Ada', 'ADA');
    same('Gradient Demon', 'Grad\u0456ent Demon'); // Cyrillic і
    same('Bob', 'Ｂｏｂ'); // full-width
    same('Olga', '0lga');
    expect(nicknameKey('Ada')).not.toBe(nicknameKey('Ida'));
    expect(nicknameKey('李雷')).not.toBe(nicknameKey('李磊'));
  });
});
