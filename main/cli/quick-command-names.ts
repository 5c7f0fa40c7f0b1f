// The commands msk runs without commander when their arguments are plain (quick-commands.ts), by
// every name they answer to, for the entry: it picks a start's compile cache by the command before
// anything else of msk is loaded, so it cannot ask quick-commands.ts (test/unit/cli-quick-commands
// checks they agree).
export const QUICK_COMMAND_NAMES = {
  list: ['list', 'ls'],
  env: ['env'],
  exec: ['exec'],
  // The hidden command shell completions run on every TAB (core/desktop/completion-install.ts).
  complete: ['__complete'],
} as const;

export type QuickCommandName = keyof typeof QUICK_COMMAND_NAMES;

/** The quick command `name` names, if any. */
export function quickCommandNamed(name: string | undefined): QuickCommandName | undefined {
  return (Object.keys(QUICK_COMMAND_NAMES) as QuickCommandName[]).find((command) =>
    (QUICK_COMMAND_NAMES[command] as readonly string[]).includes(name ?? ''),
  );
}
