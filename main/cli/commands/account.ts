// msk account connect · status · workspaces · create-workspace · delete-workspace · spend ·
// disconnect — your Alibaba Cloud account, through Model Studio's management OpenAPI. An AccessKey
// secret is read from stdin or a hidden prompt, never from arguments, and kept in the keychain.
import { type Command, Option } from 'commander';
import { MskError } from '../../core/base/errors.js';
import { MANAGEMENT_API } from '../../core/model-studio/catalog.js';
import { requireRegion } from '../../core/model-studio/regions.js';
import { core } from '../context.js';
import { print, printJson, say, table } from '../output.js';
import { confirm, readSecret } from '../read-secret.js';
import { registerAccountSpendCommand } from './account-spend.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const accountActions = () => import('../../core/actions/account.js');
const workspaceActions = () => import('../../core/actions/account-workspaces.js');

/** --region as a region id (aliases welcome). */
const regionOption = (region: string | undefined): string | undefined =>
  region === undefined ? undefined : requireRegion(region).id;

const SITE_OPTION = new Option(
  '--site <site>',
  "the account's site: china (aliyun.com) or international (alibabacloud.com); asked of Alibaba Cloud when left out",
).choices(Object.keys(MANAGEMENT_API.sites));

interface ConnectOptions {
  name?: string;
  accessKeyId?: string;
  profile?: string;
  chain?: boolean;
  site?: 'china' | 'international';
  json?: boolean;
}

export function registerAccountCommands(program: Command): void {
  const account = program
    .command('account')
    .description(
      "your Alibaba Cloud account: its workspaces, keys and spend (Model Studio's management API)",
    );

  account
    .command('connect')
    .description(
      'connect an account: an AccessKey pair (the secret from stdin or a hidden prompt, kept in the keychain), an aliyun CLI profile, or the standard credential chain',
    )
    .option('-n, --name <name>', 'what to call it here (default: default)')
    .option(
      '--access-key-id <id>',
      'an AccessKey ID (LTAI…); its secret is read from stdin or a hidden prompt',
    )
    .option(
      '--profile <name>',
      "the aliyun CLI's profile of this name (~/.aliyun/config.json), used where it is",
    )
    .option(
      '--chain',
      "Alibaba Cloud's standard chain: ALIBABA_CLOUD_* variables, the CLI's profile, ~/.alibabacloud/credentials",
    )
    .addOption(SITE_OPTION)
    .option('--json', 'print the account as JSON')
    .action(async (options: ConnectOptions) => {
      const ways = [options.accessKeyId !== undefined, options.profile !== undefined, options.chain === true];
      if (ways.filter(Boolean).length !== 1)
        throw new MskError('usage', 'Connect one way: --access-key-id <id>, --profile <name> or --chain.');
      const credential =
        options.accessKeyId !== undefined
          ? {
              kind: 'access-key' as const,
              accessKeyId: options.accessKeyId,
              accessKeySecret: await readSecret('AccessKey secret (input hidden): '),
            }
          : options.profile !== undefined
            ? { kind: 'profile' as const, profile: options.profile }
            : { kind: 'chain' as const };
      const [{ connectAccount, describeCredential }, services] = await Promise.all([
        accountActions(),
        core(),
      ]);
      const {
        account: connected,
        workspaceCount,
        siteAssumed,
      } = await connectAccount(services, {
        name: options.name,
        credential,
        site: options.site,
      });
      if (options.json)
        return printJson({
          name: connected.name,
          site: connected.site,
          siteAssumed,
          credential: describeCredential(connected.credential),
          workspaces: workspaceCount,
        });
      say(
        `Connected '${connected.name}' (${MANAGEMENT_API.sites[connected.site].name}, ${describeCredential(connected.credential)}): ${workspaceCount} workspace${workspaceCount === 1 ? '' : 's'}. 'msk account status' says what its permissions allow.`,
      );
      if (siteAssumed)
        say(
          'Its bill could not be read, so its site was taken to be the international one; if it is on aliyun.com, connect it again with --site china.',
        );
    });

  account
    .command('status')
    .description('the connected accounts: site, credential, and which calls their permissions allow')
    .argument('[name]', 'one account (default: every one)')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, options: { json?: boolean }) => {
      const [{ accountStatus }, services] = await Promise.all([accountActions(), core()]);
      const statuses = await accountStatus(services, name);
      if (options.json) return printJson(statuses);
      for (const status of statuses) {
        print(`${status.name}\t${status.siteName}, ${status.credential}`);
        for (const permission of status.permissions)
          print(
            `  ${permission.what}\t${permission.allowed ? 'allowed' : `not allowed: ${permission.message ?? ''}`}`,
          );
        if (status.permissions.some((permission) => !permission.allowed))
          say(
            `A RAM user with this policy may do everything msk does with an account:\n${JSON.stringify(status.policy, null, 2)}`,
          );
      }
    });

  account
    .command('workspaces')
    .description(
      'every workspace of the account in every region: name, id, region, its own domain, keys there and here',
    )
    .argument('[name]', 'one account (default: every one)')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, options: { json?: boolean }) => {
      const [{ accountWorkspaces }, services] = await Promise.all([accountActions(), core()]);
      const rows = await accountWorkspaces(services, name);
      if (options.json) return printJson(rows);
      if (rows.length === 0) return say('The account has no workspace that its permissions show.');
      print(
        table(
          ['ACCOUNT', 'WORKSPACE', 'ID', 'REGION', 'DOMAIN', 'KEYS', 'STORED HERE'],
          rows.map((row) => [
            row.account,
            row.name,
            row.workspaceId,
            row.regionId,
            row.apiHost ?? '-',
            row.accountKeys === null ? '—' : String(row.accountKeys),
            String(row.storedKeys),
          ]),
        ),
      );
    });

  account
    .command('create-workspace')
    .description("create a workspace in the account (in its site's home region unless --region says)")
    .requiredOption('--name <name>', `its name (1 to ${MANAGEMENT_API.workspaceName.maxLength} characters)`)
    .option('--region <region>', "one of the account's site's regions")
    .option('--account <name>', 'the account (needed when several are connected)')
    .option('--json', 'print the workspace as JSON')
    .action(async (options: { name: string; region?: string; account?: string; json?: boolean }) => {
      const [{ createAccountWorkspace }, services] = await Promise.all([workspaceActions(), core()]);
      const { account: owner, workspace } = await createAccountWorkspace(services, {
        account: options.account,
        name: options.name,
        regionId: regionOption(options.region),
      });
      if (options.json) return printJson({ account: owner, ...workspace });
      print(`${workspace.workspaceId}\t${workspace.regionId}\t${workspace.apiHost ?? '-'}`);
      say(`Created the workspace '${workspace.name}' in ${workspace.regionId} (account '${owner}').`);
    });

  account
    .command('delete-workspace')
    .description(
      'delete a workspace of the account (Alibaba Cloud refuses the default one, and one that still holds keys)',
    )
    .argument('<workspace>', 'its id or name')
    .option('--region <region>', 'look only in this region (a name several regions hold needs it)')
    .option('--account <name>', 'the account (needed when several are connected)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print the deleted workspace as JSON')
    .action(
      async (ref: string, options: { region?: string; account?: string; yes?: boolean; json?: boolean }) => {
        const [{ deleteAccountWorkspace, findAccountWorkspace }, services] = await Promise.all([
          workspaceActions(),
          core(),
        ]);
        const found = await findAccountWorkspace(services, {
          account: options.account,
          ref,
          regionId: regionOption(options.region),
        });
        const { workspace } = found;
        const what = `the workspace '${workspace.name}' (${workspace.workspaceId}, ${workspace.regionId})`;
        if (!options.yes) {
          if (!process.stdin.isTTY)
            throw new MskError(
              'invalid-input',
              `Refusing to delete ${what} without confirmation: pass --yes.`,
            );
          if (!(await confirm(`Delete ${what} in Alibaba Cloud?`, 'Cancelled; nothing was changed.')))
            return say('Nothing was changed.');
        }
        await deleteAccountWorkspace(services, found);
        if (options.json) return printJson({ account: found.account, deleted: true, ...workspace });
        say(`Deleted ${what}.`);
      },
    );

  registerAccountSpendCommand(account);

  account
    .command('disconnect')
    .description(
      'forget an account here (its AccessKey secret leaves the keychain); nothing in Alibaba Cloud changes',
    )
    .argument('<name>', 'the account')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (name: string, options: { yes?: boolean }) => {
      if (!options.yes) {
        if (!process.stdin.isTTY)
          throw new MskError(
            'invalid-input',
            `Refusing to disconnect '${name}' without confirmation: pass --yes.`,
          );
        if (!(await confirm(`Disconnect '${name}'?`, 'Cancelled; nothing was changed.')))
          return say('Nothing was changed.');
      }
      const [{ disconnectAccount }, services] = await Promise.all([accountActions(), core()]);
      const removed = await disconnectAccount(services, name);
      say(`Disconnected '${removed.name}'. Its keys stored here stay.`);
    });
}
