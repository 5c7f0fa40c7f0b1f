#!/usr/bin/env node
// `npm run docs:cli`: writes docs/CLI.md from msk's commands and build/cli-notes.md, and the commands'
// tree shell completions read (main/cli/completion/command-tree.ts). The generators are TypeScript
// that imports msk's own modules; Vite's module runner loads them, as vitest does.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runnerImport } from 'vite';

const load = async (file) =>
  (await runnerImport(path.join(import.meta.dirname, file), { configFile: false, logLevel: 'warn' })).module;
const reference = await load('cli-reference.ts');
writeFileSync(reference.CLI_REFERENCE, await reference.currentCliReference());
console.log(`docs:cli: wrote ${path.relative(process.cwd(), reference.CLI_REFERENCE)}`);
const tree = await load('completion-tree.ts');
writeFileSync(tree.COMMAND_TREE_FILE, await tree.currentCommandTree());
console.log(`docs:cli: wrote ${path.relative(process.cwd(), tree.COMMAND_TREE_FILE)}`);
