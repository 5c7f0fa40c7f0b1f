// msk tools · tools settings · tools setup openclaw · tools export postman · tools add · tools remove · launch
import os from 'node:os';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { MskError } from '../../core/base/errors.js';
import { PLANS } from '../../core/model-studio/catalog.js';
import { cliClipboard } from '../clipboard.js';
import { core } from '../context.js';
import { KEY_HELP, type KeyOption, sayBinding } from '../key-choice.js';
import { print, printJson, say, table } from '../output.js';
import { selfCommand } from '../self-command.js';
import type { DiffLine } from '../../core/import/line-diff.js';
import type { Onboarding, OpenClawSetup } from '../../core/actions/openclaw-setup.js';
import { tildePath } from '../../core/platform/tilde-path.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const toolActions = () => import('../../core/actions/tools.js');

export function registerToolCommands(program: Command): void {
  const tools = program
    .command('tools')
    .description('list the tools msk can set up, with what each gets and whether it is installed')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const [{ listTools }, services] = await Promise.all([toolActions(), core()]);
      const rows = listTools(await services.config.read(), {
        searchPath: process.env.PATH ?? '',
        platform: process.platform,
        shell: process.env.SHELL,
      });
      if (options.json) return printJson(rows);
      print(
        table(
          ['ID', 'NAME', 'KIND', 'PLANS', 'INSTALLED', 'GETS'],
          rows.map((row) => [
            row.id,
            row.name,
            row.kind,
            row.plans.map((plan) => PLANS[plan].name).join(', '),
            row.available === null ? '-' : row.available ? 'yes' : 'no',
            row.variables.join(' ') ||
              (row.kind === 'gui'
                ? 'settings: msk tools settings ' + row.id
                : row.kind === 'export'
                  ? 'msk tools export ' + row.id
                  : '-'),
          ]),
        ),
      );
    });

  tools
    .command('settings')
    .description("the fields a GUI tool's settings page asks for, filled in for a key; the key is copied")
    .argument('<tool>', 'cline, chatbox, dify or cherry-studio')
    .option('-k, --key <key>', KEY_HELP)
    .option('--print', 'show the key in the text instead of copying it')
    .option(
      '--gateway',
      "the local gateway and the tool's token (kept in the keychain to copy again) instead of the key (msk gateway run)",
    )
    .action(async (tool: string, options: KeyOption & { print?: boolean; gateway?: boolean }) => {
      const { toolSettings } = await toolActions();
      const settings = await toolSettings(await core(), cliClipboard, {
        tool,
        reference: options.key,
        cwd: process.cwd(),
        reveal: options.print ?? false,
        viaGateway: options.gateway ?? false,
      });
      sayBinding(settings);
      say(`${settings.toolName} settings for '${settings.record.label}':`);
      print(
        table(
          ['FIELD', 'VALUE', 'WHERE'],
          settings.fields.map((field) => [field.label, field.value, field.where]),
        ),
      );
      if (settings.gatewayToken !== null) {
        say(
          `A gateway token '${settings.gatewayToken}' stands in for the key, which stays in the keychain; run 'msk gateway run' (or the app's gateway) for the tool to reach Model Studio.`,
        );
      }
      if (settings.copied)
        say(
          `The ${settings.gatewayToken === null ? 'API key' : 'token'} is on the clipboard, ready to paste; it clears itself.`,
        );
    });

  tools
    .command('setup')
    .description(
      "set a tool up for a key where no variable can: OpenClaw's endpoint written into its config (a diff shown, a backup kept), the key onboarded by reference to the variable msk sets",
    )
    .argument('<tool>', 'openclaw')
    .option('-k, --key <key>', KEY_HELP)
    .option('--dry-run', 'show the change to its config and the onboarding, and do neither')
    .option('--no-onboard', "only write the endpoint into its config (OpenClaw's onboarding done already)")
    .action(async (tool: string, options: KeyOption & { dryRun?: boolean; onboard: boolean }) => {
      if (tool !== 'openclaw')
        throw new MskError(
          'invalid-input',
          `Only OpenClaw is set up this way; '${tool}' gets its variables alone.`,
          {
            tool,
          },
        );
      const [{ planOpenClawSetup, setUpOpenClaw }, services] = await Promise.all([
        import('../../core/actions/openclaw-setup.js'),
        core(),
      ]);
      const request = { reference: options.key, cwd: process.cwd(), home: os.homedir(), env: process.env };
      const onboarding = options.onboard && !options.dryRun;
      let introduced = false;
      const introduce = (setup: OpenClawSetup) => {
        if (introduced) return;
        introduced = true;
        // Onboarding runs as msk exec does, which names a project's binding itself.
        if (!onboarding) sayBinding(setup);
        say(
          `OpenClaw with '${setup.record.label}': provider ${setup.provider} at ${setup.baseUrl}, the key read from ${setup.keyVariable}.`,
        );
      };
      const showChange = (setup: OpenClawSetup) =>
        setup.diff.length === 0
          ? say(`${tildePath(setup.file)} has that endpoint already.`)
          : print(configDiff(setup.file, setup.shown));
      if (options.dryRun) {
        const setup = await planOpenClawSetup(services, request);
        introduce(setup);
        if (options.onboard) say(`Would run: openclaw ${setup.onboard.join(' ')}`);
        showChange(setup);
        if (setup.diff.length > 0) say('Nothing was written (--dry-run).');
        return;
      }
      const { setup, backup } = await setUpOpenClaw(services, request, {
        onboard: options.onboard && onboardAsExec(options.key),
        progress: (step, setup) => {
          introduce(setup);
          if (step === 'onboarding') say(`Running: openclaw ${setup.onboard.join(' ')}`);
          else showChange(setup);
        },
      });
      if (setup.diff.length === 0) return;
      say(
        `Wrote ${tildePath(setup.file)}${backup === null ? '' : `; the file as it was is ${tildePath(backup)}`}. Start OpenClaw with msk exec --tool openclaw -- openclaw (or the tray's Launch ▸ OpenClaw).`,
      );
    });

  tools
    .command('export')
    .description('export a Postman environment file for a key (mode 0600)')
    .argument('<format>', 'postman')
    .requiredOption('-o, --out <file>', 'where to write it')
    .option('-k, --key <key>', KEY_HELP)
    .option('--force', 'replace the file if it exists')
    .option('--gateway', 'a new gateway token and the local gateway in the file instead of the key')
    .action(
      async (format: string, options: KeyOption & { out: string; force?: boolean; gateway?: boolean }) => {
        if (format !== 'postman')
          throw new MskError('usage', `Unknown export '${format}': postman is the one there is.`);
        const { exportPostman } = await toolActions();
        const exported = await exportPostman(await core(), {
          reference: options.key,
          cwd: process.cwd(),
          file: path.resolve(options.out),
          force: options.force ?? false,
          viaGateway: options.gateway ?? false,
        });
        const { record, file, gatewayToken } = exported;
        sayBinding(exported);
        say(
          gatewayToken === null
            ? `Wrote a Postman environment for '${record.label}' to ${file} (the key is typed "secret"; keep the file private).`
            : `Wrote a Postman environment for '${record.label}' through the gateway to ${file}: it holds the gateway token '${gatewayToken}', not the key (revoke it with msk gateway token revoke ${gatewayToken}).`,
        );
      },
    );

  tools
    .command('add')
    .description('add a tool of your own: its variables as templates ({{apiKey}} {{baseUrl}} {{model}} …)')
    .argument('<id>', 'a short id: lowercase letters, digits and hyphens')
    .option('-n, --name <name>', 'what it is called (default: the id)')
    .option('-c, --command <command>', 'what starts it, e.g. "mytool --verbose"')
    .option('-b, --base <tool>', 'start from a built-in preset’s variables')
    .option('--var <NAME=TEMPLATE>', 'a variable (repeatable)', collectVariable)
    .action(
      async (
        id: string,
        options: { name?: string; command?: string; base?: string; var?: Record<string, string> },
      ) => {
        const { addCustomTool } = await toolActions();
        const tool = await addCustomTool(await core(), {
          id,
          name: options.name ?? id,
          variables: options.var ?? {},
          ...(options.command !== undefined && { command: splitCommand(options.command) }),
          ...(options.base !== undefined && { base: options.base }),
        });
        say(
          `Added '${tool.id}': msk exec --tool ${tool.id} -- <command>${tool.command ? `, or msk launch ${tool.id}` : ''}.`,
        );
      },
    );

  tools
    .command('remove')
    .description('remove a tool of your own')
    .argument('<id>', 'its id')
    .action(async (id: string) => {
      const { removeCustomTool } = await toolActions();
      const tool = await removeCustomTool(await core(), id);
      say(`Removed '${tool.id}'.`);
    });

  program
    .command('launch')
    .description(
      'open a terminal running a tool with its environment (the key is read inside, never on a command line)',
    )
    .argument('<tool>', 'qwen-code, claude-code, openclaw, opencode, codex, aider, terminal, or one of yours')
    .argument('[args...]', 'added to the tool’s command (after --); for terminal: run instead of your shell')
    .option('-k, --key <key>', KEY_HELP)
    .option('-m, --model <model>', 'the model the tool gets')
    .option('-T, --terminal <terminal>', 'which terminal (default: the setting, else detected)')
    .option('-C, --cwd <dir>', 'the folder the window opens in (default: here)')
    .option('--dry-run', "print the terminal's argv as JSON and start nothing")
    .action(
      async (
        tool: string,
        args: string[],
        options: KeyOption & { model?: string; terminal?: string; cwd?: string; dryRun?: boolean },
      ) => {
        const cwd = path.resolve(options.cwd ?? process.cwd());
        const [{ launchTool }, { startDetached }] = await Promise.all([
          import('../../core/actions/launch-tool.js'),
          import('../../core/tools/terminal-launcher.js'),
        ]);
        const launched = await launchTool(
          await core(),
          {
            tool,
            reference: options.key,
            model: options.model,
            terminal: options.terminal,
            cwd,
            extraArgs: args,
            dryRun: options.dryRun ?? false,
          },
          {
            platform: process.platform,
            env: process.env,
            searchPath: process.env.PATH ?? '',
            msk: [...selfCommand()],
            start: startDetached,
          },
        );
        sayBinding(launched);
        if (options.dryRun) {
          return printJson({
            terminal: launched.terminal.id,
            command: launched.started.command,
            args: launched.started.args,
            cwd: launched.cwd,
          });
        }
        say(`Started ${launched.tool.name} with '${launched.record.label}' in ${launched.terminal.name}.`);
      },
    );
}

function collectVariable(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const equals = value.indexOf('=');
  if (equals <= 0)
    throw new InvalidArgumentError(`give NAME=TEMPLATE, such as MY_KEY={{apiKey}}; got '${value}'.`);
  return { ...previous, [value.slice(0, equals)]: value.slice(equals + 1) };
}

/** Splits "cmd 'an arg' \"another\"" the way a shell would for plain words and quotes; nothing is expanded. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of command.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  if (words.length === 0) throw new InvalidArgumentError('the command is empty.');
  return words;
}

/** The change as shown (the lines around each, keys masked) as a unified diff. */
function configDiff(file: string, shown: readonly DiffLine[]): string {
  return [
    `--- ${tildePath(file)}`,
    `+++ ${tildePath(file)}`,
    ...shown.map((line) => line.mark + line.text),
  ].join('\n');
}

/** OpenClaw's onboarding in this terminal, as msk exec runs it: its output and questions are the user's. */
function onboardAsExec(key: string | undefined): Onboarding {
  return async (setup) => {
    const { runWithEnvironment } = await import('./environment.js');
    await runWithEnvironment('openclaw', setup.onboard, { key, tool: 'openclaw' });
    if (process.exitCode !== 0 && process.exitCode !== undefined)
      throw new MskError(
        'launch-failed',
        `OpenClaw's onboarding failed (exit ${process.exitCode}); msk changed nothing in its config.`,
      );
  };
}
