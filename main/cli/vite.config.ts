// Builds the `msk` command line: one ES module for plain Node, dependencies left in node_modules.
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __MSK_VERSION__: JSON.stringify(version) },
  plugins: [
    {
      // `out/cli/msk.js` runs as `./out/cli/msk.js`, like the installed bin.
      name: 'msk-executable',
      writeBundle(options) {
        chmodSync(path.join(options.dir ?? 'out/cli', 'msk.js'), 0o755);
      },
    },
  ],
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
