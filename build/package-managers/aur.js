// @ts-check
// The AUR package (model-studio-keys-bin): the release's .deb unpacked as it installs on Debian
// (/opt/<product>), its post-install steps done here — the sandbox helper setuid, the app and `msk`
// (the app in its msk mode) in /usr/bin — and the .SRCINFO the AUR reads from the same fields.
import { AUR_PACKAGE, COMMAND, PACKAGE_NAME, artifactOf, withVersionPlaceholder } from './identifiers.js';

/** What the app needs on Arch: Electron's libraries and the Secret Service client (keychain). */
const DEPENDS = ['gtk3', 'nss', 'alsa-lib', 'libsecret'];

/** @param {string} text a bash single-quoted word */
const quoted = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * @param {import('./release.js').Release} release
 * @returns {import('./index.js').ManifestFile[]}
 */
export function aurPackage(release) {
  const deb = artifactOf(release, 'deb');
  const executable = `/opt/${release.productName}/${release.linuxExecutable}`;
  const sourceName = `${PACKAGE_NAME}-${release.version}-x86_64.deb`;
  const fields = {
    pkgdesc: release.summary,
    url: release.homepage,
    arch: ['x86_64'],
    license: [release.license],
    depends: DEPENDS,
    provides: [PACKAGE_NAME],
    conflicts: [PACKAGE_NAME],
    options: ['!strip', '!debug'],
  };
  const bashValue = (/** @type {string | string[]} */ value) =>
    Array.isArray(value) ? `(${value.map(quoted).join(' ')})` : quoted(value);
  const pkgbuild = `# Written by the release workflow (build/package-managers.js) from the release's .deb.
# Maintainer: ${release.publisher}
pkgname=${AUR_PACKAGE}
pkgver=${release.version}
pkgrel=1
${Object.entries(fields)
  .map(([key, value]) => `${key}=${bashValue(value)}`)
  .join('\n')}
source_x86_64=("${PACKAGE_NAME}-\${pkgver}-x86_64.deb::${withVersionPlaceholder(deb.url, release.version, '${pkgver}')}")
sha256sums_x86_64=(${quoted(deb.sha256)})

package() {
  bsdtar -xf data.tar.* -C "$pkgdir"
  # What the .deb's post-install script does: Chromium's sandbox helper is setuid root.
  chmod 4755 "$pkgdir"${quoted(`/opt/${release.productName}/chrome-sandbox`)}
  install -d "$pkgdir/usr/bin"
  ln -s ${quoted(executable)} "$pkgdir/usr/bin/${release.linuxExecutable}"
  install -Dm755 /dev/stdin "$pkgdir/usr/bin/${COMMAND.name}" <<'LAUNCHER'
#!/bin/sh
exec ${quoted(executable)} ${COMMAND.appSwitch} "$@"
LAUNCHER
}
`;
  const srcinfoField = (/** @type {string} */ key, /** @type {string | string[]} */ value) =>
    (Array.isArray(value) ? value : [value]).map((item) => `\t${key} = ${item}`);
  const srcinfo = [
    `pkgbase = ${AUR_PACKAGE}`,
    ...srcinfoField('pkgdesc', fields.pkgdesc),
    ...srcinfoField('pkgver', release.version),
    ...srcinfoField('pkgrel', '1'),
    ...Object.entries(fields)
      .filter(([key]) => key !== 'pkgdesc')
      .flatMap(([key, value]) => srcinfoField(key, value)),
    ...srcinfoField('source_x86_64', `${sourceName}::${deb.url}`),
    ...srcinfoField('sha256sums_x86_64', deb.sha256),
    '',
    `pkgname = ${AUR_PACKAGE}`,
    '',
  ].join('\n');
  return [
    { path: `aur/${AUR_PACKAGE}/PKGBUILD`, content: pkgbuild },
    { path: `aur/${AUR_PACKAGE}/.SRCINFO`, content: srcinfo },
  ];
}
