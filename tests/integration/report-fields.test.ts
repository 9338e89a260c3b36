import { describe, expect, it } from 'vitest';
import type { Report } from '#shared/protocol/rest';
import type { Reveal } from '#shared/protocol/views';
import { createSession, next, ok, record, usePlayground } from './helpers.ts';

const playground = usePlayground();

describe('the report and the host’s events', () => {
  it('show who is online, the demon’s σ′, and no answered count after the reveal', async () => {
    const server = await playground.serve();
    const c = await createSession(server.url, { rounds: 2, secondsPerRound: 120 });
    const host = await playground.client(server.url);
    await ok(host, 'host:join', { code: c.code, token: c.hostToken });
    const log = record(host, ['round:progress', 'round:ended']);
    const order: string[] = [];
    for (const e of ['round:progress', 'round:ended'])
      (host as unknown as { on(e: string, f: () => void): void }).on(e, () => order.push(e));
    const players = [];
    for (const name of ['Ada', 'Bob']) {
      const p = await playground.client(server.url);
      await ok(p, 'player:join', { code: c.code, nickname: name });
      players.push(p);
    }
    const started = next(players[0]!, 'round:started');
    await ok(host, 'host:start');
    await started;
    // Both move at once: the round closes on "everyone moved" before a count would go out.
    const reveal = next<Reveal>(host, 'round:ended');
    await Promise.all(
      players.map((p, i) => ok(p, 'move:submit', { round: 1, l: 1, j: i, dz: 0.5 })),
    );
    await reveal;
    await new Promise((r) => setTimeout(r, 300));
    expect(log.get('round:ended')).toHaveLength(1);
    expect(order.lastIndexOf('round:progress')).toBeLessThan(order.indexOf('round:ended'));

    const res = await fetch(`${server.url}/api/sessions/${c.sessionId}/report`, {
      headers: { authorization: `Bearer ${c.hostToken}` },
    });
    const report = ((await res.json()) as { data: Report }).data;
    const people = report.standings.filter((s) => !s.bot);
    expect(people.map((s) => s.online)).toEqual([true, true]);
    const demon = report.rows.find((r) => r.bot && r.round === 1)!;
    expect(demon.sigmaPrime).toBeGreaterThan(0);
    expect(typeof demon.saturated).toBe('boolean');
  });
});
