// Type-checks each part with its own tsconfig: the engine with no DOM and no
// Node types, the server with Node, the client with the DOM.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const parts = ['shared', 'server', 'client', 'tests'].filter((p) =>
  existsSync(`${p}/tsconfig.json`),
);
let failed = 0;
for (const p of parts) {
  const r = spawnSync('npx', ['tsc', '--noEmit', '-p', `${p}/tsconfig.json`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`typecheck: ${p} failed`);
  }
}
process.exit(failed ? 1 : 0);
