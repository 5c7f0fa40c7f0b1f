#!/usr/bin/env node
// @ts-check
// The package managers' manifests for the release just built (build/package-managers/):
//   node build/package-managers.js <artifacts folder> <out folder> [--repository owner/name] [--tag v1.2.3]
// reads the installers, their .sha256 files and latest*.yml from the artifacts folder, and writes
// the Homebrew cask, winget manifests, Scoop manifest and AUR PKGBUILD + .SRCINFO under the out
// folder as laid out in each one's repository, with channels.json (where each is submitted:
// .github/workflows/package-managers.yml). URLs are the release's download URLs once published;
// the repository and tag default to GitHub Actions' GITHUB_REPOSITORY and GITHUB_REF_NAME.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  AUR_PACKAGE,
  NOT_YET_CREATED,
  PACKAGE_NAME,
  WINGET_IDENTIFIER,
} from './package-managers/identifiers.js';
import { packageManifests } from './package-managers/index.js';
import { artifactsIn, builtVersion, projectFacts, releaseAssetUrl } from './package-managers/release.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { repository: { type: 'string' }, tag: { type: 'string' } },
});
const [artifacts, out] = positionals;
const repository = values.repository ?? process.env.GITHUB_REPOSITORY;
if (!artifacts || !out || !repository) {
  console.error(
    'usage: node build/package-managers.js <artifacts folder> <out folder> [--repository owner/name] [--tag v1.2.3]',
  );
  process.exit(2);
}
const version = builtVersion(artifacts);
const tag = values.tag ?? process.env.GITHUB_REF_NAME ?? `v${version}`;
if (tag !== `v${version}`) throw new Error(`the tag ${tag} is not the version built (${version})`);

const release = {
  ...projectFacts(path.resolve(import.meta.dirname, '..')),
  version,
  homepage: `https://github.com/${repository}`,
  artifacts: artifactsIn(artifacts, (fileName) => releaseAssetUrl(repository, tag, fileName)),
};
const channels = {
  homebrew: { ...NOT_YET_CREATED.homebrewTap, cask: PACKAGE_NAME },
  winget: WINGET_IDENTIFIER,
  scoop: { ...NOT_YET_CREATED.scoopBucket, app: PACKAGE_NAME },
  aur: AUR_PACKAGE,
};
for (const file of [
  ...packageManifests(release),
  { path: 'channels.json', content: `${JSON.stringify(channels, null, 2)}\n` },
]) {
  const target = path.join(out, file.path);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.content);
  console.log(target);
}
