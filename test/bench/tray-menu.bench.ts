// `npm run bench`: the tray menu template for 600 keys, rebuilt on every state change and every
// step of a check run. Target: well under 1 ms per build (median), on this machine's noise.
import { afterAll, bench, describe } from 'vitest';
import { snapshot } from '../../main/core/state.js';
import { createTranslator } from '../../main/i18n/translator.js';
import { trayMenu } from '../../main/shell/tray-menu.js';
import { BENCH_REGIONS, manyKeys, summary } from '../fixtures/many-keys.js';

const KEYS = 600;
const TARGET_MS = 1;

const config = manyKeys(KEYS);
const state = { ...snapshot(config), checking: { done: 300, total: 600 } };
const t = createTranslator('en');
const extras = { copyAccelerator: 'CommandOrControl+Shift+K' };
const samples: number[] = [];

describe(`tray menu: ${KEYS} keys in ${BENCH_REGIONS.length} regions`, () => {
  bench(
    'trayMenu',
    () => {
      const started = performance.now();
      trayMenu(state, t, extras);
      samples.push(performance.now() - started);
    },
    { time: 1000, warmupIterations: 50 },
  );
});

afterAll(() => console.log(summary(`tray menu of ${KEYS} keys`, samples, TARGET_MS)));
