// msk bind · unbind · status — which key a folder uses, written down in its .msk.json.
import type { Command } from 'commander';
import { maskKey } from '../../core/model-studio/key-format.js';
import { planName, regionName } from '../../core/model-studio/regions.js';
import { requireTool } from '../../core/tools/tool-presets.js';
import { core } from '../context.js';
import { print, printJson, say } from '../output.js';

export function registerBindingCommands(program: Command): void {
  program
    .command('bind')
    .description('use this key in this folder and below (writes .msk.json: the label, never the key)')
    .argument('<key>', 'label or id')
    .option('-t, --tool <tool>', 'the tool msk exec, env and launch use here')
    .option('-m, --model <model>', 'the model the tool gets here')
    .action(async (reference: string, options: { tool?: string; model?: string }) => {
      const [{ writeBinding }, services] = await Promise.all([
        import('../../core/tools/project-binding.js'),
        core(),
      ]);
      const config = await services.config.read();
      const record = await services.vault.find(reference);
      if (options.tool !== undefined) requireTool(options.tool, config.settings.customTools);
      const file = await writeBinding(process.cwd(), {
        key: record.label,
        ...(options.tool !== undefined && { tool: options.tool }),
        ...(options.model !== undefined && { model: options.model }),
      });
      say(`This folder now uses '${record.label}' (${maskKey(record)}): ${file}`);
    });

  program
    .command('unbind')
    .description('remove this folder’s .msk.json')
    .action(async () => {
      const { removeBinding } = await import('../../core/tools/project-binding.js');
      say(
        (await removeBinding(process.cwd()))
          ? 'Removed .msk.json here.'
          : 'There is no .msk.json in this folder.',
      );
    });

  program
    .command('status')
    .description('which key, tool and model a command here would use, and why')
    .option('-t, --tool <tool>', 'for this tool')
    .option('--json', 'print JSON')
    .action(async (options: { tool?: string; json?: boolean }) => {
      const [{ choose }, services] = await Promise.all([import('../../core/actions/choose.js'), core()]);
      const config = await services.config.read();
      const { record, tool, model, reason } = await choose(config, {
        tool: options.tool,
        cwd: process.cwd(),
      });
      const why =
        reason.kind === 'binding'
          ? `bound here by ${reason.file}`
          : reason.kind === 'active'
            ? `the active key of ${regionName(reason.regionId)}`
            : 'named';
      if (options.json) {
        return printJson({
          keyId: record.id,
          label: record.label,
          regionId: record.regionId,
          plan: record.plan,
          masked: maskKey(record),
          tool: tool.id,
          model,
          reason,
        });
      }
      print(
        `key\t${record.label} (${maskKey(record)}), ${regionName(record.regionId)}, ${planName(record.plan)}`,
      );
      print(`tool\t${tool.id} (${tool.name})`);
      print(`model\t${model}`);
      print(`why\t${why}`);
    });
}
