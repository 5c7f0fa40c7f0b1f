#!/usr/bin/env node
// `npm start`: builds and launches the app with electron-vite — or, where the Electron binary
// was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1), says so in one line instead of a
// stack trace, and what still works.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electron = path.resolve('node_modules/electron');

/** Where electron's own index.js would look, without its download-on-require fallback. */
function electronBinary() {
  const pathFile = path.join(electron, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electron, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && electronBinary() === undefined) {
  console.error(
    'start: the Electron binary is not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its download failed): on a machine with internet, run `node node_modules/electron/install.js`. The msk command line (npm run build, then node out/cli/msk.js) and the tests (npm test) work without it.',
  );
  process.exit(1);
}

const bin = path.join('node_modules', '.bin', 'electron-vite');
const result = spawnSync(bin, ['preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
