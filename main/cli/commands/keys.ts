// msk add · list · remove · rename · use
import type { Command } from 'commander';
import type { Config, KeyRecord } from '../../core/config-schema.js';
import { MskError } from '../../core/errors.js';
import { maskKey } from '../../core/keys.js';
import { Checks } from '../../core/checks.js';
import { regionName, requireRegion } from '../../core/regions.js';
import type { Services } from '../../core/services.js';
import { useKey } from '../../core/settings.js';
import { core } from '../context.js';
import { print, printJson, say, table, warn } from '../output.js';
import { confirm, readSecret } from '../read-secret.js';

export function registerKeyCommands(program: Command): void {
  program
    .command('add')
    .description(
      'store a key: it is read from stdin when piped, else from a hidden prompt (never from arguments)',
    )
    .requiredOption('-l, --label <label>', 'a name for the key, unique among your keys')
    .option(
      '-r, --region <region>',
      'the region the key was created in (sg, us, cn, hk or a region id); detected when left out',
    )
    .option('-w, --workspace <id>', "the key's workspace: 'default' or llm-…", 'default')
    .option('-a, --account <id>', 'the owner account id (digits)')
    .option('--ram-user <name>', 'the RAM user who created the key')
    .action(
      async (options: {
        label: string;
        region?: string;
        workspace: string;
        account?: string;
        ramUser?: string;
      }) => {
        const services = core();
        const { vault } = services;
        if (options.region !== undefined) requireRegion(options.region);
        const secret = await readSecret('Model Studio API key (input hidden): ');
        const regionId = options.region ?? (await detectForAdd(services, secret));
        const { record, active, warnings } = await vault.add({
          secret,
          label: options.label,
          regionId,
          workspaceId: options.workspace,
          ...(options.account !== undefined && { accountId: options.account }),
          ...(options.ramUser !== undefined && { ramUser: options.ramUser }),
        });
        for (const warning of warnings) warn(warning);
        say(
          `Stored '${record.label}' (${maskKey(record)}) for ${regionName(record.regionId)}, workspace ${record.workspaceId}.` +
            (active ? ` It is the active key there.` : ''),
        );
      },
    );

  program
    .command('list')
    .alias('ls')
    .description('list stored keys (metadata only: no secret is read)')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const config = await core().config.read();
      const rows = config.keys.map((record) => listEntry(config, record));
      if (options.json) return printJson(rows);
      if (rows.length === 0) {
        return say('No keys stored yet. Add one with: msk add --label <name> --region <sg|us|cn|hk>');
      }
      print(
        table(
          ['', 'LABEL', 'REGION', 'WORKSPACE', 'KEY', 'KIND', 'LAST CHECK'],
          rows.map((row) => [
            row.active ? '*' : '',
            row.label,
            row.regionName,
            row.workspaceId,
            row.masked,
            row.kind,
            row.lastCheck ? `${row.lastCheck.status} ${row.lastCheck.at}` : '-',
          ]),
        ),
      );
    });

  program
    .command('remove')
    .alias('rm')
    .description('delete a key from the keychain and the list')
    .argument('<key>', 'label or id')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (reference: string, options: { yes?: boolean }) => {
      const { vault } = core();
      const record = await vault.find(reference);
      const question = `Remove '${record.label}' (${maskKey(record)})? Its secret is deleted from the keychain; Model Studio shows a key only once.`;
      if (!options.yes) {
        if (!process.stdin.isTTY) {
          throw new MskError(
            'invalid-input',
            `Refusing to remove '${record.label}' without confirmation: pass --yes.`,
          );
        }
        if (!(await confirm(question))) return say('Nothing was removed.');
      }
      const removed = await vault.remove(record.id);
      say(`Removed '${removed.label}' (${maskKey(removed)}).`);
    });

  program
    .command('rename')
    .description('give a key a new label')
    .argument('<key>', 'label or id')
    .argument('<new-label>', 'the new label')
    .action(async (reference: string, label: string) => {
      const before = await core().vault.find(reference);
      const after = await core().vault.rename(before.id, label);
      say(`Renamed '${before.label}' to '${after.label}'.`);
    });

  program
    .command('use')
    .description('make a key the active one of its region, and its region the active region')
    .argument('<key>', 'label or id')
    .action(async (reference: string) => {
      const record = await useKey(core().config, reference);
      say(
        `Active key: '${record.label}' (${maskKey(record)}); active region: ${regionName(record.regionId)}.`,
      );
    });
}

/** What `msk list --json` prints per key: metadata and the masked form, never the secret. */
function listEntry(config: Config, record: KeyRecord) {
  return {
    id: record.id,
    label: record.label,
    regionId: record.regionId,
    regionName: regionName(record.regionId),
    workspaceId: record.workspaceId,
    accountId: record.accountId ?? null,
    ramUser: record.ramUser ?? null,
    kind: record.kind,
    masked: maskKey(record),
    fingerprint: record.fingerprint,
    active: config.settings.activeKeyByRegion[record.regionId] === record.id,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt ?? null,
    lastCheck: record.lastCheck ?? null,
  };
}

/** Without --region, the key's region is asked of Model Studio; nothing is stored unless one accepts it. */
async function detectForAdd(services: Services, secret: string): Promise<string> {
  const detection = await new Checks(services).detectRegion(secret);
  if (detection.kind === 'plan') {
    throw new MskError(
      'region-required',
      'Coding Plan keys (sk-sp-…) cannot be detected: pass --region sg for an international plan or --region cn for a China plan.',
    );
  }
  say(`Detected ${regionName(detection.regionId)}.`);
  return detection.regionId;
}
