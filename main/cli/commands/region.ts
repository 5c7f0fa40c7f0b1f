// msk region · regions
import type { Command } from 'commander';
import { REGIONS } from '../../core/model-studio.js';
import { endpointsFor, regionName } from '../../core/regions.js';
import { readSettings, setActiveRegion } from '../../core/settings.js';
import { core } from '../context.js';
import { print, say, table } from '../output.js';

export function registerRegionCommands(program: Command): void {
  program
    .command('region')
    .description('print the active region, or set it')
    .argument('[region]', 'region id or alias: sg, us, cn, hk')
    .action(async (name: string | undefined) => {
      const { config } = core();
      if (name === undefined) {
        const { activeRegionId } = await readSettings(config);
        return print(`${activeRegionId}\t${regionName(activeRegionId)}`);
      }
      const region = await setActiveRegion(config, name);
      say(`Active region: ${region.name} (${region.id}).`);
    });

  program
    .command('regions')
    .description('list the regions, their aliases and OpenAI-compatible base URLs')
    .action(async () => {
      const { environment, config } = core();
      const settings = await readSettings(config);
      const rows = REGIONS.map((region) => [
        region.id === settings.activeRegionId ? '*' : '',
        region.id,
        region.name,
        region.aliases.join(', '),
        endpointsFor({
          regionId: region.id,
          kind: 'standard',
          settingsOverrides: settings.endpointOverrides,
          environmentOverrides: environment.endpointOverrides,
        }).compatible,
      ]);
      print(table(['', 'ID', 'NAME', 'ALIASES', 'OPENAI-COMPATIBLE BASE URL'], rows));
    });
}
