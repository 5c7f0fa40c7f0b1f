// How msk starts itself again — the clipboard clearer, the terminal `msk launch` opens: `node
// msk.js` from a shell, or the app's own executable in its msk mode. Set once, by the entry.
let command: readonly string[] = [process.execPath, process.argv[1] ?? 'msk'];

export const selfCommand = (): readonly string[] => command;

export function setSelfCommand(self: readonly string[]): void {
  command = [...self];
}
