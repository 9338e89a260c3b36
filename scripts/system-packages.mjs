// What `npm test` needs from the machine besides Node: Chromium for the browser
// tests, CJK fonts so 简体中文 renders in them, and real PostgreSQL and Redis
// servers for the cluster tests (the tests start their own, on free ports),
// and nginx to test the cluster's example proxy config.
// As root on Debian the missing ones are installed with apt-get; otherwise the
// run stops at once and names the one command that installs them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const onPath = (cmd) =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Debian keeps PostgreSQL's server programs off PATH, under /usr/lib/postgresql/<major>/bin. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((d) => existsSync(`${root}/${d}/bin/initdb`))
      .sort((a, b) => Number(b) - Number(a));
    if (majors.length) return `${root}/${majors[0]}/bin`;
  }
  if (onPath('initdb') && onPath('pg_ctl')) {
    const r = spawnSync('sh', ['-c', 'dirname "$(command -v initdb)"'], { encoding: 'utf8' });
    return r.stdout.trim();
  }
  return null;
}

const CHECKS = [
  ['chromium', () => existsSync('/usr/bin/chromium')],
  [
    'fonts-noto-cjk',
    () =>
      /noto sans cjk/i.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? '') ||
      existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  ],
  ['postgresql', () => postgresBin() !== null],
  ['redis-server', () => onPath('redis-server')],
  // The cluster's example proxy config is tested with nginx itself.
  ['nginx-light', () => existsSync('/usr/sbin/nginx') || onPath('nginx')],
];

/** Installs (as root) or names what is missing; returns false if the run cannot go on. */
export function ensureSystemPackages() {
  const missing = CHECKS.filter(([, present]) => !present()).map(([name]) => name);
  if (!missing.length) return true;
  const install = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.log(`npm test needs Debian packages that are missing: ${missing.join(', ')}.`);
    console.log(`Install them with:  sudo ${install}`);
    return false;
  }
  console.log(`installing: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) =>
    spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', ...missing])) {
    console.log(`could not install them: run  ${install}  and try again`);
    return false;
  }
  const still = CHECKS.filter(([, present]) => !present()).map(([name]) => name);
  if (still.length) console.log(`still missing after apt-get: ${still.join(', ')}`);
  return still.length === 0;
}
