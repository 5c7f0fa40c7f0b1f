import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../main/core/config-schema.js';
import { snapshot } from '../../main/core/state.js';
import { trayMenu } from '../../main/shell/tray-menu.js';

const stateWith = (
  keys: { id: string; label: string; regionId: string }[],
  activeRegionId = 'ap-southeast-1',
) => {
  const config = emptyConfig();
  config.settings.activeRegionId = activeRegionId;
  config.keys = keys.map((key) => ({
    ...key,
    workspaceId: 'default',
    plan: 'payg' as const,
    shape: 'classic' as const,
    fingerprint: 'abcd',
    createdAt: '2026-11-27T10:00:00.000Z',
  }));
  return snapshot(config);
};

describe('trayMenu', () => {
  it('shows the active region, its key count, a region switch, Open and Quit', () => {
    const menu = trayMenu(stateWith([{ id: '1', label: 'a', regionId: 'cn-beijing' }], 'cn-beijing'));
    expect(menu.map((item) => ('label' in item ? item.label : '—'))).toEqual([
      'Region: China (Beijing)',
      '1 key in this region',
      'Switch Region',
      '—',
      'Open Model Studio Keys…',
      '—',
      'Quit',
    ]);
  });

  it('checks the active region and counts keys per region in the switch', () => {
    const menu = trayMenu(
      stateWith([
        { id: '1', label: 'a', regionId: 'cn-beijing' },
        { id: '2', label: 'b', regionId: 'cn-beijing' },
      ]),
    );
    const switcher = menu.find((item) => item.kind === 'submenu');
    expect(switcher?.kind === 'submenu' && switcher.items).toEqual([
      {
        kind: 'radio',
        label: 'Singapore',
        checked: true,
        action: { type: 'set-region', regionId: 'ap-southeast-1' },
      },
      {
        kind: 'radio',
        label: 'US (Virginia)',
        checked: false,
        action: { type: 'set-region', regionId: 'us-east-1' },
      },
      {
        kind: 'radio',
        label: 'China (Beijing) (2)',
        checked: false,
        action: { type: 'set-region', regionId: 'cn-beijing' },
      },
      {
        kind: 'radio',
        label: 'China (Hong Kong)',
        checked: false,
        action: { type: 'set-region', regionId: 'cn-hongkong' },
      },
    ]);
    expect(menu[1]).toEqual({ kind: 'header', label: 'No keys in this region' });
  });

  it('offers Tokyo and Frankfurt, reached only through workspace domains, once they hold a key', () => {
    const regions = (state: ReturnType<typeof stateWith>) => {
      const switcher = trayMenu(state).find((item) => item.kind === 'submenu');
      return switcher?.kind === 'submenu'
        ? switcher.items.map((item) => ('label' in item ? item.label : ''))
        : [];
    };
    expect(regions(stateWith([]))).not.toContain('Japan (Tokyo)');
    expect(regions(stateWith([{ id: '1', label: 'a', regionId: 'ap-northeast-1' }]))).toEqual([
      'Singapore',
      'US (Virginia)',
      'China (Beijing)',
      'China (Hong Kong)',
      'Japan (Tokyo) (1)',
    ]);
    expect(regions(stateWith([], 'eu-central-1'))).toContain('Germany (Frankfurt)');
  });
});
