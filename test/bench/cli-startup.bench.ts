// `npm run bench`: how long `msk` takes to start, as a ratio to a bare `node -e 0` started
// alternately with it (same Node, the `node` on PATH), since `msk exec -- qwen` and
// `eval "$(msk env)"` sit in front of every tool start and every new shell. Each round runs, for
// each command, the bare Node and then the command; a figure is the median of the rounds' ratios.
// Budgets: list ≤ 1.3×, env ≤ 1.5×, exec ≤ 1.6× (it reads the keychain and starts a program);
// --version is reported, and the floors env and exec stand on (Node, the keychain addon, one read;
// one spawn; no msk). env and exec read a real keychain: `npm run bench` runs in a private
// gnome-keyring session; without a Secret Service they are skipped, and said so.
// MSK_BENCH_NODES=node,/path/to/node22 measures each Node in turn (the budgets hold on Node 20 and
// 22+): `MSK_BENCH_NODES=node,$(npx -y node@22 -p process.execPath) npm run bench`.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { removeService } from '../fixtures/keytar.js';
import { ensureBuiltCli } from './built-cli.js';
import { describeSamples, type Figure, recordFigures } from './figures.js';

/** The built CLI (MSK_BENCH_MSK names another build, to compare). */
const MSK = path.resolve(process.env.MSK_BENCH_MSK ?? 'out/cli/msk.js');
/** The `node`s to measure on: the one on PATH unless MSK_BENCH_NODES (or MSK_BENCH_NODE) says. */
const NODES = (process.env.MSK_BENCH_NODES ?? process.env.MSK_BENCH_NODE ?? 'node')
  .split(',')
  .filter(Boolean);
const ROUNDS = 15;
const WARMUP_ROUNDS = 3;

interface Command {
  id: string;
  name: string;
  /** Node's arguments. */
  args: string[];
  budget?: number;
  needsKeychain: boolean;
}

/**
 * What no Node program that reads the keychain (env), and then starts a tool (exec), can avoid,
 * for reference beside them: Node, the keychain addon, one read; one spawn.
 */
const READ_FLOOR = `require('@github/keytar').getPassword(process.env.MSK_KEYCHAIN_SERVICE, 'absent')`;
const SPAWN_FLOOR = `${READ_FLOOR}.then(() => require('node:child_process').spawn('true', { stdio: 'inherit' }));`;

const COMMANDS: Command[] = [
  { id: 'version', name: 'msk --version', args: [MSK, '--version'], needsKeychain: false },
  { id: 'list', name: 'msk list --json', args: [MSK, 'list', '--json'], budget: 1.3, needsKeychain: false },
  { id: 'env', name: 'msk env', args: [MSK, 'env'], budget: 1.5, needsKeychain: true },
  {
    id: 'exec',
    name: 'msk exec --key k -- true',
    args: [MSK, 'exec', '--key', 'k', '--', 'true'],
    budget: 1.6,
    needsKeychain: true,
  },
  {
    id: 'read-floor',
    name: "env's floor: keychain addon + one read, no msk",
    args: ['-e', READ_FLOOR],
    needsKeychain: true,
  },
  {
    id: 'floor',
    name: "exec's floor: keychain addon + one read + spawn, no msk",
    args: ['-e', SPAWN_FLOOR],
    needsKeychain: true,
  },
];

const service = `Model Studio Keys bench ${randomUUID()}`;
const home = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-startup-'));
const env = {
  ...process.env,
  MSK_HOME: home,
  MSK_KEYCHAIN_SERVICE: service,
  // A shell msk writes for without a warning.
  SHELL: '/bin/bash',
};
/** Samples per Node and command: `${node} ${command.id}`. */
const samples = new Map<string, { bare: number[]; msk: number[] }>(
  NODES.flatMap((node) => COMMANDS.map((command) => [`${node} ${command.id}`, { bare: [], msk: [] }])),
);
let keychainSkipped = '';
const versions = new Map<string, string>();

/** Wall time of one process, start to exit, in ms; a failure stops the benchmark. */
function timed(node: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(node, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`${node} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

const active = (): Command[] => COMMANDS.filter((command) => !command.needsKeychain || !keychainSkipped);

function round(record: boolean): void {
  for (const node of NODES) {
    for (const command of active()) {
      const bare = timed(node, ['-e', '0']);
      const msk = timed(node, command.args);
      if (!record) continue;
      samples.get(`${node} ${command.id}`)?.bare.push(bare);
      samples.get(`${node} ${command.id}`)?.msk.push(msk);
    }
  }
}

beforeAll(() => {
  ensureBuiltCli(MSK);
  for (const node of NODES)
    versions.set(node, execFileSync(node, ['--version'], { encoding: 'utf8' }).trim());
  const added = spawnSync(
    NODES[0] ?? 'node',
    [MSK, 'add', '--label', 'k', '--region', 'sg', '--plan', 'payg'],
    {
      env,
      input: fakeKey(),
      encoding: 'utf8',
    },
  );
  if (added.status !== 0) {
    keychainSkipped = `no Secret Service reachable (${added.stderr.trim()}); npm run bench starts a private one`;
  }
  // Warm-up: the file system's caches, and the compile cache msk keeps (Node ≥ 22.1).
  for (let index = 0; index < WARMUP_ROUNDS; index++) round(false);
}, 120_000);

describe(`msk start-up vs bare node -e 0, alternated (${ROUNDS} rounds)`, () => {
  bench('one round of every command', () => round(true), {
    iterations: ROUNDS,
    time: 0,
    warmupIterations: 0,
    warmupTime: 0,
  });
});

const median = (values: readonly number[]): number => describeSamples(values).median;

afterAll(async () => {
  await removeService(service).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
  const figures: Figure[] = [];
  const lines = [''];
  for (const node of NODES) {
    const version = versions.get(node) ?? node;
    lines.push(`msk start-up on Node ${version} (${node}), ratios to a bare node -e 0:`);
    for (const command of COMMANDS) {
      const name = `${command.name} vs bare node -e 0 (Node ${version.replace(/^v/, '')})`;
      // The last ROUNDS rounds: the runner may call a benchmark once or twice more than asked.
      const recorded = samples.get(`${node} ${command.id}`) ?? { bare: [], msk: [] };
      const [bare, msk] = [recorded.bare.slice(-ROUNDS), recorded.msk.slice(-ROUNDS)];
      if (command.needsKeychain && keychainSkipped) {
        figures.push({
          section: 'CLI start-up',
          name,
          unit: '×',
          median: Number.NaN,
          note: `skipped: ${keychainSkipped}`,
        });
        lines.push(`  ${command.name.padEnd(26)} skipped: ${keychainSkipped}`);
        continue;
      }
      const ratios = msk.map((time, index) => time / (bare[index] ?? Number.NaN));
      const figure: Figure = {
        section: 'CLI start-up',
        name,
        unit: '×',
        ...describeSamples(ratios),
        ...(command.budget !== undefined && { budget: command.budget }),
        note: `medians: bare ${median(bare).toFixed(1)} ms, ${command.id.endsWith('floor') ? 'floor' : 'msk'} ${median(msk).toFixed(1)} ms`,
      };
      figures.push(figure);
      const verdict =
        command.budget === undefined ? '' : figure.median <= command.budget ? ' met' : ' MISSED';
      lines.push(
        `  ${command.name.padEnd(26)} ${figure.median.toFixed(2)}× (${median(msk).toFixed(1)} ms vs ${median(bare).toFixed(1)} ms)` +
          (command.budget === undefined ? '' : ` budget ≤ ${command.budget}×${verdict}`),
      );
    }
  }
  console.log(`${lines.join('\n')}\n`);
  recordFigures('cli-startup', figures);
});
