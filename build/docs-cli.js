#!/usr/bin/env node
// `npm run docs:cli`: writes docs/CLI.md from msk's commands and build/cli-notes.md. The generator
// is TypeScript that imports msk's own modules; Vite's module runner loads it, as vitest does.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runnerImport } from 'vite';

const { module } = await runnerImport(path.join(import.meta.dirname, 'cli-reference.ts'), {
  configFile: false,
  logLevel: 'warn',
});
writeFileSync(module.CLI_REFERENCE, await module.currentCliReference());
console.log(`docs:cli: wrote ${path.relative(process.cwd(), module.CLI_REFERENCE)}`);
