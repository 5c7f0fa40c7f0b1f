#!/usr/bin/env node
// The installed app's `msk` — the launcher the app installs, running the app in its msk mode — as
// the release workflow checks it on each OS where the real Electron runs (after the installers):
//   node build/installed-msk.js launcher <folder> [app]
//     writes the launcher the app would install (its own text: command-line-install.ts) into
//     <folder>, for the app's executable: `app` (one a package installed), else the one
//     electron-builder unpacked in dist/. Prints the launcher's path.
//   node build/installed-msk.js time <launcher> <figures.json>
//     times `msk --version` and `msk list --json` through the launcher against the same commands
//     under Node (out/cli/msk.js), alternated round by round; medians, with the OS and the date.
//   node build/installed-msk.js publish <figures.json…>
//     writes those figures into docs/PERFORMANCE.md's section "Installed app" (npm run bench keeps
//     it: test/bench/report.ts).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROUNDS = 15;
const REPORT = path.resolve('docs/PERFORMANCE.md');
const INSTALLED_SECTION = '## Installed app';

/** The executable electron-builder unpacked in dist/ for this OS. */
function unpackedApp() {
  if (process.platform === 'win32') return path.resolve('dist/win-unpacked/Model Studio Keys.exe');
  if (process.platform === 'darwin') {
    const folder = readdirSync('dist').find((name) => name.startsWith('mac') && !name.includes('.'));
    return path.resolve('dist', folder ?? 'mac', 'Model Studio Keys.app/Contents/MacOS/Model Studio Keys');
  }
  return path.resolve('dist/linux-unpacked/model-studio-keys');
}

async function writeLauncher(folder, app = unpackedApp()) {
  // The app's own TypeScript, loaded by Vite's module runner (as npm run docs:cli does).
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(path.resolve('main/core/desktop/command-line-install.ts'), {
    configFile: false,
    logLevel: 'warn',
  });
  if (!existsSync(app)) throw new Error(`no app at ${app}: run npm run dist first`);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, process.platform === 'win32' ? 'msk.cmd' : 'msk');
  writeFileSync(file, module.launcherScript(process.platform, [app, '--msk']));
  chmodSync(file, 0o755);
  console.log(file);
}

/** Wall time of one run, in ms; a failure stops the timing. */
function timed(command, args) {
  const started = performance.now();
  // The .cmd launcher runs through cmd.exe, as PATH lookup would run it.
  const run = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    shell: command.endsWith('.cmd'),
  });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function time(launcher, output) {
  const node = path.resolve('out/cli/msk.js');
  const figures = [];
  for (const args of [['--version'], ['list', '--json']]) {
    const [app, plain] = [[], []];
    // A first run of each fills the caches (the file system's, the compile cache).
    timed(launcher, args);
    timed(process.execPath, [node, ...args]);
    for (let round = 0; round < ROUNDS; round++) {
      app.push(timed(launcher, args));
      plain.push(timed(process.execPath, [node, ...args]));
    }
    figures.push({ command: `msk ${args.join(' ')}`, app: median(app), node: median(plain) });
  }
  const result = {
    os: `${os.type()} ${os.release()} (${process.platform}-${process.arch})`,
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    figures,
  };
  writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
  for (const { command, app, node: plain } of figures)
    console.log(
      `${command}: installed app ${app.toFixed(1)} ms, Node ${plain.toFixed(1)} ms (${(app / plain).toFixed(2)}×)`,
    );
}

function publish(files) {
  const results = files.map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const lines = [
    INSTALLED_SECTION,
    '',
    "Written by the release workflow (build/installed-msk.js) on each OS where the real Electron runs: the installed app's `msk` (its launcher, running the app in msk mode) against the same command under Node (`node out/cli/msk.js`), alternated; medians of 15 runs each.",
    '',
    '| OS | Date | Command | Installed app | Node | App ÷ Node |',
    '|---|---|---|---:|---:|---:|',
  ];
  for (const { os: system, date, node, figures } of results)
    for (const { command, app, node: plain } of figures)
      lines.push(
        `| ${system} | ${date} | ${command} | ${app.toFixed(1)} ms | ${plain.toFixed(1)} ms (${node}) | ${(app / plain).toFixed(2)}× |`,
      );
  const report = readFileSync(REPORT, 'utf8');
  const at = report.indexOf(`\n${INSTALLED_SECTION}\n`);
  const kept = at === -1 ? report.trimEnd() : report.slice(0, at).trimEnd();
  writeFileSync(REPORT, `${kept}\n\n${lines.join('\n')}\n`);
  console.log(`installed-msk: ${results.length} OS written to ${path.relative(process.cwd(), REPORT)}`);
}

const [action, ...rest] = process.argv.slice(2);
if (action === 'launcher') await writeLauncher(rest[0] ?? 'launcher', rest[1] && path.resolve(rest[1]));
else if (action === 'time') time(path.resolve(rest[0] ?? ''), rest[1] ?? 'installed-msk.json');
else if (action === 'publish') publish(rest);
else {
  console.error(
    'usage: node build/installed-msk.js launcher <folder> [app] | time <launcher> <figures.json> | publish <figures.json…>',
  );
  process.exit(2);
}
