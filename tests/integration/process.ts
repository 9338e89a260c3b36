import { type ChildProcess, spawn } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every line the process printed so far. */
  lines: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** `node --import tsx server/index.ts` on 127.0.0.1 and a free port; resolves once it logs `listening`. */
export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(
      () => reject(new Error(`no listening line: ${lines.join('\n')}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      buf += chunk.toString();
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        nl = buf.indexOf('\n');
        try {
          const msg = JSON.parse(line) as { event?: string; url?: string };
          if (msg.event === 'listening' && msg.url) {
            clearTimeout(timer);
            resolve({ child, url: msg.url.replace('localhost', '127.0.0.1'), lines, exited });
          }
        } catch {
          // not a JSON line
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => lines.push(c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${lines.join('\n')}`));
    });
  });
}
