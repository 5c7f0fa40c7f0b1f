// The app is also `msk`: `<app executable> --msk <command…>` runs the command line on the app's own
// runtime, so a terminal the tray opens needs no Node.js. Not ELECTRON_RUN_AS_NODE: that fuse is
// off in packages, since with it any program could run our signed binary as Node and borrow its
// keychain access. This mode reaches msk's commands and nothing else. No electron import here.

export const MSK_SWITCH = '--msk';

/**
 * The msk arguments when the app was started as msk, else undefined. The switch must come first
 * (after the app's folder in an unpackaged run), so a tool's own `--msk` further on is not it.
 */
export function mskArguments(argv: readonly string[], packaged: boolean): string[] | undefined {
  const at = packaged ? 1 : 2;
  return argv[at] === MSK_SWITCH ? argv.slice(at + 1) : undefined;
}

type RunningApp = { execPath: string; execArgv: readonly string[]; argv: readonly string[] };

/** How the running app starts itself: its executable, its runtime's flags, its folder when unpackaged. */
export function selfCommand(
  process: RunningApp,
  packaged: boolean,
  resolve: (file: string) => string,
): string[] {
  const folder = packaged || process.argv[1] === undefined ? [] : [resolve(process.argv[1])];
  return [process.execPath, ...process.execArgv, ...folder];
}

/** How the running app starts itself as msk. */
export const selfAsMsk = (
  process: RunningApp,
  packaged: boolean,
  resolve: (file: string) => string,
): string[] => [...selfCommand(process, packaged, resolve), MSK_SWITCH];
