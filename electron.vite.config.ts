import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// Strict CSP for the built app. Not in dev: React's refresh preamble there is an inline script.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'msk-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  main: {
    // `msk --version` in the app's msk mode, and the Postman export's stamp.
    define: { __MSK_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: 'main/index.ts' } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules: bundle what it imports.
      externalizeDeps: false,
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rolldownOptions: {
        input: { preload: 'main/preload.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: { input: { index: 'renderer/index.html' } },
    },
  },
});
