import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A folder standing in for the built client, so tests never need `vite build`. */
export function fakeClientDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bd-client-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>Backprop Demon</title><p>start page</p>',
  );
  writeFileSync(path.join(dir, 'host.html'), '<!doctype html><title>Host</title>');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  return dir;
}
