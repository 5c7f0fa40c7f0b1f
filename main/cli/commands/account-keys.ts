// msk account keys · create-key · rotate · disable · enable · delete-key — the account's API keys.
// A value the service makes goes straight into the keychain: never printed, never in argv or a
// file. Only when the keychain refuses a rotated value after every retry is it printed, once.
import { type Command, Option } from 'commander';
import { MskError } from '../../core/base/errors.js';
import { MANAGEMENT_API } from '../../core/model-studio/catalog.js';
import { core } from '../context.js';
import { localTime, print, printJson, say, table, warn, writeOut } from '../output.js';
import { confirm } from '../read-secret.js';
import type { LocatedKey } from '../../core/actions/account-keys.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const keyActions = () => import('../../core/actions/account-keys.js');

const list = (value: string): string[] => value.split(',');

const regionOption = () =>
  new Option('--region <region>', "the workspace's region, when its name is used in several").choices(
    MANAGEMENT_API.regions,
  );

interface ChangeOptions {
  account?: string;
  yes?: boolean;
  forget?: boolean;
  label?: string;
  json?: boolean;
}

/** The account's key commands, added to `msk account` (msk.ts registers them after it). */
export function registerAccountKeyCommands(program: Command): void {
  const account = program.commands.find((command) => command.name() === 'account');
  if (!account) return;

  account
    .command('keys')
    .description(
      'every key of the account, masked: its workspace, state, who made it when, and whether it is stored here (a stored key the account no longer has is flagged)',
    )
    .option('--account <name>', 'one account (default: every one)')
    .option('--workspace <id|name>', 'one workspace')
    .addOption(regionOption())
    .option('--json', 'print JSON')
    .action(async (options: { account?: string; workspace?: string; region?: string; json?: boolean }) => {
      const [{ accountKeys }, services] = await Promise.all([keyActions(), core()]);
      const listing = await accountKeys(services, options);
      if (options.json) return printJson(listing);
      if (listing.keys.length === 0) say('The account has no key that its permissions show.');
      else
        print(
          table(
            [
              'ACCOUNT',
              'ID',
              'KEY',
              'WORKSPACE',
              'REGION',
              'STATE',
              'CREATED',
              'BY',
              'STORED AS',
              'DESCRIPTION',
            ],
            listing.keys.map((row) => [
              row.account,
              row.apiKeyId,
              row.maskedValue,
              row.workspace.name,
              row.workspace.regionId,
              row.enabled ? 'enabled' : 'disabled',
              row.createdAt === null ? '-' : localTime(row.createdAt),
              row.createdBy ?? '-',
              row.stored?.label ?? '-',
              row.description || '-',
            ]),
          ),
        );
      for (const gone of listing.gone)
        warn(
          `'${gone.label}' (${gone.masked}) is stored here as key ${gone.apiKeyId} of '${gone.account}', which no longer has it.`,
        );
    });

  account
    .command('create-key')
    .description(
      'create a key in a workspace of the account; its value goes straight into the keychain (never shown) and it is checked at once',
    )
    .requiredOption('--workspace <id|name>', 'the workspace (its id, name or llm-… domain label)')
    .requiredOption('-l, --label <label>', 'what to call the key here')
    .option('--models <a,b>', 'only these models (at most 100)', list)
    .option('--ips <x,y>', 'only from these addresses or ranges (at most 100)', list)
    .option('--description <text>', 'its description in the account (at most 256 characters)')
    .addOption(regionOption())
    .option('--account <name>', 'the account, when several are connected')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        workspace: string;
        label: string;
        models?: string[];
        ips?: string[];
        description?: string;
        region?: string;
        account?: string;
        json?: boolean;
      }) => {
        const [{ createAccountKey }, services] = await Promise.all([keyActions(), core()]);
        const created = await createAccountKey(services, options);
        const summary = {
          keyId: created.record.id,
          label: created.record.label,
          apiKeyId: created.apiKeyId,
          workspace: created.workspace,
          regionId: created.record.regionId,
          workspaceId: created.record.workspaceId,
          check: created.check && { status: created.check.status, message: created.check.message },
        };
        if (options.json) return printJson(summary);
        say(
          `Created key ${created.apiKeyId} in '${created.workspace.name}' (${created.workspace.regionId}) and stored it as '${created.record.label}'; its value is in the keychain only.`,
        );
        if (created.check) say(`Check: ${created.check.status} — ${created.check.message}`);
      },
    );

  account
    .command('rotate')
    .description(
      'reset a key in the account: the new value replaces the old one in the keychain under the same key here (bindings, tools and gateway tokens follow); a key not stored here is stored as a new one',
    )
    .argument('<key>', "a stored key's label or id, or the account key's id (digits)")
    .option('-l, --label <label>', 'for a key not stored here: what to call it (default account-key-<id>)')
    .option('--account <name>', 'the account, when several are connected')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print JSON')
    .action(async (reference: string, options: ChangeOptions) => {
      const [{ rotateAccountKey }, services] = await Promise.all([keyActions(), core()]);
      const located = await locate(reference, options);
      const question = located.stored
        ? `Reset ${describe(located)}? Its new value replaces the old one here; anything else using the old value stops working.`
        : `Reset ${describe(located)}? It is not stored here: its old value stops working everywhere, and the new one is stored here.`;
      if (!(await confirmed(question, options))) return say('Nothing was changed.');
      const rotated = await rotateAccountKey(services, located, { label: options.label });
      if (rotated.shownOnce !== null) {
        // The last resort: the value exists nowhere else, and the old one no longer works.
        warn(
          `The key was reset, but the keychain refused the new value (${rotated.keychainError ?? ''}). It is printed below ONCE and kept nowhere: store it now (msk add), or it is lost.`,
        );
        if (options.json)
          return printJson({
            apiKeyId: located.key.apiKeyId,
            stored: 'not-stored',
            value: rotated.shownOnce,
          });
        return writeOut(`${rotated.shownOnce}\n`);
      }
      const record = rotated.record;
      if (options.json)
        return printJson({
          apiKeyId: located.key.apiKeyId,
          stored: rotated.stored,
          keyId: record?.id ?? null,
          label: record?.label ?? null,
        });
      say(
        rotated.stored === 'replaced'
          ? `Rotated '${record?.label ?? ''}': the new value is in the keychain under the same key; the old one no longer works.`
          : `Reset key ${located.key.apiKeyId} and stored its new value as '${record?.label ?? ''}'.`,
      );
    });

  for (const enabled of [false, true]) {
    account
      .command(enabled ? 'enable' : 'disable')
      .description(
        enabled
          ? 'enable a key in the account'
          : 'disable a key in the account (it stops working until enabled)',
      )
      .argument('<key>', "a stored key's label or id, or the account key's id (digits)")
      .option('--account <name>', 'the account, when several are connected')
      .option('-y, --yes', 'do not ask for confirmation')
      .option('--json', 'print JSON')
      .action(async (reference: string, options: ChangeOptions) => {
        const [{ setAccountKeyEnabled }, services] = await Promise.all([keyActions(), core()]);
        const located = await locate(reference, options);
        if (!(await confirmed(`${enabled ? 'Enable' : 'Disable'} ${describe(located)}?`, options)))
          return say('Nothing was changed.');
        await setAccountKeyEnabled(services, located, enabled);
        if (options.json) return printJson({ apiKeyId: located.key.apiKeyId, enabled });
        say(`${enabled ? 'Enabled' : 'Disabled'} ${describe(located)}.`);
      });
  }

  account
    .command('delete-key')
    .description('delete a key in the account (for good); --forget removes the stored key here too')
    .argument('<key>', "a stored key's label or id, or the account key's id (digits)")
    .option('--forget', 'also remove the stored key here (and its keychain item)')
    .option('--account <name>', 'the account, when several are connected')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print JSON')
    .action(async (reference: string, options: ChangeOptions) => {
      const [{ deleteAccountKey }, services] = await Promise.all([keyActions(), core()]);
      const located = await locate(reference, options);
      if (!(await confirmed(`Delete ${describe(located)} from the account, for good?`, options)))
        return say('Nothing was changed.');
      // Asked only when it was not said: the stored key stays unless the user says so.
      const forget =
        options.forget === true ||
        (!options.yes &&
          located.stored !== null &&
          (await ask(`Forget '${located.stored.label}' here too?`)));
      const { forgotten } = await deleteAccountKey(services, located, { forget });
      if (options.json)
        return printJson({
          apiKeyId: located.key.apiKeyId,
          deleted: true,
          forgotten: forgotten?.label ?? null,
        });
      say(
        `Deleted ${describe(located)} from the account.${forgotten ? ` Forgot '${forgotten.label}' here.` : located.stored ? ` '${located.stored.label}' stays stored here (it no longer works).` : ''}`,
      );
    });
}

/** The key named, found before anything is asked. */
async function locate(reference: string, options: ChangeOptions): Promise<LocatedKey> {
  const [{ findAccountKey }, services] = await Promise.all([keyActions(), core()]);
  return findAccountKey(services, reference, { account: options.account });
}

const describe = ({ key, workspace, stored }: LocatedKey): string =>
  `key ${key.apiKeyId}${stored ? ` ('${stored.label}')` : ''} of workspace '${workspace.name}' (${workspace.regionId})`;

/** A yes, or --yes; a run that cannot ask (no terminal) without --yes is refused. */
async function confirmed(question: string, options: ChangeOptions): Promise<boolean> {
  if (options.yes) return true;
  if (!process.stdin.isTTY)
    throw new MskError(
      'invalid-input',
      'This changes the account and nothing here can ask for confirmation: pass --yes.',
    );
  return ask(question);
}

const ask = (question: string): Promise<boolean> => confirm(question, 'Cancelled; nothing was changed.');
