// msk completion <shell> — prints the script that completes msk's commands, options and values in
// a shell; the script asks the hidden `msk __complete` (completion/run-complete.ts) on each TAB.
import { Argument, type Command } from 'commander';
import { COMPLETION_SHELLS, completionScript } from '../../core/platform/completion-scripts.js';
import { writeOut } from '../output.js';
import { COMPLETION_HELPER } from '../../core/desktop/completion-install.js';

export function registerCompletionCommands(program: Command): void {
  program
    .command('completion')
    .description(
      "print a script that completes msk's commands, options, key labels and regions in your shell",
    )
    .addArgument(new Argument('<shell>', 'bash, zsh, fish or powershell').choices(COMPLETION_SHELLS))
    .action((shell: (typeof COMPLETION_SHELLS)[number]) =>
      writeOut(completionScript(shell, { command: 'msk', helper: COMPLETION_HELPER })),
    );
}
