// `npm run bench`: what `msk` itself adds to a start, since `msk exec -- qwen` and `eval "$(msk env)"`
// sit in front of every tool start and every new shell. Each command is measured beside its floor —
// what any Node program doing the same work pays, with no msk: list = Node + reading config.json;
// env = Node + the keychain addon + reading the stored key's item; exec = env's floor + one spawn —
// and a bare `node -e 0`, alternated in the same round on the same Node. msk's overhead is
// (msk − floor) ÷ bare, round by round; a figure is the median of the rounds. Budget: ≤ +0.15× of
// a bare start for list, env and exec on every Node measured. The ratios to a bare start are
// reported as information.
// env and exec read a real keychain: `npm run bench` runs in a private gnome-keyring session;
// without a Secret Service they are skipped, and said so.
// Shell completion (`msk __complete`, run on every TAB) is measured completing the labels of 600
// keys, against the same floor as list's (reading that config.json), with list's budget.
// The Nodes: MSK_BENCH_NODES=node,/path/to/node22,…; `npm run bench` sets it to the `node` on PATH
// and npm's Node 22 and 24 (test/run.js).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { SETTLED_MS } from '../../main/core/platform/file-identity.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { removeService } from '../fixtures/keytar.js';
import { manyKeys } from '../fixtures/many-keys.js';
import { ensureBuiltCli } from './built-cli.js';
import { describeSamples, type Figure, recordFigures } from './figures.js';

/** The built CLI (MSK_BENCH_MSK names another build, to compare). */
const MSK = path.resolve(process.env.MSK_BENCH_MSK ?? 'out/cli/msk.js');
// Enough rounds for a median steadier than the budget is wide on a shared 2-core machine
// (25 rounds moved a figure by ±0.05× from run to run; MSK_BENCH_ROUNDS to try another count).
const ROUNDS = Number(process.env.MSK_BENCH_ROUNDS ?? 60);
const WARMUP_ROUNDS = 3;
/** msk's own cost over a command's floor, as a share of a bare Node start. */
const OVERHEAD_BUDGET = 0.15;

interface Command {
  id: string;
  name: string;
  /** Node's arguments. */
  args: string[];
  /** The same work without msk, by the id of its entry in FLOORS. */
  floor?: string;
  needsKeychain: boolean;
  /** Its data directory's environment, and its floor's (default: the one key's). */
  env?: NodeJS.ProcessEnv;
}

interface Floor {
  id: string;
  name: string;
  args: string[];
  needsKeychain: boolean;
}

/** What no Node program that does a command's work can avoid: see the header. */
const CONFIG_FLOOR = `JSON.parse(require('node:fs').readFileSync(require('node:path').join(process.env.MSK_HOME, 'config.json'), 'utf8'))`;
// The item msk reads (the stored key's, MSK_BENCH_KEY_ID): the Secret Service hands over a secret
// through a session of its own, which a read of an absent item never opens (about 1 ms on Node 22).
const READ_FLOOR = `require('@github/keytar').getPassword(process.env.MSK_KEYCHAIN_SERVICE, process.env.MSK_BENCH_KEY_ID).then((secret) => { if (!secret) process.exit(3); })`;
const SPAWN_FLOOR = `${READ_FLOOR}.then(() => require('node:child_process').spawn('true', { stdio: 'inherit' }));`;

const FLOORS: Floor[] = [
  {
    id: 'list-floor',
    name: "list's floor: reading config.json, no msk",
    args: ['-e', CONFIG_FLOOR],
    needsKeychain: false,
  },
  {
    id: 'many-keys-floor',
    name: "completion's floor: reading config.json of 600 keys, no msk",
    args: ['-e', CONFIG_FLOOR],
    needsKeychain: false,
  },
  {
    id: 'read-floor',
    name: "env's floor: keychain addon + reading the key's item, no msk",
    args: ['-e', READ_FLOOR],
    needsKeychain: true,
  },
  {
    id: 'floor',
    name: "exec's floor: keychain addon + reading the key's item + spawn, no msk",
    args: ['-e', SPAWN_FLOOR],
    needsKeychain: true,
  },
];

const service = `Model Studio Keys bench ${randomUUID()}`;
const home = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-startup-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  MSK_HOME: home,
  MSK_KEYCHAIN_SERVICE: service,
  // A shell msk writes for without a warning.
  SHELL: '/bin/bash',
};
/** A data directory of 600 keys (no secrets: completion reads none). */
const manyKeysHome = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-completion-'));
writeFileSync(path.join(manyKeysHome, 'config.json'), `${JSON.stringify(manyKeys(600))}\n`);
const manyKeysEnv: NodeJS.ProcessEnv = { ...env, MSK_HOME: manyKeysHome };

const COMMANDS: Command[] = [
  { id: 'version', name: 'msk --version', args: [MSK, '--version'], needsKeychain: false },
  {
    id: 'list',
    name: 'msk list --json',
    args: [MSK, 'list', '--json'],
    floor: 'list-floor',
    needsKeychain: false,
  },
  {
    id: 'complete',
    name: "completing key labels, 600 keys (msk __complete copy --key '')",
    args: [MSK, '__complete', 'copy', '--key', ''],
    floor: 'many-keys-floor',
    needsKeychain: false,
    env: manyKeysEnv,
  },
  { id: 'env', name: 'msk env', args: [MSK, 'env'], floor: 'read-floor', needsKeychain: true },
  {
    id: 'exec',
    name: 'msk exec --key k -- true',
    args: [MSK, 'exec', '--key', 'k', '--', 'true'],
    floor: 'floor',
    needsKeychain: true,
  },
];

/** The `node`s to measure on: MSK_BENCH_NODES (npm run bench adds npm's Node 22 and 24), else PATH's. */
const NODES = (process.env.MSK_BENCH_NODES ?? process.env.MSK_BENCH_NODE ?? 'node')
  .split(',')
  .filter(Boolean);

/** A round's times of one command on one Node: bare `node -e 0`, its floor (if any), msk. */
interface Samples {
  bare: number[];
  floor: number[];
  msk: number[];
}
/** Samples per Node and command: `${node} ${command.id}`. */
const samples = new Map<string, Samples>();
const samplesOf = (node: string, command: Command): Samples => {
  const key = `${node} ${command.id}`;
  let found = samples.get(key);
  if (!found) samples.set(key, (found = { bare: [], floor: [], msk: [] }));
  return found;
};
let keychainSkipped = '';
const versions = new Map<string, string>();

/** Wall time of one process, start to exit, in ms; a failure stops the benchmark. */
function timed(node: string, args: string[], processEnv: NodeJS.ProcessEnv = env): number {
  const started = performance.now();
  const run = spawnSync(node, args, {
    env: processEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`${node} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

const active = (): Command[] => COMMANDS.filter((command) => !command.needsKeychain || !keychainSkipped);
const floorOf = (command: Command): Floor | undefined => FLOORS.find((floor) => floor.id === command.floor);

/** Each command after a bare start and its floor, on each Node in turn. */
function round(record: boolean): void {
  for (const node of NODES) {
    for (const command of active()) {
      const floor = floorOf(command);
      const bare = timed(node, ['-e', '0']);
      const floorTime = floor ? timed(node, floor.args, command.env) : Number.NaN;
      const msk = timed(node, command.args, command.env);
      if (!record) continue;
      const recorded = samplesOf(node, command);
      recorded.bare.push(bare);
      recorded.floor.push(floorTime);
      recorded.msk.push(msk);
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
  } else {
    const stored = JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8')) as {
      keys: { id: string }[];
    };
    env.MSK_BENCH_KEY_ID = stored.keys[0]?.id;
  }
  // As a user's config.json is when they press TAB: left alone since it was last written, so
  // that its identity can be trusted (file-identity.ts) — the warm-up's reads note it.
  const settled = statSync(path.join(manyKeysHome, 'config.json')).ctimeMs + SETTLED_MS;
  while (Date.now() <= settled) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  // Warm-up: the file system's caches, and the compile cache msk keeps (Node ≥ 22.1).
  for (let index = 0; index < WARMUP_ROUNDS; index++) round(false);
}, 300_000);

describe(`msk start-up vs its floor and a bare node -e 0, alternated (${ROUNDS} rounds)`, () => {
  bench('one round of every command', () => round(true), {
    iterations: ROUNDS,
    time: 0,
    warmupIterations: 0,
    warmupTime: 0,
  });
});

const median = (values: readonly number[]): number => describeSamples(values).median;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const skipped = (name: string): Figure => ({
  section: 'CLI start-up',
  name,
  unit: '×',
  median: Number.NaN,
  note: `skipped: ${keychainSkipped}`,
});

/** The figures of one command on one Node: its overhead over its floor (budgeted), then its ratios to a bare start. */
function figuresOf(node: string, command: Command, lines: string[]): Figure[] {
  const version = (versions.get(node) ?? node).replace(/^v/, '');
  const floor = floorOf(command);
  const ratioName = `${command.name} vs bare node -e 0 (Node ${version})`;
  const floorName = floor && `${floor.name} vs bare node -e 0 (Node ${version})`;
  const overheadName = `${command.name}: msk's own cost over its floor, ÷ a bare start (Node ${version})`;
  if (command.needsKeychain && keychainSkipped) {
    lines.push(`  ${command.name.padEnd(26)} skipped: ${keychainSkipped}`);
    return [
      ...(floor ? [skipped(overheadName)] : []),
      skipped(ratioName),
      ...(floorName ? [skipped(floorName)] : []),
    ];
  }
  // The last ROUNDS rounds: the runner may call a benchmark once or twice more than asked.
  const recorded = samplesOf(node, command);
  const [bare, floorTimes, msk] = [recorded.bare, recorded.floor, recorded.msk].map((times) =>
    times.slice(-ROUNDS),
  ) as [number[], number[], number[]];
  const ratio = (times: number[]) => times.map((time, index) => time / (bare[index] ?? Number.NaN));
  const figures: Figure[] = [];
  let said = `${command.name.padEnd(26)} ${median(ratio(msk)).toFixed(2)}× of bare (${ms(median(msk))} vs ${ms(median(bare))})`;
  if (floor) {
    const overhead = msk.map(
      (time, index) => (time - (floorTimes[index] ?? Number.NaN)) / (bare[index] ?? Number.NaN),
    );
    const figure: Figure = {
      section: 'CLI start-up',
      name: overheadName,
      unit: '×',
      ...describeSamples(overhead),
      budget: OVERHEAD_BUDGET,
      note: `medians: bare ${ms(median(bare))}, floor ${ms(median(floorTimes))}, msk ${ms(median(msk))}; msk − floor ${ms(median(msk.map((time, index) => time - (floorTimes[index] ?? Number.NaN))))}`,
    };
    figures.push(figure);
    said += `; over its floor (${ms(median(floorTimes))}) +${figure.median.toFixed(2)}× budget ≤ +${OVERHEAD_BUDGET}× ${figure.median <= OVERHEAD_BUDGET ? 'met' : 'MISSED'}`;
  }
  lines.push(`  ${said}`);
  /** A process's times as ratios to the bare start of the same rounds (information, no budget). */
  const ratioFigure = (name: string, what: string, times: number[]): Figure => ({
    section: 'CLI start-up',
    name,
    unit: '×',
    ...describeSamples(ratio(times)),
    note: `medians: bare ${ms(median(bare))}, ${what} ${ms(median(times))}`,
  });
  figures.push(ratioFigure(ratioName, 'msk', msk));
  if (floorName) figures.push(ratioFigure(floorName, 'floor', floorTimes));
  return figures;
}

afterAll(async () => {
  await removeService(service).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
  rmSync(manyKeysHome, { recursive: true, force: true });
  const lines = [''];
  const figures = NODES.flatMap((node) => {
    lines.push(`msk start-up on Node ${versions.get(node) ?? node} (${node}):`);
    return COMMANDS.flatMap((command) => figuresOf(node, command, lines));
  });
  console.log(`${lines.join('\n')}\n`);
  recordFigures('cli-startup', figures);
});
