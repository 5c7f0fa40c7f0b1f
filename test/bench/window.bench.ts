// `npm run bench`: the window with 600 keys, in Chromium — the built renderer, fed a snapshot by a
// stand-in `window.api`. Budgets (issue: the complete window): the first render ≤ 100 ms after the
// snapshot arrives, and filtering within one frame (16.7 ms). Both are measured inside the page,
// from the snapshot's arrival (or the keystroke) to the commit that shows the rows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { snapshot } from '../../main/core/state/snapshot.js';
import { manyKeys } from '../fixtures/many-keys.js';
import { serveStatic } from '../fixtures/static-server.js';
import { CHROMIUM } from '../fixtures/system.js';
import { describeSamples, recordFigures, summary } from './figures.js';

const KEYS = 600;
const FIRST_RENDER_MS = 100;
const FRAME_MS = 1000 / 60;
/** Warm-up runs are measured too; their samples are left out. */
const WARMUP = 3;
const firstRenders: number[] = [];
const narrowing: number[] = [];
const widening: number[] = [];

/** window.api answering from one snapshot; the page notes when it is handed over and when rows first show. */
const stubApi = (state: unknown) => `(() => {
  const ok = (value) => Promise.resolve({ ok: true, value });
  const call = (name) => {
    if (name === 'state.get') {
      globalThis.__snapshotAt = performance.now();
      return ok(${JSON.stringify(state)});
    }
    return ok([]);
  };
  const domain = (domainName) => new Proxy({}, { get: (_, verb) => () => call(domainName + '.' + verb) });
  globalThis.api = new Proxy({ onState: () => () => undefined }, { get: (target, name) => target[name] ?? domain(name) });
  const seen = new MutationObserver(() => {
    if (document.querySelector('[data-key-id]')) {
      globalThis.__renderedAt = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
  /** Types into the filter; resolves with the time until the first row shown is named \`name…\`. */
  globalThis.__filter = (text, name) => new Promise((resolve) => {
    const input = document.querySelector('input[type=search]');
    const started = performance.now();
    const shows = () => document.querySelector('[data-key-id]')?.getAttribute('aria-label')?.startsWith(name);
    const done = new MutationObserver(() => {
      if (!shows()) return;
      done.disconnect();
      resolve(performance.now() - started);
    });
    done.observe(document.body, { childList: true, subtree: true, attributes: true });
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
})();`;

const state = snapshot(manyKeys(KEYS));
/** Matches key-59 and key-590…599; the unfiltered list starts with another key. */
const FILTER = 'key-59';

let browser: Browser | undefined;
let page: Page;
let origin: string;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM) || !existsSync('out/renderer/index.html')) return;
  const server = await serveStatic(path.resolve('out/renderer'));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The page's CSP forbids eval, which waitForFunction needs.
  page = await browser.newPage({ viewport: { width: 960, height: 680 }, bypassCSP: true });
  await page.addInitScript({ content: stubApi(state) });
  close = async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  };
});

afterAll(async () => {
  await close();
  if (!browser) {
    console.log('\nwindow: skipped (needs Chromium and `npm run build`)\n');
    return;
  }
  const measured = {
    [`First render of ${KEYS} keys after the snapshot arrives`]: [firstRenders, FIRST_RENDER_MS],
    [`Filtering ${KEYS} keys down to ${FILTER}…`]: [narrowing, FRAME_MS],
    [`Clearing the filter back to ${KEYS} keys`]: [widening, FRAME_MS],
  } as const;
  for (const [what, [samples, budget]] of Object.entries(measured))
    console.log(summary(`window: ${what}`, samples.slice(WARMUP), budget));
  recordFigures('window', [
    {
      section: 'Window',
      name: 'Built JavaScript, gzipped',
      unit: 'KB',
      median: gzippedScripts() / 1024,
      budget: 250,
    },
    ...Object.entries(measured).map(([what, [samples, budget]]) => ({
      section: 'Window',
      name: what,
      unit: 'ms' as const,
      ...describeSamples(samples.slice(WARMUP)),
      budget,
      note: 'in Chromium, to the commit that shows the rows',
    })),
  ]);
});

/** The renderer's scripts as they ship, gzipped at the level a server or an asar would not beat. */
function gzippedScripts(): number {
  const assets = path.resolve('out/renderer/assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce((total, file) => total + gzipSync(readFileSync(path.join(assets, file)), { level: 9 }).length, 0);
}

describe(`window: ${KEYS} keys in Chromium`, () => {
  bench(
    'load the window and render every key',
    async () => {
      if (!browser) return;
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => (globalThis as { __renderedAt?: number }).__renderedAt !== undefined);
      firstRenders.push(
        await page.evaluate(() => {
          const times = globalThis as unknown as { __renderedAt: number; __snapshotAt: number };
          return times.__renderedAt - times.__snapshotAt;
        }),
      );
    },
    { iterations: 15, time: 0, warmupIterations: WARMUP },
  );

  bench(
    'filter, then clear the filter',
    async () => {
      if (!browser) return;
      const filter = (text: string, firstName: string) =>
        page.evaluate(
          ([value, name]) =>
            (globalThis as unknown as { __filter(text: string, name: string): Promise<number> }).__filter(
              value,
              name,
            ),
          [text, firstName] as const,
        );
      const first = await page.locator('[data-key-id]').first().getAttribute('aria-label');
      narrowing.push(await filter(FILTER, FILTER));
      widening.push(await filter('', first ?? ''));
    },
    { iterations: 30, time: 0, warmupIterations: WARMUP },
  );
});
