// @ts-check
// The release a package manager is told about, read from what the release workflow already holds:
// electron-builder's output (the installers, latest*.yml for the version) and build/checksums.js's
// <file>.sha256 beside each installer. Node built-ins only: the release job runs it without npm ci.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {'macos' | 'windows' | 'linux'} Platform
 * @typedef {'x64' | 'arm64' | 'universal'} Arch
 * @typedef {'dmg' | 'mac-zip' | 'nsis' | 'win-zip' | 'appimage' | 'deb' | 'rpm'} Kind
 * @typedef {{ platform: Platform, arch: Arch, kind: Kind, fileName: string, url: string, sha256: string }} Artifact
 * @typedef {{
 *   version: string,
 *   productName: string,
 *   linuxExecutable: string,
 *   summary: string,
 *   description: string,
 *   homepage: string,
 *   license: string,
 *   publisher: string,
 *   artifacts: Artifact[],
 * }} Release
 */

/** Each installer electron-builder writes, by the end of its name (electron-builder.yml's artifactName). */
const KINDS = /** @type {const} */ ([
  [/\.dmg$/, 'macos', 'dmg'],
  [/-mac-\w+\.zip$/, 'macos', 'mac-zip'],
  [/-win-\w+-setup\.exe$/, 'windows', 'nsis'],
  [/-win-\w+\.zip$/, 'windows', 'win-zip'],
  [/\.AppImage$/, 'linux', 'appimage'],
  [/\.deb$/, 'linux', 'deb'],
  [/\.rpm$/, 'linux', 'rpm'],
]);

/** @param {string} fileName @returns {Arch} */
function archOf(fileName) {
  if (/universal/.test(fileName)) return 'universal';
  return /arm64|aarch64/.test(fileName) ? 'arm64' : 'x64';
}

/** A name GitHub keeps for an uploaded file (it turns any other character into a dot). */
const KEPT_BY_GITHUB = /^[0-9A-Za-z._-]+$/;

/**
 * A release's download URL for a file: where it is once the draft is published.
 * @param {string} repository owner/name
 * @param {string} tag
 * @param {string} fileName
 */
export const releaseAssetUrl = (repository, tag, fileName) =>
  `https://github.com/${repository}/releases/download/${tag}/${fileName}`;

/**
 * The installers in a folder with their checksums (`<file>.sha256`, `<hex>  <file>`); an installer
 * without one is an error: a manifest must never carry a checksum made up here.
 * @param {string} folder
 * @param {(fileName: string) => string} urlOf
 * @returns {Artifact[]}
 */
export function artifactsIn(folder, urlOf) {
  const names = readdirSync(folder);
  return names.flatMap((fileName) => {
    const known = KINDS.find(([pattern]) => pattern.test(fileName));
    if (!known) return [];
    // The update feeds name the file as built: a renamed asset would be found by no one.
    if (!KEPT_BY_GITHUB.test(fileName))
      throw new Error(`GitHub would rename ${fileName}: name it in electron-builder.yml's artifactName`);
    const checksumFile = `${fileName}.sha256`;
    if (!names.includes(checksumFile)) throw new Error(`${fileName} has no ${checksumFile} beside it`);
    const sha256 = /^[0-9a-f]{64}\b/.exec(readFileSync(path.join(folder, checksumFile), 'utf8'))?.[0];
    if (!sha256) throw new Error(`${checksumFile} holds no SHA-256`);
    const [, platform, kind] = known;
    return [{ platform, arch: archOf(fileName), kind, fileName, url: urlOf(fileName), sha256 }];
  });
}

/**
 * The version electron-builder built: every update feed (latest*.yml) in the folder names it, and
 * they must agree.
 * @param {string} folder
 */
export function builtVersion(folder) {
  const versions = new Set(
    readdirSync(folder)
      .filter((name) => /^latest.*\.yml$/.test(name))
      .map((name) => /^version: *['"]?([^'"\s]+)/m.exec(readFileSync(path.join(folder, name), 'utf8'))?.[1]),
  );
  const [version, ...others] = versions;
  if (!version || others.length > 0) throw new Error(`the update feeds in ${folder} name no one version`);
  return version;
}

/**
 * The release as the project describes itself: package.json (name, description, licence) and
 * electron-builder.yml (the one-line synopsis, the copyright holder), at the repository's root.
 * @param {string} root
 */
export function projectFacts(root) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const builder = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const line = (/** @type {RegExp} */ pattern) => {
    const value = pattern.exec(builder)?.[1];
    if (!value) throw new Error(`electron-builder.yml has no ${pattern.source}`);
    return value.trim();
  };
  return {
    productName: String(pkg.productName),
    linuxExecutable: String(pkg.name),
    description: String(pkg.description),
    license: String(pkg.license),
    summary: line(/^ {2}synopsis: (.+)$/m),
    publisher: line(/^copyright: Copyright © \d+ (.+)$/m),
  };
}
