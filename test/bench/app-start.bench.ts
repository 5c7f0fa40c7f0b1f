// `npm run bench`: the app's own start-up work — from Electron's `whenReady` to the tray holding
// its first menu — on the real built main process (out/main/index.js) under the electron
// stand-in, with 60 keys stored. Budget: ≤ 50 ms. Electron's own start is not ours to measure here.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { launchApp } from '../fixtures/electron-stand-in/launch.js';
import { manyKeys } from '../fixtures/many-keys.js';
import { describeSamples, recordFigures, summary } from './figures.js';

const MAIN = path.resolve('out/main/index.js');
const KEYS = 60;
const BUDGET_MS = 50;
const WARMUP = 1;

const home = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-app-'));
const configHome = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-app-config-'));
writeFileSync(path.join(home, 'config.json'), JSON.stringify(manyKeys(KEYS)), { mode: 0o600 });
const samples: number[] = [];

describe('app start: whenReady → the tray has its menu', () => {
  bench(
    'start the app',
    async () => {
      if (!existsSync(MAIN)) return;
      const app = await launchApp(MAIN, { env: { MSK_HOME: home, XDG_CONFIG_HOME: configHome } });
      try {
        const { ready, firstTrayMenu } = await app.timings();
        if (ready !== undefined && firstTrayMenu !== undefined) samples.push(firstTrayMenu - ready);
      } finally {
        await app.kill();
      }
    },
    { iterations: 10, time: 0, warmupIterations: WARMUP },
  );
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(configHome, { recursive: true, force: true });
  const name = `From whenReady to the tray's first menu, ${KEYS} keys stored`;
  if (samples.length === 0) {
    console.log('\napp start: skipped (run `npm run build` first)\n');
    recordFigures('app-start', [
      { section: 'App start', name, unit: 'ms', median: Number.NaN, note: 'skipped: not built' },
    ]);
    return;
  }
  const measured = samples.slice(WARMUP);
  console.log(summary(`app start: ${name}`, measured, BUDGET_MS));
  recordFigures('app-start', [
    {
      section: 'App start',
      name,
      unit: 'ms',
      ...describeSamples(measured),
      budget: BUDGET_MS,
      note: 'the built main process under the electron stand-in (Node), our own work only',
    },
  ]);
});
