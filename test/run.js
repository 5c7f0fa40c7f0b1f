#!/usr/bin/env node
// `npm test`: lint, typecheck, build, then every test that can run on this machine.
// `npm run screenshots` (--screenshots): build, then refresh the README's pictures only.
// `npm run bench` (--bench): build, then every benchmark; they write docs/PERFORMANCE.md.
// On Linux it first re-runs itself inside a private D-Bus session with a throwaway, unlocked
// gnome-keyring (and a virtual X display for clipboard tests), so the user's real keychain is
// never touched. Under MSK_REQUIRE_ALL=1 a missing system part is an error, not a skip.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const requireAll = process.env.MSK_REQUIRE_ALL === '1';
const screenshots = process.argv.includes('--screenshots');
const bench = process.argv.includes('--bench');
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function wrapInPrivateSession() {
  const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((command) => !has(command));
  if (missing.length > 0) {
    const message = `test: ${missing.join(' and ')} not found; keychain tests use a unique service name in your own keychain (install gnome-keyring and dbus for a private one).`;
    if (requireAll) {
      console.error(`${message}\ntest: MSK_REQUIRE_ALL=1 requires them.`);
      process.exit(1);
    }
    console.error(message);
    return false;
  }
  const home = mkdtempSync(path.join(os.tmpdir(), 'msk-test-home-'));
  for (const folder of ['.config', '.local/share', '.cache'])
    mkdirSync(path.join(home, folder), { recursive: true });
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    MSK_TEST_PRIVATE_SESSION: '1',
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const inner = `echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec node ${process.argv
    .slice(1)
    .map((arg) => JSON.stringify(arg))
    .join(' ')}`;
  const session = ['dbus-run-session', '--', 'sh', '-c', inner];
  const useXvfb = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && has('xvfb-run');
  const command = useXvfb ? ['xvfb-run', '-a', ...session] : session;
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env });
  rmSync(home, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

/**
 * The Nodes the CLI start-up benchmark measures: the `node` on PATH, and the Node 22 and 24 users
 * run, from npm (`npx -y node@22`: fetched once into the user's npm cache, so found before the
 * private session's throwaway HOME). MSK_BENCH_NODES, when set, says instead.
 */
function benchNodes() {
  const found = ['22', '24'].flatMap((major) => {
    const run = spawnSync('npx', ['-y', `node@${major}`, '-p', 'process.execPath'], {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    if (run.status === 0 && run.stdout.trim()) return [run.stdout.trim()];
    console.error(`bench: Node ${major} is not measured (npx -y node@${major} failed: ${run.stderr.trim()})`);
    return [];
  });
  return ['node', ...found].join(',');
}

if (bench && !process.env.MSK_BENCH_NODES && !process.env.MSK_BENCH_NODE)
  process.env.MSK_BENCH_NODES = benchNodes();
if (process.platform === 'linux' && !process.env.MSK_TEST_PRIVATE_SESSION) wrapInPrivateSession();

const bin = (name) => path.join('node_modules', '.bin', name);
const checks = [
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['layering', bin('depcruise'), ['main', 'renderer/src', '--config', '.dependency-cruiser.cjs']],
  ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['typecheck (main)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['typecheck (renderer)', bin('tsc'), ['--noEmit', '-p', 'renderer/tsconfig.json']],
];
const steps = [
  ...(screenshots || bench ? [] : checks),
  ['build (app)', bin('electron-vite'), ['build']],
  ['build (msk)', bin('vite'), ['build', '--config', 'msk.vite.config.ts', '--logLevel', 'warn']],
];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`test: ${name} failed.`);
    process.exit(result.status ?? 1);
  }
}

if (bench) {
  console.log('\n▶ benchmarks');
  const result = spawnSync(bin('vitest'), ['bench', '--run', '--project', 'bench'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(result.status ?? 1);
}

// Each runner writes a JSON report beside its own output; one closing line adds them up.
const reports = mkdtempSync(path.join(os.tmpdir(), 'msk-reports-'));
const playwright = (name, args, env = {}) => ({
  name,
  command: bin('playwright'),
  args: ['test', ...args, '--reporter=list,json'],
  env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json') },
  count: (report) => ({
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  }),
  report: 'playwright.json',
});
const vitest = {
  name: 'unit + integration (vitest)',
  command: bin('vitest'),
  args: [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(reports, 'vitest.json')}`,
  ],
  env: {},
  count: (report) => ({
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }),
  report: 'vitest.json',
};
const runners = screenshots
  ? [
      playwright('screenshots (playwright)', ['screenshots', '--project', 'renderer'], {
        MSK_SCREENSHOTS: '1',
      }),
    ]
  : [vitest, playwright('e2e (playwright)', [])];

const total = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
for (const runner of runners) {
  console.log(`\n▶ ${runner.name}`);
  const result = spawnSync(runner.command, runner.args, {
    stdio: 'inherit',
    env: { ...process.env, ...runner.env },
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) status = result.status ?? 1;
  try {
    const counts = runner.count(JSON.parse(readFileSync(path.join(reports, runner.report), 'utf8')));
    for (const key of Object.keys(total)) total[key] += counts[key];
  } catch {
    console.error(`test: ${runner.name} wrote no report.`);
    status ||= 1;
  }
}
rmSync(reports, { recursive: true, force: true });
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(status);
