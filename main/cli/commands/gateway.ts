// msk gateway run · gateway token add|list|revoke · usage — the local gateway that gives GUI tools
// a token of their own instead of the key, and what they used through it.
import type { Command } from 'commander';
import { MskError } from '../../core/base/errors.js';
import { GATEWAY, gatewayUrl } from '../../core/model-studio/catalog.js';
import { USAGE_GROUPS } from '../../shared/vocabulary.js';
import { formatCost } from '../../shared/i18n/cost.js';
import { core } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { localTime, print, printJson, say, table } from '../output.js';
import { positiveInteger } from '../parse.js';

// Loaded when a command runs: they bring the validator and the HTTP client along.
const gatewayActions = () => import('../../core/actions/gateway.js');
const usageStore = async () => {
  const [{ UsageStore }, services] = await Promise.all([import('../../core/gateway/usage-store.js'), core()]);
  return new UsageStore(services.environment.dataDirectory, {
    onProblem: (problem) => say(`msk: ${problem.message}`),
  });
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function registerGatewayCommands(program: Command): void {
  const gateway = program
    .command('gateway')
    .description(
      'a local gateway for GUI tools: each gets a token of its own, the key stays in the keychain',
    );

  gateway
    .command('run')
    .description(`run the gateway in the foreground on ${GATEWAY.host} (Ctrl-C stops it)`)
    .option(
      '-p, --port <port>',
      'the port (default: the one in settings, else 11480)',
      positiveInteger(65_535),
    )
    .action(async (options: { port?: number }) => {
      const [{ startGateway }, services, usage] = await Promise.all([
        import('../../core/gateway/gateway-server.js'),
        core(),
        usageStore(),
      ]);
      const running = await startGateway({
        services,
        usage,
        ...(options.port !== undefined && { port: options.port }),
        onEvent: (event) => {
          if (event.kind === 'problem') return say(`msk: ${event.message}`);
          const via = event.key === undefined ? '' : ` via '${event.key}'`;
          const over = event.failedOver > 0 ? `, after ${event.failedOver} failed over` : '';
          say(
            `${new Date().toLocaleTimeString()} ${event.tool ?? '-'} ${event.method} ${event.path} → ${event.status}${via}${over} (${event.ms} ms)`,
          );
        },
      });
      const tokens = (await services.config.read()).gateway.tokens.length;
      say(
        `Gateway on ${running.url} (Ctrl-C stops it). ${tokens === 0 ? "No token yet: make one with 'msk gateway token add <tool>'." : `${tokens} token${tokens === 1 ? '' : 's'}.`}`,
      );
      // The listeners stay until the end: the lock library's signal-exit re-sends a signal that
      // only it still listens to, which would end the process before the last usage is written.
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = () => {
          // A second Ctrl-C does not wait.
          if (stopping) process.exit(EXIT.interrupted);
          stopping = true;
          resolve();
        };
        process.on('SIGINT', stop).on('SIGTERM', stop);
      });
      await running.close();
      say('Gateway stopped; usage recorded.');
    });

  const token = gateway.command('token').description("the tools' tokens for the gateway");

  token
    .command('add')
    .description('make a token for a tool; it is printed once and kept only as a hash')
    .argument('<name>', 'the tool it is for (usage is reported under this name)')
    .option('-k, --key <key...>', 'the keys it uses, in failover order (default: the active key)')
    .option('-m, --model <model>', 'the model every request through it uses')
    .option('--rpm <requests>', 'the requests a minute it may make', positiveInteger(1_000_000))
    .option('--json', 'print {name, token, baseUrl, keyIds, model, requestsPerMinute}')
    .action(
      async (name: string, options: { key?: string[]; model?: string; rpm?: number; json?: boolean }) => {
        const { addGatewayToken } = await gatewayActions();
        const services = await core();
        const { token: made, record } = await addGatewayToken(services, {
          name,
          keys: options.key ?? [],
          model: options.model,
          requestsPerMinute: options.rpm,
        });
        const { settings } = await services.config.read();
        const baseUrl = gatewayUrl(settings.gatewayPort);
        if (options.json) {
          const { keyIds, model = null, requestsPerMinute = null } = record;
          return printJson({ name: record.name, token: made, baseUrl, keyIds, model, requestsPerMinute });
        }
        print(made);
        say(
          `Token '${record.name}' made; it is shown this once. Give the tool base URL ${baseUrl} and this token as its API key; the key stays in the keychain.`,
        );
      },
    );

  token
    .command('list')
    .description('the tokens: their tool, keys, model and last use (never the token)')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const [{ listGatewayTokens }, services, usage] = await Promise.all([
        gatewayActions(),
        core(),
        usageStore(),
      ]);
      const rows = listGatewayTokens(await services.config.read(), await usage.read());
      if (options.json) return printJson(rows);
      if (rows.length === 0) return say('No gateway tokens yet. Make one with: msk gateway token add <tool>');
      print(
        table(
          ['NAME', 'KEYS', 'MODEL', 'RPM', 'CREATED', 'LAST USED'],
          rows.map((row) => [
            row.name,
            (row.keys.length > 0 ? row.keys.join(' → ') : 'the active key') +
              (row.removedKeys > 0 ? ` (+${row.removedKeys} removed)` : ''),
            row.model ?? '-',
            row.requestsPerMinute === null ? '-' : String(row.requestsPerMinute),
            localTime(row.createdAt),
            row.lastUsedAt === null ? '-' : localTime(row.lastUsedAt),
          ]),
        ),
      );
    });

  token
    .command('revoke')
    .description('revoke a token: the gateway refuses it from its next request')
    .argument('<name>', "the token's name")
    .action(async (name: string) => {
      const { revokeGatewayToken } = await gatewayActions();
      const revoked = await revokeGatewayToken(await core(), name);
      say(`Revoked '${revoked.name}'.`);
    });

  program
    .command('usage')
    .description('what tools used through the gateway: requests, tokens and an estimated cost')
    .option('--since <day>', 'from this day (YYYY-MM-DD, local time; default: 30 days ago)')
    .option('--by <group>', 'tool, key or model', 'tool')
    .option('--json', 'print JSON')
    .action(async (options: { since?: string; by: string; json?: boolean }) => {
      const [{ readUsageReport }, { sinceDays }] = await Promise.all([
        gatewayActions(),
        import('../../core/gateway/usage-report.js'),
      ]);
      const by = USAGE_GROUPS.find((group) => group === options.by);
      if (!by)
        throw new MskError('invalid-input', `--by takes ${USAGE_GROUPS.join(', ')}, not '${options.by}'.`);
      if (
        options.since !== undefined &&
        (!DAY.test(options.since) || Number.isNaN(Date.parse(options.since)))
      ) {
        throw new MskError('invalid-input', `--since takes a day as YYYY-MM-DD, not '${options.since}'.`);
      }
      const report = await readUsageReport(
        await core(),
        await usageStore(),
        by,
        options.since ?? sinceDays(30),
      );
      if (options.json) return printJson(report);
      if (report.rows.length === 0) return say(`Nothing went through the gateway since ${report.since}.`);
      const cost = (row: { cost: Partial<Record<string, number>>; unpricedTokens: number }) =>
        [formatCost(row.cost), ...(row.unpricedTokens > 0 ? [`+${row.unpricedTokens} unpriced tokens`] : [])]
          .filter(Boolean)
          .join(' ') || '-';
      print(
        table(
          [by.toUpperCase(), 'REQUESTS', 'FAILED OVER', 'INPUT TOKENS', 'OUTPUT TOKENS', 'ESTIMATED COST'],
          [...report.rows, { name: 'TOTAL', ...report.total }].map((row) => [
            row.name || '(other)',
            String(row.requests),
            String(row.failedOver),
            String(row.inputTokens),
            String(row.outputTokens),
            cost(row),
          ]),
        ),
      );
      say(`Since ${report.since}. Costs are estimates from list prices, not a bill.`);
    });
}
