// electron-builder packages the built app offline (a stub Electron stands in for the binary we
// cannot download here): the app's code goes in, the CLI's and source maps stay out, and the
// keychain addon is unpacked so it can load, and the fuses that would let another program use our
// binary as Node are off.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Where @electron/fuses finds the fuse wire in an Electron binary: version 1, length, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];

describe('electron-builder package', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'msk-package-'));
  const output = path.join(work, 'dist');
  const resources = path.join(output, 'linux-unpacked', 'resources');

  beforeAll(() => {
    expect(existsSync('out/main/index.js'), 'run `npm run build` first').toBe(true);
    const stub = path.join(work, 'electron');
    mkdirSync(stub);
    // A stub with Electron's fuse wire as a release has it (RunAsNode, NODE_OPTIONS, --inspect on).
    writeFileSync(path.join(stub, 'electron'), `#!/bin/sh\nexit 0\n${FUSE_SENTINEL}\x01\x0810110001\n`);
    chmodSync(path.join(stub, 'electron'), 0o755);
    writeFileSync(path.join(stub, 'version'), '45.5.0');
    const build = spawnSync(
      'node_modules/.bin/electron-builder',
      [
        '--linux',
        'dir',
        `-c.electronDist=${stub}`,
        '-c.electronVersion=45.5.0',
        `-c.directories.output=${output}`,
        // The release workflow's checkout names the repository through its git remote; here, given.
        '-c.publish.owner=msk-owner',
        '-c.publish.repo=model-studio-keys',
      ],
      { encoding: 'utf8' },
    );
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the main process, preload and renderer, without the CLI build or source maps', () => {
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    expect(files).toEqual(
      expect.arrayContaining([
        '/out/main/index.js',
        '/out/preload/preload.cjs',
        '/out/renderer/index.html',
        '/package.json',
      ]),
    );
    expect(
      files.filter(
        (file) => file.startsWith('/out/cli') || file.endsWith('.map') || file.startsWith('/test'),
      ),
    ).toEqual([]);
  });

  it('holds no dev dependency, test fixture or source map: only what the app runs', () => {
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    const packages = new Set(
      files.flatMap((file) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []),
    );
    const { dependencies, devDependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(devDependencies).filter((name) => packages.has(name))).toEqual([]);
    for (const name of Object.keys(dependencies)) expect(packages, name).toContain(name);
    expect(files.filter((file) => /\/test\/fixtures\/|\.map$|\.spec\.|\.test\./.test(file))).toEqual([]);
  });

  it('names its update feed: this project’s GitHub Releases', () => {
    const feed = readFileSync(path.join(resources, 'app-update.yml'), 'utf8');
    expect(feed).toMatch(/^provider: github$/m);
    expect(feed).toMatch(/^owner: msk-owner$/m);
    expect(feed).toMatch(/^repo: model-studio-keys$/m);
    expect(feed).toMatch(/^updaterCacheDirName: model-studio-keys-updater$/m);
  });

  it('unpacks the keychain addon for this platform', () => {
    const addon = path.join(
      resources,
      'app.asar.unpacked/node_modules/@github/keytar/prebuilds',
      `${process.platform}-${process.arch}`,
      'keytar.node',
    );
    expect(existsSync(addon)).toBe(true);
  });

  it('turns off running the app as Node, NODE_OPTIONS and --inspect, and loads only from its asar', () => {
    const binary = readFileSync(path.join(output, 'linux-unpacked', 'model-studio-keys'), 'latin1');
    const wire = binary
      .slice(binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2)
      .slice(0, FUSES.length);
    expect(Object.fromEntries(FUSES.map((fuse, index) => [fuse, wire[index] === '1']))).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: false,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: true,
    });
  });
});
