// @ts-check
// The Scoop manifest: the portable Windows zip, `msk` as a shim running the app in its msk mode,
// a Start-menu shortcut; checkver/autoupdate follow the project's GitHub releases.
import { COMMAND, PACKAGE_NAME, artifactOf, withVersionPlaceholder } from './identifiers.js';

/**
 * @param {import('./release.js').Release} release
 * @returns {import('./index.js').ManifestFile[]}
 */
export function scoopManifest(release) {
  const zip = artifactOf(release, 'win-zip');
  const executable = `${release.productName}.exe`;
  const manifest = {
    version: release.version,
    description: release.summary,
    homepage: release.homepage,
    license: release.license,
    architecture: { '64bit': { url: zip.url, hash: zip.sha256 } },
    bin: [[executable, COMMAND.name, COMMAND.appSwitch]],
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
