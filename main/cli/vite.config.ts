// Builds the `msk` command line: one ES module for plain Node, dependencies left in node_modules.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __MSK_VERSION__: JSON.stringify(version) },
  build: {
    ssr: 'main/cli/main.ts',
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'msk.js', banner: '#!/usr/bin/env node' },
    },
  },
});
