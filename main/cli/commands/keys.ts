// msk add · list · remove · rename · use
import type { Command } from 'commander';
import type { Config, KeyRecord } from '../../core/config-schema.js';
import { isMskError, MskError } from '../../core/errors.js';
import { maskKey, type ParsedKey, parseKey } from '../../core/keys.js';
import { Checks } from '../../core/checks.js';
import type { Plan } from '../../core/model-studio.js';
import { planName, regionName, requirePlan, requireRegion } from '../../core/regions.js';
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
    .action(
      async (options: {
        label: string;
        region?: string;
        plan?: string;
        workspace: string;
        account?: string;
        ramUser?: string;
      }) => {
        const services = core();
        const { vault } = services;
        const hints = {
          regionId: options.region === undefined ? undefined : requireRegion(options.region).id,
          plan: options.plan === undefined ? undefined : requirePlan(options.plan).id,
          workspaceId: options.workspace,
        };
        const secret = await readSecret('Model Studio API key (input hidden): ');
        const place = await placeForAdd(services, parseKey(secret), hints);
        const { record, active, warnings } = await vault.add({
          secret,
          label: options.label,
          ...place,
          workspaceId: options.workspace,
          ...(options.account !== undefined && { accountId: options.account }),
          ...(options.ramUser !== undefined && { ramUser: options.ramUser }),
        });
        for (const warning of warnings) warn(warning);
        const plan = record.plan === 'payg' ? '' : ` (${planName(record.plan)})`;
        say(
          `Stored '${record.label}' (${maskKey(record)}) for ${regionName(record.regionId)}${plan}, workspace ${record.workspaceId}.` +
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
          ['', 'LABEL', 'REGION', 'PLAN', 'WORKSPACE', 'KEY', 'LAST CHECK'],
          rows.map((row) => [
            row.active ? '*' : '',
            row.label,
            row.regionName,
            row.planName,
            row.workspaceId,
            row.masked,
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
    plan: record.plan,
    planName: planName(record.plan),
    shape: record.shape,
    masked: maskKey(record),
    fingerprint: record.fingerprint,
    active: config.settings.activeKeyByRegion[record.regionId] === record.id,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt ?? null,
    lastCheck: record.lastCheck ?? null,
  };
}

/**
 * Where a new key goes. What the user said is taken as is; what they left out is asked of Model
 * Studio. Without --region nothing is stored unless some place accepts the key; with it, the
 * question only chooses between plans, and an unanswered one falls back to the usual plan.
 */
async function placeForAdd(
  services: Services,
  parsed: ParsedKey,
  hints: { regionId: string | undefined; plan: Plan | undefined; workspaceId: string },
): Promise<{ regionId: string; plan: Plan }> {
  const plan = hints.plan ?? (parsed.plans.length === 1 ? parsed.defaultPlan : undefined);
  if (hints.regionId !== undefined && plan !== undefined) return { regionId: hints.regionId, plan };
  try {
    const detection = await new Checks(services).detect(parsed.secret, hints);
    say(`Detected ${regionName(detection.regionId)} (${planName(detection.plan)}).`);
    if (detection.detail) warn(detection.detail);
    return { regionId: detection.regionId, plan: detection.plan };
  } catch (error) {
    const unanswered = isMskError(error) && (error.code === 'invalid-key' || error.code === 'network');
    if (hints.regionId === undefined || !unanswered) throw error;
    warn(
      `Could not tell the key's plan (${error.message}) Storing it as a ${planName(parsed.defaultPlan)} key; pass --plan to choose another.`,
    );
    return { regionId: hints.regionId, plan: parsed.defaultPlan };
  }
}
