// @ts-check
// Every package manager's manifests for one release, as files: the release workflow writes them
// (build/package-managers.js) and attaches them to the release.
import { aurPackage } from './aur.js';
import { homebrewCask } from './homebrew.js';
import { scoopManifest } from './scoop.js';
import { wingetManifests } from './winget.js';

/** @typedef {{ path: string, content: string }} ManifestFile */

/**
 * @param {import('./release.js').Release} release
 * @returns {ManifestFile[]}
 */
export const packageManifests = (release) => [
  ...homebrewCask(release),
  ...wingetManifests(release),
  ...scoopManifest(release),
  ...aurPackage(release),
];
