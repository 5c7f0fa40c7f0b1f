// msk builds only the group of commands a run names (COMMAND_GROUPS): the table must say exactly
// what each group registers, or a command would be missing when named.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_GROUPS } from '../../main/cli/msk.js';

const namesOf = (program: Command): string[] =>
  program.commands.flatMap((command) => [command.name(), ...command.aliases()]);

describe('the command groups', () => {
  it.each(COMMAND_GROUPS.map(([names, register]) => [names.join(' '), names, register] as const))(
    '%s: the names the group registers, no more, no fewer',
    (_title, names, register) => {
      const program = new Command('msk').enablePositionalOptions();
      register(program);
      expect(namesOf(program).sort()).toEqual([...names].sort());
    },
  );

  it('together are every command, in the order help lists them', () => {
    expect(namesOf(buildProgram())).toEqual(COMMAND_GROUPS.flatMap(([names]) => names));
  });

  it('a named command is built as it is among all the others (its help, its options)', () => {
    for (const [names] of COMMAND_GROUPS) {
      for (const name of names) {
        const alone = buildProgram(name).commands.find((command) =>
          [command.name(), ...command.aliases()].includes(name),
        );
        const among = buildProgram().commands.find((command) =>
          [command.name(), ...command.aliases()].includes(name),
        );
        expect(alone?.helpInformation(), name).toBe(among?.helpInformation());
      }
    }
  });

  it('an option or an unknown name builds every command (help, suggestions)', () => {
    for (const first of [undefined, '--version', 'help', 'lsit']) {
      expect(namesOf(buildProgram(first)), String(first)).toEqual(namesOf(buildProgram()));
    }
  });
});
