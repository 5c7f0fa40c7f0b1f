// msk check · detect · move
import type { Command } from 'commander';
import type { CheckResult } from '../../core/calls/key-checks.js';
import { posixQuote } from '../../core/platform/shell-quoting.js';
import { MskError } from '../../core/base/errors.js';
import { explainShape, parseKey } from '../../core/model-studio/key-format.js';
import { DEFAULT_CONCURRENCY } from '../../core/model-studio/catalog.js';
import { planName, regionName, requirePlan, requireRegion } from '../../core/model-studio/regions.js';
import { core } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { KEY_HELP, type KeyOption, keyRequest, sayBinding } from '../key-choice.js';
import { print, printJson, say, table, warn, writeErr } from '../output.js';
import { readSecret } from '../read-secret.js';
import { positiveInteger } from '../parse.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const checkActions = () => import('../../core/actions/checks.js');

interface CheckOptions extends KeyOption {
  all?: boolean;
  json?: boolean;
  concurrency: number;
  timeout?: number;
}

export function registerCheckCommands(program: Command): void {
  program
    .command('check')
    .description(
      'check that keys work: tells an invalid key from a wrong region, a Coding Plan key, a workspace or quota refusal',
    )
    .argument('[key]', KEY_HELP)
    .option('-k, --key <key>', KEY_HELP)
    .option('--all', 'check every stored key')
    .option('--json', 'print a JSON array')
    .option(
      '--concurrency <n>',
      'requests at once with --all (rate limits are per account)',
      positiveInteger(16),
      DEFAULT_CONCURRENCY,
    )
    .option(
      '--timeout <seconds>',
      'how long to wait for an answer (default: the setting, 10 s)',
      positiveInteger(120),
    )
    .action(async (reference: string | undefined, options: CheckOptions) => {
      if ((reference ?? options.key) !== undefined && options.all)
        throw new MskError('usage', 'Name a key or pass --all, not both.');
      const request = keyRequest(reference, options.key);
      const [{ checkKeys }, { chooseKey }, services] = await Promise.all([
        checkActions(),
        import('../../core/actions/choose.js'),
        core(),
      ]);
      const config = await services.config.read();
      let keyIds = config.keys.map((key) => key.id);
      if (!options.all) {
        const choice = await chooseKey(config, request);
        sayBinding(choice);
        keyIds = [choice.record.id];
      }
      if (keyIds.length === 0) return say('No keys stored yet: nothing to check.');

      // Ctrl-C stops the run; what finished is still reported and recorded.
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      const progress = process.stderr.isTTY && !options.json && keyIds.length > 1;
      const { results, unchecked, cancelled } = await checkKeys(services, {
        keyIds,
        concurrency: options.concurrency,
        signal: controller.signal,
        onProgress: ({ done, total }) => progress && writeErr(`\rChecked ${done} of ${total}…`),
        ...(options.timeout && { checks: { client: { timeoutMs: options.timeout * 1000 } } }),
      }).finally(() => process.off('SIGINT', stop));
      if (progress) writeErr('\r\u001b[K');

      if (options.json) printJson(results.map(jsonEntry));
      else if (results.length > 0) print(resultTable(results));
      for (const result of results) {
        if (result.suggestedRegionId) {
          const plan = result.suggestedPlan ? ` --plan ${result.suggestedPlan}` : '';
          say(
            `'${result.label}' works in ${regionName(result.suggestedRegionId)}${result.suggestedPlan ? ` (${planName(result.suggestedPlan)})` : ''}: msk move ${quoteArgument(result.label)} ${result.suggestedRegionId}${plan}`,
          );
        }
      }
      for (const key of unchecked) say(`msk: '${key.label}' not checked: ${key.message}`);
      if (cancelled) {
        say(`Cancelled after ${results.length} of ${keyIds.length} keys.`);
        process.exitCode = EXIT.interrupted;
        // `unverified` is no failure: the Coding Plan just would not answer a non-agent.
      } else if (
        unchecked.length > 0 ||
        results.some((result) => !['ok', 'unverified'].includes(result.status))
      ) {
        process.exitCode = 1;
      }
    });

  program
    .command('detect')
    .description('read a key from stdin (or a hidden prompt) and print the region it belongs to')
    .option('-p, --plan <plan>', 'ask only where this plan has endpoints: payg, coding or token')
    .option('-r, --region <region>', 'ask only this region')
    .option('-w, --workspace <id>', "the key's workspace id (llm-…): lets Tokyo and Frankfurt be asked too")
    .option('--json', 'print {regionId, plan, status, message, detail}')
    .action(async (options: { plan?: string; region?: string; workspace?: string; json?: boolean }) => {
      const hints = {
        plan: options.plan === undefined ? undefined : requirePlan(options.plan).id,
        regionId: options.region === undefined ? undefined : requireRegion(options.region).id,
        workspaceId: options.workspace,
      };
      const secret = await readSecret('Model Studio API key (input hidden): ');
      const explanation = explainShape(parseKey(secret).shape);
      const { detectKey } = await checkActions();
      const detection = await detectKey(await core(), secret, hints);
      if (options.json) return printJson(detection);
      print(detection.regionId);
      if (explanation) say(explanation);
      say(detection.message);
      if (detection.detail) warn(detection.detail);
    });

  program
    .command('move')
    .description(
      'move a key to the region (and plan) it belongs to, after a wrong-region or wrong-plan check',
    )
    .argument('<key>', 'label or id')
    .argument('<region>', 'region id or alias: sg, us, cn, hk, jp, de')
    .option('-p, --plan <plan>', 'also change its plan: payg, coding or token')
    .option(
      '-w, --workspace <id>',
      "also set its workspace: 'default' or llm-… (Tokyo and Frankfurt need one)",
    )
    .action(async (reference: string, region: string, options: { plan?: string; workspace?: string }) => {
      const { moveKey } = await import('../../core/actions/keys.js');
      const record = await moveKey(await core(), reference, {
        regionId: requireRegion(region).id,
        plan: options.plan === undefined ? undefined : requirePlan(options.plan).id,
        workspaceId: options.workspace,
      });
      say(`Moved '${record.label}' to ${regionName(record.regionId)} (${planName(record.plan)}).`);
    });
}

/** What `msk check --json` prints per key. */
const jsonEntry = (result: CheckResult) => ({
  keyId: result.keyId,
  label: result.label,
  regionId: result.regionId,
  plan: result.plan,
  status: result.status,
  httpStatus: result.httpStatus,
  latencyMs: result.latencyMs,
  modelCount: result.modelCount,
  suggestedRegionId: result.suggestedRegionId,
  suggestedPlan: result.suggestedPlan,
  message: result.message,
  at: result.at,
});

const resultTable = (results: CheckResult[]): string =>
  table(
    ['LABEL', 'REGION', 'PLAN', 'STATUS', 'HTTP', 'LATENCY', 'MODELS', 'MESSAGE'],
    results.map((result) => [
      result.label,
      regionName(result.regionId),
      planName(result.plan),
      result.status,
      result.httpStatus === null ? '-' : String(result.httpStatus),
      result.latencyMs === null ? '-' : `${result.latencyMs} ms`,
      result.modelCount === null ? '-' : String(result.modelCount),
      result.message,
    ]),
  );

const quoteArgument = (value: string): string => (/^[\w.@-]+$/.test(value) ? value : posixQuote(value));
