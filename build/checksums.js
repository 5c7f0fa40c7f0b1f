#!/usr/bin/env node
// Writes <file>.sha256 beside every installer in a folder (the release workflow attaches both):
// `sha256sum -c` reads them on Linux, `shasum -a 256 -c` on macOS.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INSTALLERS = /\.(dmg|zip|exe|AppImage|deb|rpm)$/;
const folder = process.argv[2] ?? 'dist';
for (const name of readdirSync(folder).filter((file) => INSTALLERS.test(file))) {
  const digest = createHash('sha256')
    .update(readFileSync(path.join(folder, name)))
    .digest('hex');
  writeFileSync(path.join(folder, `${name}.sha256`), `${digest}  ${name}\n`);
  console.log(`${digest}  ${name}`);
}
