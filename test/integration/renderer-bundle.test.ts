// The window stays small: its built JavaScript, gzipped, within the budget of the issue that
// made it (250 KB). Runs on the build `npm test` makes first.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ASSETS = path.resolve('out/renderer/assets');
const BUDGET_BYTES = 250 * 1024;

describe('the built renderer', () => {
  it('ships at most 250 KB of gzipped JavaScript', () => {
    const scripts = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
    expect(scripts.length, 'run `npm run build` first').toBeGreaterThan(0);
    const gzipped = scripts.reduce(
      (total, file) => total + gzipSync(readFileSync(path.join(ASSETS, file)), { level: 9 }).length,
      0,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
