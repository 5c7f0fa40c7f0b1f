// msk add · list · remove · rename · use
import type { Command } from 'commander';
import { listKeys } from '../../core/actions/list-keys.js';
import { MskError } from '../../core/base/errors.js';
import { maskKey } from '../../core/model-studio/key-format.js';
import { planName, regionName, requirePlan, requireRegion } from '../../core/model-studio/regions.js';
import { core } from '../context.js';
import { localTime, print, printJson, say, table, warnAll } from '../output.js';
import { type OptionSpec, withOptions } from '../option-spec.js';
import { confirm, readSecret } from '../read-secret.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const keyActions = () => import('../../core/actions/keys.js');

interface AddOptions {
  label: string;
  json?: boolean;
  region?: string;
  plan?: string;
  workspace: string;
  account?: string;
  ramUser?: string;
}

export function registerKeyCommands(program: Command): void {
  program
    .command('add')
    .description(
      'store a key: it is read from stdin when piped, else from a hidden prompt (never from arguments)',
    )
    .requiredOption('-l, --label <label>', 'a name for the key, unique among your keys')
    .option(
      '-r, --region <region>',
      'the region the key was created in (sg, us, cn, hk, jp, de or a region id); detected when left out',
    )
    .option(
      '-p, --plan <plan>',
      "the key's billing plan: payg, coding or token (default: pay-as-you-go for sk-, asked of Model Studio for sk-sp-)",
    )
    .option(
      '-w, --workspace <id>',
      "the key's workspace: 'default' or llm-… (required in Tokyo and Frankfurt)",
      'default',
    )
    .option('-a, --account <id>', 'the owner account id (digits)')
    .option('--ram-user <name>', 'the RAM user who created the key')
    .option('--json', 'print the stored key as JSON (its new id included)')
    .action(async (options: AddOptions) => {
      // Names are checked before the secret is asked for.
      const regionId = options.region === undefined ? undefined : requireRegion(options.region).id;
      const plan = options.plan === undefined ? undefined : requirePlan(options.plan).id;
      const secret = await readSecret('Model Studio API key (input hidden): ');
      const [{ addKey, listKeys }, services] = await Promise.all([keyActions(), core()]);
      const { record, active, regionActivated, notices, detection } = await addKey(services, {
        secret,
        label: options.label,
        regionId,
        plan,
        workspaceId: options.workspace,
        accountId: options.account,
        ramUser: options.ramUser,
      });
      if (detection && !options.json)
        say(`Detected ${regionName(detection.regionId)} (${planName(detection.plan)}).`);
      warnAll(notices);
      if (options.json) {
        const [listing] = listKeys({ ...(await services.config.read()), keys: [record] });
        return printJson({ ...listing, regionActivated });
      }
      const planNote = record.plan === 'payg' ? '' : ` (${planName(record.plan)})`;
      say(
        `Stored '${record.label}' (${maskKey(record)}) for ${regionName(record.regionId)}${planNote}, workspace ${record.workspaceId}.` +
          (regionActivated
            ? ` It is the active key, and ${regionName(record.regionId)} is now the active region.`
            : active
              ? ' It is the active key there.'
              : ''),
      );
    });

  withOptions(
    program.command('list').alias('ls').description('list stored keys (metadata only: no secret is read)'),
    LIST_OPTIONS,
  ).action(listKeyRows);

  program
    .command('remove')
    .alias('rm')
    .description('delete a key from the keychain and the list')
    .argument('<key>', 'label or id')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (reference: string, options: { yes?: boolean }) => {
      const services = await core();
      const record = await services.vault.find(reference);
      const question = `Remove '${record.label}' (${maskKey(record)})? Its secret is deleted from the keychain; Model Studio shows a key only once.`;
      if (!options.yes) {
        if (!process.stdin.isTTY) {
          throw new MskError(
            'invalid-input',
            `Refusing to remove '${record.label}' without confirmation: pass --yes.`,
          );
        }
        if (!(await confirm(question, 'Cancelled; nothing was removed.'))) return say('Nothing was removed.');
      }
      const { removeKey } = await keyActions();
      const removed = await removeKey(services, record.id);
      say(`Removed '${removed.label}' (${maskKey(removed)}).`);
    });

  program
    .command('rename')
    .description('give a key a new label')
    .argument('<key>', 'label or id')
    .argument('<new-label>', 'the new label')
    .action(async (reference: string, label: string) => {
      const { renameKey } = await keyActions();
      const { before, after } = await renameKey(await core(), reference, label);
      say(`Renamed '${before.label}' to '${after.label}'.`);
    });

  program
    .command('use')
    .description('make a key the active one of its region, and its region the active region')
    .argument('<key>', 'label or id')
    .action(async (reference: string) => {
      const { makeKeyActive } = await keyActions();
      const record = await makeKeyActive(await core(), reference);
      say(
        `Active key: '${record.label}' (${maskKey(record)}); active region: ${regionName(record.regionId)}.`,
      );
    });
}

export const LIST_OPTIONS: readonly OptionSpec[] = [['--json', 'print a JSON array']];

/** msk list */
export async function listKeyRows(options: { json?: boolean }): Promise<void> {
  const rows = listKeys(await (await core()).config.read());
  if (options.json) return printJson(rows);
  if (rows.length === 0) {
    return say('No keys stored yet. Add one with: msk add --label <name> --region <sg|us|cn|hk>');
  }
  print(
    table(
      ['', 'LABEL', 'REGION', 'PLAN', 'WORKSPACE', 'KEY', 'LAST CHECK'],
      rows.map((row) => [
        row.active ? '*' : '',
        row.label,
        row.regionName,
        row.planName,
        row.workspaceId,
        row.masked,
        row.lastCheck ? `${row.lastCheck.status}, ${localTime(row.lastCheck.at)}` : '-',
      ]),
    ),
  );
}
