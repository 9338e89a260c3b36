import { mkdtempSync, rmSync } from 'node:fs';
import { type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeClientDir } from './helpers.ts';
import { type ServerProcess, spawnServer } from './process.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'bd-shutdown-'));
const clientDir = fakeClientDir();
const procs: ServerProcess[] = [];
const raw: Socket[] = [];
afterAll(() => {
  for (const s of raw) s.destroy();
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(clientDir, { recursive: true, force: true });
});

function open(url: string, send?: string): Promise<Socket> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const s = tcpConnect(Number(port), '127.0.0.1', () => {
      if (send) s.write(send);
      resolve(s);
    });
    s.on('error', reject);
    raw.push(s);
  });
}

describe('stopping the server', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`exits on ${signal} although a preconnect sits idle and a request is half sent`, async () => {
      const a = await spawnServer({ DATA_DIR: dataDir, CLIENT_DIR: clientDir });
      procs.push(a);
      await open(a.url);
      await open(a.url, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // A kept-alive connection after a whole request, as a browser leaves it.
      await fetch(`${a.url}/healthz`);
      a.child.kill(signal);
      const code = await Promise.race([
        a.exited,
        new Promise<string>((r) => setTimeout(() => r('still running'), 8000)),
      ]);
      expect(code).toBe(0);
    }, 20_000);
  }
});
