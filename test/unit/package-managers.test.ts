// The package managers' manifests the release workflow writes (build/package-managers/), from a fake
// release of small files with real checksums, each checked offline as its own tools would read it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  AUR_PACKAGE,
  NOT_YET_CREATED,
  PACKAGE_NAME,
  WINGET_IDENTIFIER,
} from '../../build/package-managers/identifiers.js';

const VERSION = '1.2.3';
const REPOSITORY = 'example/model-studio-keys';
/** The installers electron-builder names from electron-builder.yml's artifactName (deb and rpm: its own). */
const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<
  string,
  { artifactName?: string }
>;
const named = (target: string, arch: string, ext: string) =>
  (builder[target]?.artifactName ?? '')
    .replace('${name}', PACKAGE_NAME)
    .replace('${version}', VERSION)
    .replace('${arch}', arch)
    .replace('${ext}', ext);
const INSTALLERS = [
  named('mac', 'universal', 'dmg'),
  named('mac', 'universal', 'zip'),
  named('nsis', 'x64', 'exe'),
  named('win', 'x64', 'zip'),
  named('appImage', 'x86_64', 'AppImage'),
  `model-studio-keys_${VERSION}_amd64.deb`,
  `model-studio-keys-${VERSION}.x86_64.rpm`,
  // Left in dist/ by electron-builder beside the installer: no package manager takes it.
  named('nsis', 'x64', '__uninstaller.exe'),
];

const artifacts = mkdtempSync(path.join(os.tmpdir(), 'msk-release-'));
const sha256 = new Map<string, string>();
for (const name of INSTALLERS) {
  writeFileSync(path.join(artifacts, name), `the ${name} installer`);
  const digest = createHash('sha256').update(`the ${name} installer`).digest('hex');
  sha256.set(name, digest);
  writeFileSync(path.join(artifacts, `${name}.sha256`), `${digest}  ${name}\n`);
}
for (const feed of ['latest.yml', 'latest-mac.yml', 'latest-linux.yml'])
  writeFileSync(path.join(artifacts, feed), `version: ${VERSION}\nfiles: []\n`);
const out = path.join(artifacts, 'out');
afterAll(() => rmSync(artifacts, { recursive: true, force: true }));

const generate = (...args: string[]) =>
  spawnSync(process.execPath, ['build/package-managers.js', artifacts, out, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GITHUB_REPOSITORY: REPOSITORY, GITHUB_REF_NAME: `v${VERSION}` },
  });
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');
/** Where the release serves a file once published. */
const served = (name: string) => `https://github.com/${REPOSITORY}/releases/download/v${VERSION}/${name}`;
const [dmg = '', , nsis = '', winZip = '', , deb = ''] = INSTALLERS;

describe('the package managers’ manifests', () => {
  const run = generate();

  it('are written from the artifacts folder by the release workflow’s command', () => {
    // Named so that GitHub keeps the names: the release asset is the file the update feed names.
    for (const name of INSTALLERS) expect(name).toMatch(/^model-studio-keys[\w.-]+$/);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const wingetFolder = `winget/manifests/m/ModelStudioKeys/ModelStudioKeys/${VERSION}`;
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((file) => path.relative(out, file)),
    ).toEqual([
      `homebrew/Casks/${PACKAGE_NAME}.rb`,
      `${wingetFolder}/${WINGET_IDENTIFIER}.yaml`,
      `${wingetFolder}/${WINGET_IDENTIFIER}.installer.yaml`,
      `${wingetFolder}/${WINGET_IDENTIFIER}.locale.en-US.yaml`,
      `scoop/bucket/${PACKAGE_NAME}.json`,
      `aur/${AUR_PACKAGE}/PKGBUILD`,
      `aur/${AUR_PACKAGE}/.SRCINFO`,
      'channels.json',
    ]);
    expect(JSON.parse(read('channels.json'))).toMatchObject({
      homebrew: NOT_YET_CREATED.homebrewTap,
      scoop: NOT_YET_CREATED.scoopBucket,
      aur: AUR_PACKAGE,
    });
  });

  it('winget: the three manifests pass winget’s published 1.6.0 schemas', () => {
    // winget's own formats: a 64-bit return code, an ISO date.
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      formats: { long: true, date: /^\d{4}-\d{2}-\d{2}$/ },
    });
    const validator = (type: string) =>
      ajv.compile(
        JSON.parse(readFileSync(`test/fixtures/winget-schemas/manifest.${type}.1.6.0.json`, 'utf8')),
      );
    const folder = `winget/manifests/m/ModelStudioKeys/ModelStudioKeys/${VERSION}`;
    const manifests = {
      version: parse(read(`${folder}/${WINGET_IDENTIFIER}.yaml`)),
      installer: parse(read(`${folder}/${WINGET_IDENTIFIER}.installer.yaml`)),
      defaultLocale: parse(read(`${folder}/${WINGET_IDENTIFIER}.locale.en-US.yaml`)),
    };
    for (const [type, manifest] of Object.entries(manifests)) {
      const validate = validator(type);
      expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
      expect(manifest).toMatchObject({ PackageIdentifier: WINGET_IDENTIFIER, PackageVersion: VERSION });
    }
    expect(manifests.installer.Installers).toEqual([
      { Architecture: 'x64', InstallerUrl: served(nsis), InstallerSha256: sha256.get(nsis)?.toUpperCase() },
    ]);
    expect(manifests.installer).toMatchObject({ InstallerType: 'nullsoft', Scope: 'user' });
    // The schemas bite: an identifier with a space, a checksum that is none.
    const validateInstaller = ajv.getSchema('https://aka.ms/winget-manifest.installer.1.6.0.schema.json');
    expect(validateInstaller?.({ ...manifests.installer, PackageIdentifier: 'Model Studio.Keys' })).toBe(
      false,
    );
    const [installer] = manifests.installer.Installers;
    expect(
      validateInstaller?.({
        ...manifests.installer,
        Installers: [{ ...installer, InstallerSha256: 'none' }],
      }),
    ).toBe(false);
  });

  it('AUR: the PKGBUILD is valid bash whose sources and checksums are the release’s .deb', () => {
    const pkgbuild = path.join(out, `aur/${AUR_PACKAGE}/PKGBUILD`);
    expect(spawnSync('bash', ['-n', pkgbuild]).status).toBe(0);
    const sourced = spawnSync(
      'bash',
      [
        '-c',
        'source "$1" && printf "%s\\n" "$pkgname" "$pkgver" "${#source_x86_64[@]}" "${#sha256sums_x86_64[@]}" "${source_x86_64[@]}" "${sha256sums_x86_64[@]}"',
        'bash',
        pkgbuild,
      ],
      { encoding: 'utf8' },
    );
    expect(sourced.stderr).toBe('');
    expect(sourced.stdout.trim().split('\n')).toEqual([
      AUR_PACKAGE,
      VERSION,
      '1',
      '1',
      `${PACKAGE_NAME}-${VERSION}-x86_64.deb::${served(deb)}`,
      sha256.get(deb),
    ]);
    // msk on the PATH is the app in its msk mode.
    expect(read(`aur/${AUR_PACKAGE}/PKGBUILD`)).toContain(
      `exec '/opt/Model Studio Keys/model-studio-keys' --msk "$@"`,
    );
    const srcinfo = read(`aur/${AUR_PACKAGE}/.SRCINFO`);
    expect(srcinfo).toContain(`\tpkgver = ${VERSION}\n`);
    expect(srcinfo).toContain(`\tsha256sums_x86_64 = ${sha256.get(deb)}\n`);
  });

  it('Homebrew: the cask names the version, the dmg’s checksum and URL, the app and msk', () => {
    const cask = read(`homebrew/Casks/${PACKAGE_NAME}.rb`);
    expect(cask).toMatch(new RegExp(`^cask "${PACKAGE_NAME}" do\\n`));
    expect(cask).toContain(`  version "${VERSION}"\n`);
    expect(cask).toContain(`  sha256 "${sha256.get(dmg)}"\n`);
    const url = /^ {2}url "(.+)"$/m.exec(cask)?.[1] ?? '';
    expect(url).toContain('#{version}');
    expect(url.replaceAll('#{version}', VERSION)).toBe(served(dmg));
    expect(cask).toContain('  app "Model Studio Keys.app"\n');
    expect(cask).toMatch(/^ {2}binary shimscript, target: "msk"$/m);
    expect(cask).toContain('Model Studio Keys.app/Contents/MacOS/Model Studio Keys" --msk "$@"');
    // Balanced blocks: every `do` and heredoc closed, the cask ends with its own `end`.
    expect(cask.match(/\bdo$/gm)?.length).toBe(cask.match(/^\s*end$/gm)?.length);
    expect(cask.trimEnd().endsWith('\nend')).toBe(true);
  });

  it('Scoop: the manifest names the Windows zip, msk (a .cmd) and a shortcut, and follows new releases', () => {
    const manifest = JSON.parse(read(`scoop/bucket/${PACKAGE_NAME}.json`));
    expect(manifest).toMatchObject({
      version: VERSION,
      architecture: { '64bit': { url: served(winZip), hash: sha256.get(winZip) } },
      bin: 'msk.cmd',
      shortcuts: [['Model Studio Keys.exe', 'Model Studio Keys']],
      checkver: { github: `https://github.com/${REPOSITORY}` },
    });
    // msk is a .cmd written at install (cmd waits for the GUI program; Scoop's shim of it would not):
    // the app beside it in its msk mode, every argument, its exit status.
    const [write = ''] = manifest.pre_install;
    expect(write).toMatch(/^Set-Content -LiteralPath "\$dir\\msk\.cmd" -Encoding Ascii -Value '/);
    const launcher = [...write.matchAll(/'((?:[^']|'')*)'/g)].map(([, line = '']) =>
      line.replaceAll("''", "'"),
    );
    expect(launcher).toEqual(['@echo off', '"%~dp0Model Studio Keys.exe" --msk %*', 'exit /b %ERRORLEVEL%']);
    const autoupdate = manifest.autoupdate.architecture['64bit'];
    expect(autoupdate.url.replaceAll('$version', VERSION)).toBe(served(winZip));
    // The checksum file beside the zip on the release (build/checksums.js).
    expect(autoupdate.hash).toEqual({ url: '$url.sha256' });
  });

  it('refuses a tag that is not the version built, an installer GitHub would rename, one without its checksum', () => {
    expect(generate('--tag', 'v9.9.9').stderr).toMatch(
      /the tag v9\.9\.9 is not the version built \(1\.2\.3\)/,
    );
    // electron-builder's default name: GitHub serves it as Model.Studio.Keys-…, the feed names Model-Studio-Keys-….
    const spaced = path.join(artifacts, `Model Studio Keys-${VERSION}.AppImage`);
    writeFileSync(spaced, 'an installer');
    expect(generate().stderr).toMatch(/GitHub would rename Model Studio Keys-1\.2\.3\.AppImage/);
    rmSync(spaced);
    rmSync(path.join(artifacts, `${deb}.sha256`));
    expect(generate().stderr).toMatch(/has no .*\.deb\.sha256 beside it/);
  });
});

describe('the README’s install commands', () => {
  it('name the packages, the tap and the bucket the manifests are published as', () => {
    const readme = readFileSync('README.md', 'utf8');
    const { homebrewTap, scoopBucket } = NOT_YET_CREATED;
    expect(readme).toContain(`brew install --cask ${homebrewTap.tap}/${PACKAGE_NAME}`);
    expect(readme).toContain(`winget install ${WINGET_IDENTIFIER}`);
    expect(readme).toContain(
      `scoop bucket add ${scoopBucket.bucket} https://github.com/${scoopBucket.repository}`,
    );
    expect(readme).toContain(`scoop install ${scoopBucket.bucket}/${PACKAGE_NAME}`);
    expect(readme).toContain(`yay -S ${AUR_PACKAGE}`);
  });
});
