// @ts-check
// The Homebrew cask: the universal dmg, and `msk` as a shim running the app in its msk mode (the
// app bundle holds no msk file to link; Homebrew's shimscript pattern).
import { COMMAND, PACKAGE_NAME, artifactOf, withVersionPlaceholder } from './identifiers.js';

/** Electron 45's oldest macOS. */
const OLDEST_MACOS = ':monterey';

/** @param {string} text */
const rubyString = (text) => JSON.stringify(text).replaceAll('#{', '\\#{');

/**
 * @param {import('./release.js').Release} release
 * @returns {import('./index.js').ManifestFile[]}
 */
export function homebrewCask(release) {
  const dmg = artifactOf(release, 'dmg');
  const app = `${release.productName}.app`;
  const data = `~/Library/Application Support/${release.productName}`;
  const content = `cask ${rubyString(PACKAGE_NAME)} do
  version ${rubyString(release.version)}
  sha256 ${rubyString(dmg.sha256)}

  url "${withVersionPlaceholder(dmg.url, release.version, '#{version}')}"
  name ${rubyString(release.productName)}
  desc ${rubyString(release.summary)}
  homepage ${rubyString(release.homepage)}

  livecheck do
    url :url
    strategy :github_latest
  end

  auto_updates true
  depends_on macos: ">= ${OLDEST_MACOS}"

  app ${rubyString(app)}
  shimscript = "#{staged_path}/${COMMAND.name}.wrapper.sh"
  binary shimscript, target: ${rubyString(COMMAND.name)}

  preflight do
    File.write shimscript, <<~EOS
      #!/bin/sh
      exec "#{appdir}/${app}/Contents/MacOS/${release.productName}" ${COMMAND.appSwitch} "$@"
    EOS
  end

  zap trash: ${rubyString(data)}
end
`;
  return [{ path: `homebrew/Casks/${PACKAGE_NAME}.rb`, content }];
}
