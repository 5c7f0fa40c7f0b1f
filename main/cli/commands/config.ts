// msk config list · get · set · unset — the window's settings by name; msk workspaces · workspace rename.
import type { Command } from 'commander';
import { MskError } from '../../core/base/errors.js';
import { core } from '../context.js';
import { print, printJson, say, table } from '../output.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const settingActions = () => import('../../core/actions/settings.js');
const read = async () => (await core()).config.read();

/** A value as a person types it: plain words and numbers; a map as JSON. */
const shown = (value: unknown): string => (typeof value === 'object' ? JSON.stringify(value) : String(value));

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('read and change settings (the window’s Settings)');

  config
    .command('list')
    .description('every setting: its value, whether it is the default, what it does')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listSettings } = await settingActions();
      const settings = listSettings(await read());
      if (options.json) return printJson(settings);
      print(
        table(
          ['NAME', 'VALUE', 'DESCRIPTION'],
          settings.map((setting) => [
            setting.name,
            `${shown(setting.value)}${setting.isDefault ? ' (default)' : ''}`,
            setting.choices
              ? `${setting.description}. One of: ${setting.choices.join(', ')}`
              : setting.description,
          ]),
        ),
      );
    });

  config
    .command('get')
    .description('print a setting’s value (a map as JSON; name.entry for one entry)')
    .argument('<name>', 'a setting, e.g. clipboardClearSeconds or toolModels.claude-code')
    .action(async (name: string) => {
      const { getSetting } = await settingActions();
      const value = getSetting(await read(), name);
      if (value === undefined) {
        throw new MskError('invalid-input', `${name} is not set.`, { name });
      }
      print(shown(value));
    });

  config
    .command('set')
    .description('change a setting; a bad value changes nothing')
    .argument('<name>', 'a setting, or name.entry for toolModels and endpointOverrides')
    .argument('<value>', 'numbers, true/false, one of the choices, a model, a URL')
    .action(async (name: string, text: string) => {
      const { setSetting } = await settingActions();
      const value = await setSetting(await core(), name, text);
      say(`${name} = ${shown(value)}`);
    });

  config
    .command('unset')
    .description('put a setting back to its default (an entry: remove it)')
    .argument('<name>', 'a setting, or name.entry')
    .action(async (name: string) => {
      const [{ unsetSetting }, { parseSettingName }] = await Promise.all([
        settingActions(),
        import('../../core/config/setting-catalog.js'),
      ]);
      const { changed, value } = await unsetSetting(await core(), name);
      if (!changed) return say(`${name} was not set.`);
      const { entry } = parseSettingName(name);
      say(entry === undefined ? `${name} is back to its default: ${shown(value)}` : `Removed ${name}.`);
    });

  program
    .command('workspaces')
    .description('the workspaces your keys belong to, with their names and key counts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listWorkspaces } = await settingActions();
      const workspaces = listWorkspaces(await read());
      if (options.json) return printJson(workspaces);
      if (workspaces.length === 0) return say('No keys are stored yet, so no workspaces.');
      print(
        table(
          ['REGION', 'WORKSPACE', 'NAME', 'KEYS'],
          workspaces.map((workspace) => [
            workspace.regionId,
            workspace.id,
            workspace.name ?? '-',
            `${workspace.keyCount}/${workspace.keyLimit}`,
          ]),
        ),
      );
      for (const full of workspaces.filter((workspace) => workspace.keyCount > workspace.keyLimit)) {
        say(
          `warning: workspace ${full.id} in ${full.regionName} has ${full.keyCount} keys; Model Studio allows ${full.keyLimit} per workspace.`,
        );
      }
    });

  program
    .command('workspace')
    .description('name a workspace')
    .command('rename')
    .description('give a workspace a name (as the console shows it, or your own)')
    .argument('<id>', 'the workspace id (llm-…)')
    .argument('<name>', 'its name')
    .action(async (id: string, name: string) => {
      const { renameWorkspace } = await settingActions();
      const workspace = await renameWorkspace(await core(), id, name);
      say(`Workspace ${workspace.id} is now called '${workspace.name ?? ''}'.`);
    });
}
