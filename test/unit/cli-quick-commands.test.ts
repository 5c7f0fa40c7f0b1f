// list, env and exec run without commander when their arguments are plain. Whatever the quick
// parser takes, commander — given the same declarations — must read the same way; whatever it
// is not sure of, it must leave to commander.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ENV_OPTIONS, EXEC_OPTIONS } from '../../main/cli/commands/environment.js';
import { LIST_OPTIONS } from '../../main/cli/commands/keys.js';
import { buildProgram } from '../../main/cli/msk.js';
import { VERSION } from '../../main/core/base/version.js';
import { type OptionSpec, parsePlain, type PlainArguments } from '../../main/cli/option-spec.js';
import { QUICK_COMMAND_NAMES, quickCommandNamed } from '../../main/cli/quick-command-names.js';
import { quickCommand } from '../../main/cli/quick-commands.js';

const COMMANDS: readonly { name: string; options: readonly OptionSpec[]; operands: boolean }[] = [
  { name: 'list', options: LIST_OPTIONS, operands: false },
  { name: 'env', options: ENV_OPTIONS, operands: false },
  { name: 'exec', options: EXEC_OPTIONS, operands: true },
];

/** What commander hands the action for `args` (the command's name first). */
async function commanderReads(args: string[]): Promise<PlainArguments> {
  const program = buildProgram(args[0]).exitOverride();
  const command = program.commands.find((candidate) => candidate.name() === args[0]) as Command;
  let read: PlainArguments | undefined;
  command.exitOverride().action((...received: unknown[]) => {
    const options = (received.at(-1) as Command).opts<Record<string, string | true>>();
    const operands = received.slice(0, -2).flatMap((value) => value as string | string[]);
    read = { options, operands };
  });
  await program.parseAsync(args, { from: 'user' });
  if (read === undefined) throw new Error(`commander ran no action for ${args.join(' ')}`);
  return read;
}

const TAKEN: readonly string[][] = [
  ['list'],
  ['ls', '--json'],
  ['list', '--json'],
  ['env'],
  ['env', '--key', 'prod'],
  ['env', '-k', 'prod', '-s', 'fish'],
  ['env', '--key=prod', '--tool=qwen-code', '--model', 'qwen3-coder-plus', '--shell', 'json'],
  ['env', '--key', ''],
  ['env', '--key', '团队 key'],
  ['exec', 'true'],
  ['exec', '--', 'true'],
  ['exec', '--key', 'k', '--', 'qwen', '-p', 'hi'],
  ['exec', '-k', 'k', 'qwen', '--help'],
  ['exec', '-t', 'claude-code', 'claude', '--', '-x'],
  ['exec', '--', '--looks-like-an-option', 'a'],
  ['exec', 'env', '--key', 'other'],
];

const LEFT_TO_COMMANDER: readonly string[][] = [
  [],
  ['--version', 'list'],
  ['-V', '--help'],
  ['--Version'],
  ['help', 'env'],
  ['list', '--help'],
  ['list', '-h'],
  ['list', '--json=yes'],
  ['list', 'extra'],
  ['lsit'],
  ['env', '--key'],
  ['env', '--key', '--shell', 'bash'],
  ['env', '--key', 'a', '--key', 'b'],
  ['env', '-kprod'],
  ['env', '--shel', 'bash'],
  ['env', '--no-key'],
  ['env', 'prod'],
  ['env', '--'],
  ['env', '-'],
  ['exec'],
  ['exec', '--'],
  ['exec', '--key', 'k'],
  ['exec', '-x', 'true'],
  ['exec', '-', 'true'],
  ['copy', 'k'],
];

describe('quick commands', () => {
  it.each(TAKEN.map((args) => [args.join(' '), args]))(
    '%s: taken, and read as commander reads it',
    async (_, args) => {
      const command = COMMANDS.find((candidate) => [candidate.name, 'ls'].includes(args[0] ?? ''));
      expect(quickCommand(args)).toBeTypeOf('function');
      const quick = parsePlain(args.slice(1), command?.options ?? [], command?.operands ?? false);
      const name = args[0] === 'ls' ? 'list' : (args[0] ?? '');
      expect(quick).toEqual(await commanderReads([name, ...args.slice(1)]));
    },
  );

  it('--version or -V alone: the version, printed as commander prints it', async () => {
    const program = buildProgram();
    const option = program.options.find((candidate) => candidate.long === '--version');
    expect([option?.short, option?.long, program.version()]).toEqual(['-V', '--version', VERSION]);
    let printed = '';
    program.exitOverride().configureOutput({ writeOut: (text) => (printed += text) });
    await expect(program.parseAsync(['--version'], { from: 'user' })).rejects.toMatchObject({ exitCode: 0 });
    expect(printed).toBe(`${VERSION}\n`);
    // What msk prints instead (to the descriptor itself): test/integration/cli-startup.test.ts.
    for (const flag of ['--version', '-V']) expect(quickCommand([flag]), flag).toBeTypeOf('function');
  });

  it('the entry knows them by the same names (it keeps a compile cache for each)', () => {
    for (const args of TAKEN) expect(quickCommandNamed(args[0])).toBe(args[0] === 'ls' ? 'list' : args[0]);
    for (const [command, names] of Object.entries(QUICK_COMMAND_NAMES)) {
      for (const name of names) {
        expect(quickCommand(command === 'exec' ? [name, 'true'] : [name]), name).toBeTypeOf('function');
      }
    }
    for (const name of ['lsit', 'copy', 'help', '--version', undefined]) {
      expect(quickCommandNamed(name), name).toBeUndefined();
    }
  });

  it.each(LEFT_TO_COMMANDER.map((args) => [args.join(' ') || '(nothing)', args]))(
    '%s: left to commander',
    (_, args) => {
      expect(quickCommand(args)).toBeUndefined();
    },
  );

  it('declares only options the quick parser understands, as commander names them', () => {
    for (const { name, options } of COMMANDS) {
      const command = buildProgram(name).commands.find((candidate) => candidate.name() === name) as Command;
      const declared = command.options.map((option) => option.attributeName()).sort();
      const parsed = options.map(([flags]) => {
        const long = /--[a-z-]+/.exec(flags)?.[0] ?? '';
        const value = flags.endsWith('>') ? 'v' : undefined;
        return Object.keys(parsePlain(value ? [long, value] : [long], options, false)?.options ?? {})[0];
      });
      expect(parsed.sort(), name).toEqual(declared);
    }
  });

  it('refuses a declaration it would not read as commander does', () => {
    for (const flags of [
      '--Key <key>',
      '-k --key <key>',
      '-1, --key',
      '--key <key> <more>',
      '--key key',
      '--',
      '--ram--user',
      'key',
    ])
      expect(() => parsePlain(['--key'], [[flags, 'd']], false), flags).toThrow(
        `Not a plain option: ${flags}`,
      );
    expect(
      parsePlain(
        ['-K', 'v', '--dry-run'],
        [
          ['-K, --ram-user <name>', 'd'],
          ['--dry-run', 'd'],
        ],
        false,
      ),
    ).toEqual({
      options: { ramUser: 'v', dryRun: true },
      operands: [],
    });
  });
});
