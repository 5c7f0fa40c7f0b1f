// msk region · regions
import type { Command } from 'commander';
import { PLANS, REGIONS, SOURCES } from '../../core/model-studio/catalog.js';
import { planName, regionName } from '../../core/model-studio/regions.js';
import { core } from '../context.js';
import { print, printJson, say, table } from '../output.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const regionActions = () =>
  Promise.all([import('../../core/actions/regions.js'), import('../../core/keys/active-key.js')]);

export function registerRegionCommands(program: Command): void {
  program
    .command('region')
    .description('print the active region, or set it')
    .argument('[region]', 'region id or alias: sg, us, cn, hk, jp, de')
    .action(async (name: string | undefined) => {
      const [[{ switchRegion }, { readSettings }], services] = await Promise.all([regionActions(), core()]);
      if (name === undefined) {
        const { activeRegionId } = await readSettings(services.config);
        return print(`${activeRegionId}\t${regionName(activeRegionId)}`);
      }
      const region = await switchRegion(services, name);
      say(`Active region: ${region.name} (${region.id}).`);
    });

  program
    .command('regions')
    .description('list the regions, their aliases, plans and OpenAI-compatible base URLs')
    .option('--all', 'every endpoint: shared, workspace and trial domains, Coding Plan and Token Plan')
    .option('--json', 'print every endpoint as JSON')
    .action(async (options: { all?: boolean; json?: boolean }) => {
      const [[{ listEndpoints }, { readSettings }], services] = await Promise.all([regionActions(), core()]);
      const settings = await readSettings(services.config);
      const endpoints = await listEndpoints(services);
      if (options.json) return printJson(endpoints);
      if (options.all) {
        print(
          table(
            ['REGION', 'PLAN', 'DOMAIN', 'OPENAI-COMPATIBLE', 'ANTHROPIC-COMPATIBLE', 'NATIVE'],
            endpoints.map((endpoint) => [
              endpoint.regionId,
              planName(endpoint.plan),
              endpoint.family,
              endpoint.compatible,
              endpoint.anthropic,
              endpoint.native ?? '-',
            ]),
          ),
        );
        for (const source of Object.values(SOURCES)) {
          say(`Source: ${source.title} (updated ${source.updated}), ${source.url}`);
        }
        return;
      }
      const rows = REGIONS.map((region) => {
        const here = endpoints.filter((endpoint) => endpoint.regionId === region.id);
        const plans = Object.values(PLANS).filter((plan) =>
          here.some((endpoint) => endpoint.plan === plan.id),
        );
        const general = here.find((endpoint) => endpoint.family === 'dashscope') ?? here[0];
        return [
          region.id === settings.activeRegionId ? '*' : '',
          region.id,
          region.name,
          region.aliases.join(', '),
          plans.map((plan) => plan.name).join(', '),
          general?.compatible ?? '-',
        ];
      });
      print(table(['', 'ID', 'NAME', 'ALIASES', 'PLANS', 'OPENAI-COMPATIBLE BASE URL'], rows));
    });
}
