// `npm run bench`: the tray menu template for 6, 60 and 600 keys, rebuilt on every state change
// and every step of a check run. Budget: well under 1 ms per build for 600 keys (median).
import { afterAll, bench, describe } from 'vitest';
import { snapshot } from '../../main/core/state/snapshot.js';
import { createTranslator } from '../../main/shared/i18n/translator.js';
import { trayMenu } from '../../main/shell/tray-menu.js';
import { BENCH_REGIONS, manyKeys } from '../fixtures/many-keys.js';
import { describeSamples, recordFigures, summary } from './figures.js';

const SIZES = [6, 60, 600];
const BUDGET_MS = 1;

const t = createTranslator('en');
const extras = { copyAccelerator: 'CommandOrControl+Shift+K' };
const samples = new Map<number, number[]>(SIZES.map((size) => [size, []]));

for (const size of SIZES) {
  const state = { ...snapshot(manyKeys(size)), checking: { done: size / 2, total: size } };
  describe(`tray menu: ${size} keys in ${BENCH_REGIONS.length} regions`, () => {
    bench(
      `trayMenu (${size} keys)`,
      () => {
        const started = performance.now();
        trayMenu(state, t, extras);
        samples.get(size)?.push(performance.now() - started);
      },
      { time: 1000, warmupIterations: 50 },
    );
  });
}

afterAll(() => {
  for (const size of SIZES)
    console.log(summary(`tray menu of ${size} keys`, samples.get(size) ?? [], BUDGET_MS));
  recordFigures(
    'tray-menu',
    SIZES.map((size) => ({
      section: 'Tray',
      name: `Menu template for ${size} keys`,
      unit: 'ms' as const,
      ...describeSamples(samples.get(size) ?? []),
      // Only the largest has a budget; the smaller ones show how it grows.
      ...(size === 600 && { budget: BUDGET_MS }),
      note: 'while a check runs (its progress in the menu)',
    })),
  );
});
