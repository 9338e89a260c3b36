import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from './ports.ts';

/** deploy/nginx.conf, run as it is but for its listen port and its nodes' addresses. */
export interface TestNginx {
  url: string;
  child: ChildProcess;
  close(): Promise<void>;
}

/**
 * The example config with `listen 127.0.0.1:8080` moved to a free port and
 * each upstream's server lines replaced by the given nodes (their options kept).
 */
export function configFor(listenPort: number, nodePorts: number[]): string {
  const conf = readFileSync(path.resolve('deploy/nginx.conf'), 'utf8');
  const listen = conf.replace('listen 127.0.0.1:8080;', `listen 127.0.0.1:${listenPort};`);
  return listen.replace(/((?:^ {4}server 127\.0\.0\.1:\d+ [^\n]*\n)+)/gm, (block) => {
    const options = block.split('\n')[0]!.replace(/^ {4}server 127\.0\.0\.1:\d+/, '');
    return nodePorts.map((p) => `    server 127.0.0.1:${p}${options}\n`).join('');
  });
}

/** Starts nginx in the foreground in a temp prefix in front of `nodePorts`; stopped by its PID. */
export async function startNginx(nodePorts: number[]): Promise<TestNginx> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'bd-nginx-'));
  // Its workers run as nobody when the test is root: they need the temp folders.
  for (const d of ['tmp/body', 'tmp/proxy']) mkdirSync(path.join(prefix, d), { recursive: true });
  chmodSync(path.join(prefix, 'tmp'), 0o777);
  for (const d of ['tmp/body', 'tmp/proxy']) chmodSync(path.join(prefix, d), 0o777);
  const port = await freePort();
  writeFileSync(path.join(prefix, 'nginx.conf'), configFor(port, nodePorts));
  const child = spawn(
    '/usr/sbin/nginx',
    ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('nginx', async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      await fetch(`${url}/healthz`);
      return true;
    });
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`nginx did not start: ${stderr || (e as Error).message}`);
  }
  return {
    url,
    child,
    close: async () => {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        // SIGQUIT: nginx's graceful stop; its master takes the workers with it.
        child.kill('SIGQUIT');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
