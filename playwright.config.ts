// E2E: the same specs against the built renderer in Chromium (window.api bridged to the real
// router and core in this process), against the real main process under the electron stand-in,
// and against the real Electron app where a binary exists.
import { defineConfig } from '@playwright/test';
import type { TargetOptions } from './test/e2e/app.js';

export default defineConfig<TargetOptions>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: process.env.CI === 'true',
  reporter: [['list']],
  projects: [
    { name: 'renderer', use: { target: 'renderer' } },
    { name: 'stand-in', use: { target: 'stand-in' } },
    { name: 'electron', use: { target: 'electron' } },
  ],
});
