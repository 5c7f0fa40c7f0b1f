// `npm run bench`: Copy API Key end to end on the real parts — the data file read, one read of the
// real Secret Service, the X clipboard written (xclip), the last use noted — as the tray and
// `msk copy` do it. Reported (median, p95), not budgeted: most of it is the keychain's and
// the clipboard tool's own time.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { copyKey } from '../../main/core/actions/use-key.js';
import type { KeyClipboard } from '../../main/core/actions/clipboard.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { KeychainSecretStore } from '../../main/core/keys/secret-store.js';
import { systemClipboard } from '../../main/core/clipboard/system-clipboard.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { removeService } from '../fixtures/keytar.js';
import { onPath } from '../fixtures/system.js';
import { describeSamples, recordFigures } from './figures.js';

const service = `Model Studio Keys bench ${randomUUID()}`;
const home = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-copy-'));
const WARMUP = 3;
const samples: number[] = [];
/** The system clipboard without the delayed clearer: a clearer per sample would pile up. */
const clipboard: KeyClipboard = { copy: (value) => systemClipboard().writeText(value) };
let services: Services | undefined;
let skipped = '';

beforeAll(async () => {
  if (!process.env.DISPLAY || !onPath('xclip')) {
    skipped = 'needs an X display and xclip (npm run bench runs under xvfb-run)';
    return;
  }
  const core = createServices(
    { dataDirectory: home, keychainService: service, endpointOverrides: {} },
    new KeychainSecretStore(service),
  );
  try {
    await core.vault.add({ secret: fakeKey(), label: 'bench', regionId: 'sg' });
    services = core;
  } catch (error) {
    skipped = `needs a Secret Service (${error instanceof Error ? error.message : String(error)})`;
  }
});

describe('copy a key: keychain read + clipboard write', () => {
  bench(
    'copyKey',
    async () => {
      if (!services) return;
      const started = performance.now();
      await copyKey(services, clipboard, { reference: 'bench' });
      samples.push(performance.now() - started);
    },
    { iterations: 40, time: 0, warmupIterations: WARMUP },
  );
});

afterAll(async () => {
  await removeService(service);
  rmSync(home, { recursive: true, force: true });
  const name = 'Copy API Key: data file, one Secret Service read, the X clipboard written (xclip)';
  if (skipped) console.log(`\ncopy path: skipped (${skipped})\n`);
  else {
    const { median, spread } = describeSamples(samples.slice(WARMUP));
    console.log(
      `\ncopy path (${samples.length} runs): median ${median.toFixed(1)} ms, p95 ${spread?.[1].toFixed(1)} ms\n`,
    );
  }
  recordFigures('copy-path', [
    skipped
      ? { section: 'Copy', name, unit: 'ms', median: Number.NaN, note: `skipped: ${skipped}` }
      : {
          section: 'Copy',
          name,
          unit: 'ms',
          ...describeSamples(samples.slice(WARMUP)),
          note: 'real gnome-keyring in a private session',
        },
  ]);
});
