// @ts-check
// The winget manifests (the multi-file set, schema 1.6.0): version, installer (the per-user NSIS
// installer) and default locale, laid out as in microsoft/winget-pkgs.
import { WINGET_IDENTIFIER, artifactOf } from './identifiers.js';

const MANIFEST_VERSION = '1.6.0';
const LOCALE = 'en-US';

/**
 * A manifest's YAML: plain keys, JSON-quoted strings (valid YAML), lists of flat maps.
 * @param {'version' | 'installer' | 'defaultLocale'} type
 * @param {Record<string, string | Array<string | Record<string, string>>>} fields
 */
function manifestYaml(type, fields) {
  /** @type {typeof fields} */
  const all = { ...fields, ManifestType: type, ManifestVersion: MANIFEST_VERSION };
  const lines = [
    `# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.${MANIFEST_VERSION}.schema.json`,
    '',
  ];
  for (const [key, value] of Object.entries(all)) {
    if (typeof value === 'string') lines.push(`${key}: ${JSON.stringify(value)}`);
    else {
      lines.push(`${key}:`);
      for (const item of value) {
        if (typeof item === 'string') lines.push(`  - ${JSON.stringify(item)}`);
        else
          Object.entries(item).forEach(([name, text], index) => {
            lines.push(`${index === 0 ? '  - ' : '    '}${name}: ${JSON.stringify(text)}`);
          });
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * @param {import('./release.js').Release} release
 * @returns {import('./index.js').ManifestFile[]}
 */
export function wingetManifests(release) {
  const installer = artifactOf(release, 'nsis');
  const [publisher = '', product = ''] = WINGET_IDENTIFIER.split('.');
  const folder = `winget/manifests/${publisher.charAt(0).toLowerCase()}/${publisher}/${product}/${release.version}`;
  const id = { PackageIdentifier: WINGET_IDENTIFIER, PackageVersion: release.version };
  const file = (/** @type {string} */ suffix, /** @type {string} */ content) => ({
    path: `${folder}/${WINGET_IDENTIFIER}${suffix}.yaml`,
    content,
  });
  return [
    file('', manifestYaml('version', { ...id, DefaultLocale: LOCALE })),
    file(
      '.installer',
      manifestYaml('installer', {
        ...id,
        InstallerType: 'nullsoft',
        // electron-builder's NSIS installer, per user (electron-builder.yml: perMachine false).
        Scope: 'user',
        UpgradeBehavior: 'install',
        Installers: [
          {
            Architecture: installer.arch,
            InstallerUrl: installer.url,
            InstallerSha256: installer.sha256.toUpperCase(),
          },
        ],
      }),
    ),
    file(
      `.locale.${LOCALE}`,
      manifestYaml('defaultLocale', {
        ...id,
        PackageLocale: LOCALE,
        Publisher: release.publisher,
        PackageName: release.productName,
        PackageUrl: release.homepage,
        License: release.license,
        ShortDescription: release.summary,
        Description: release.description,
      }),
    ),
  ];
}
