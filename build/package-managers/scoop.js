// @ts-check
// The Scoop manifest: the portable Windows zip, a Start-menu shortcut, and `msk` as a msk.cmd
// written beside the app at install that runs it in its msk mode. Not a shim of the app itself:
// Scoop makes a GUI program's shim a GUI program too, which returns at once (ScoopInstaller/Scoop
// #6124), losing msk's output and exit status; a .cmd waits, as the app's own launcher does
// (main/core/desktop/command-line-install.ts). checkver/autoupdate follow the GitHub releases.
import { COMMAND, PACKAGE_NAME, artifactOf, withVersionPlaceholder } from './identifiers.js';

/** @param {string} text a PowerShell single-quoted string */
const psQuoted = (text) => `'${text.replaceAll("'", "''")}'`;

/**
 * @param {import('./release.js').Release} release
 * @returns {import('./index.js').ManifestFile[]}
 */
export function scoopManifest(release) {
  const zip = artifactOf(release, 'win-zip');
  const executable = `${release.productName}.exe`;
  const launcherFile = `${COMMAND.name}.cmd`;
  // %~dp0: the folder msk.cmd is in (the app's), so the file holds no path to decode.
  const launcher = ['@echo off', `"%~dp0${executable}" ${COMMAND.appSwitch} %*`, 'exit /b %ERRORLEVEL%'];
  const manifest = {
    version: release.version,
    description: release.summary,
    homepage: release.homepage,
    license: release.license,
    architecture: { '64bit': { url: zip.url, hash: zip.sha256 } },
    pre_install: [
      `Set-Content -LiteralPath "$dir\\${launcherFile}" -Encoding Ascii -Value ${launcher.map(psQuoted).join(', ')}`,
    ],
    bin: launcherFile,
    shortcuts: [[executable, release.productName]],
    checkver: { github: release.homepage },
    autoupdate: {
      architecture: {
        '64bit': {
          url: withVersionPlaceholder(zip.url, release.version, '$version'),
          // build/checksums.js's file, attached beside the zip.
          hash: { url: '$url.sha256' },
        },
      },
    },
  };
  return [{ path: `scoop/bucket/${PACKAGE_NAME}.json`, content: `${JSON.stringify(manifest, null, 2)}\n` }];
}
