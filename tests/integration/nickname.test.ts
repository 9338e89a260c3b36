import { describe, expect, it } from 'vitest';
import { call, createSession, usePlayground } from './helpers.ts';

const playground = usePlayground();

describe('joining with a nickname', () => {
  it('refuses one that looks like a classmate’s or the gradient demon’s, or hides characters', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url);
    const join = async (nickname: string) => {
      const s = await playground.client(server.url);
      const r = await call(s, 'player:join', { code: c.code, nickname });
      return r.ok ? 'OK' : r.error.code;
    };
    expect(await join('Ada')).toBe('OK');
    expect(await join('\u0410da')).toBe('NICKNAME_TAKEN');
    expect(await join('Grad\u0456ent Demon')).toBe('NICKNAME_TAKEN');
    expect(await join('Ada\u200D')).toBe('NICKNAME_INVALID');
    expect(await join('\u3164')).toBe('NICKNAME_INVALID');
    expect(await join('Ada\uD800')).toBe('NICKNAME_INVALID');
    expect(await join('👩‍💻 Coder')).toBe('OK');
  });
});
