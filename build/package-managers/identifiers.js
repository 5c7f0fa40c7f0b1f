// @ts-check
// What each package manager calls the app, and where its manifests are published.

/** `brew install --cask model-studio-keys`, `scoop install model-studio-keys`. */
export const PACKAGE_NAME = 'model-studio-keys';
/** winget's Publisher.Package, from the product's name (electron-builder.yml's productName). */
export const WINGET_IDENTIFIER = 'ModelStudioKeys.ModelStudioKeys';
/** The AUR package built from the release's .deb (`-bin`: not built from source). */
export const AUR_PACKAGE = 'model-studio-keys-bin';

/**
 * NOT CREATED YET: the Homebrew tap and the Scoop bucket the manifests are pushed to
 * (.github/workflows/package-managers.yml). Create them (empty repositories) before the first
 * release that publishes there, or change these names here and in the README's install section.
 */
export const NOT_YET_CREATED = {
  /** `brew tap model-studio-keys/tap` finds github.com/model-studio-keys/homebrew-tap. */
  homebrewTap: { repository: 'model-studio-keys/homebrew-tap', tap: 'model-studio-keys/tap' },
  scoopBucket: { repository: 'model-studio-keys/scoop-bucket', bucket: 'model-studio-keys' },
};

/** The command the package managers put on the PATH: the app's executable in its msk mode. */
export const COMMAND = { name: 'msk', appSwitch: '--msk' };

/**
 * The one artifact of a kind, or an error saying there is none or more than one.
 * @param {import('./release.js').Release} release
 * @param {import('./release.js').Kind} kind
 */
export function artifactOf(release, kind) {
  const [found, ...others] = release.artifacts.filter((artifact) => artifact.kind === kind);
  if (!found || others.length > 0) throw new Error(`the release has no one ${kind} artifact`);
  return found;
}

/**
 * A URL with the version written as the manifest's own placeholder (`#{version}`, `$version`…),
 * so a tool updating the manifest needs only the new version.
 * @param {string} url
 * @param {string} version
 * @param {string} placeholder
 */
export const withVersionPlaceholder = (url, version, placeholder) => url.replaceAll(version, placeholder);
