#!/usr/bin/env node
// Renders build/icon.svg and build/tray.svg to the PNGs electron-builder and the tray use.
// Run after editing an SVG: node build/make-icons.js (needs Chromium, e.g. Debian's /usr/bin/chromium).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const here = import.meta.dirname;
const outputs = [
  ['icon.svg', 'icon.png', 512],
  ['tray.svg', 'tray.png', 16],
  ['tray.svg', 'tray@2x.png', 32],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
for (const [svg, png, size] of outputs) {
  await page.setViewportSize({ width: size, height: size });
  const markup = readFileSync(path.join(here, svg), 'utf8');
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`,
  );
  await page.screenshot({ path: path.join(here, png), omitBackground: true });
  console.log(`build/${png} (${size}×${size})`);
}
await browser.close();
