#!/usr/bin/env node
// `npm run icons`: renders every app and tray icon from its SVG source, the same way every time
// (Debian's Chromium, transparent background, fixed sizes):
// - build/icon.svg → icon.png (1024 px; electron-builder makes the .icns and .ico from it);
// - build/tray.svg, one glyph → the tray on Windows and Linux (white with a dark edge, seen on
//   dark and light panels alike), macOS template images (black on transparent, `…Template`, which
//   macOS tints for its menu bar), each at 1× and 2×, and each again in an "attention" variant
//   with a dot, shown while the last check found a failing key.
// Needs Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const here = import.meta.dirname;
const glyph = readFileSync(path.join(here, 'tray.svg'), 'utf8');
/** The glyph's drawing (its <g>), to restyle. */
const drawing = /<g[\s\S]*<\/g>/.exec(glyph)?.[0] ?? '';
const restyled = (stroke, width) =>
  drawing
    .replace(/stroke="[^"]*"/, `stroke="${stroke}"`)
    .replace(/stroke-width="[^"]*"/, `stroke-width="${width}"`);
const svg = (...parts) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${parts.join('')}</svg>`;
const DOT = (fill, edge) =>
  `<circle cx="25" cy="7" r="5.5" fill="${fill}"${edge ? ` stroke="${edge}" stroke-width="1.5"` : ''}/>`;

const panel = svg(restyled('#000', 5).replace('<g', '<g opacity="0.55"'), restyled('#fff', 3));
const template = svg(restyled('#000', 3));
const icons = [
  ['icon.png', readFileSync(path.join(here, 'icon.svg'), 'utf8'), 1024],
  ['tray.png', panel, 16],
  ['tray@2x.png', panel, 32],
  ['tray-attention.png', svg(panel.slice(panel.indexOf('>') + 1, -6), DOT('#ff5f3d', '#000')), 16],
  ['tray-attention@2x.png', svg(panel.slice(panel.indexOf('>') + 1, -6), DOT('#ff5f3d', '#000')), 32],
  ['trayTemplate.png', template, 16],
  ['trayTemplate@2x.png', template, 32],
  ['trayAttentionTemplate.png', svg(restyled('#000', 3), DOT('#000')), 16],
  ['trayAttentionTemplate@2x.png', svg(restyled('#000', 3), DOT('#000')), 32],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--force-color-profile=srgb',
  ],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [png, markup, size] of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`,
  );
  writeFileSync(path.join(here, png), await page.screenshot({ omitBackground: true }));
  console.log(`build/${png} (${size}×${size})`);
}
await browser.close();
