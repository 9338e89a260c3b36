// `npm test`: lint, type-check, build, then every test (unit, integration,
// browser) in one vitest run. Ends with the plain line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemPackages } from './system-packages.mjs';

if (!ensureSystemPackages()) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status === 0;

const steps = [
  ['lint', () => run('npx', ['biome', 'check', '.'])],
  ['typecheck', () => run('node', ['scripts/typecheck.mjs'])],
  ['build', () => run('npx', ['vite', 'build', '--logLevel', 'warn'])],
];
let stepFailures = 0;
for (const [name, step] of steps) {
  console.log(`\n== ${name}`);
  if (!step()) {
    stepFailures++;
    console.log(`${name}: FAILED`);
  }
}

console.log('\n== vitest');
mkdirSync('test-results', { recursive: true });
const out = 'test-results/vitest.json';
rmSync(out, { force: true });
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);

let passed = 0;
let failed = 0;
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  // A test file that fails to load counts as a failure even with no test in it.
  for (const f of report.testResults ?? []) {
    if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++;
  }
} else {
  console.log('vitest wrote no report');
  failed++;
}
if (stepFailures) console.log(`${stepFailures} of lint/typecheck/build failed`);
failed += stepFailures;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
