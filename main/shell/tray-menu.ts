// What the tray menu shows, as plain data built from the state snapshot: pure, so it is unit
// tested without Electron. tray.ts turns it into a real Menu.
import type { AppState } from '../core/state.js';

export type TrayAction =
  { type: 'open-window' } | { type: 'set-region'; regionId: string } | { type: 'quit' };

export type TrayItem =
  | { kind: 'header'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; label: string; action: TrayAction }
  | { kind: 'radio'; label: string; checked: boolean; action: TrayAction }
  | { kind: 'submenu'; label: string; items: TrayItem[] };

export function trayMenu(state: AppState): TrayItem[] {
  const active = state.regions.find((region) => region.id === state.activeRegionId);
  const keysHere = state.keys.filter((key) => key.regionId === state.activeRegionId);
  return [
    { kind: 'header', label: `Region: ${active?.name ?? state.activeRegionId}` },
    {
      kind: 'header',
      label:
        keysHere.length === 0
          ? 'No keys in this region'
          : `${keysHere.length} key${keysHere.length === 1 ? '' : 's'} in this region`,
    },
    {
      kind: 'submenu',
      label: 'Switch Region',
      items: state.regions
        .filter((region) => region.switchable)
        .map((region) => ({
          kind: 'radio',
          label: region.keyCount > 0 ? `${region.name} (${region.keyCount})` : region.name,
          checked: region.id === state.activeRegionId,
          action: { type: 'set-region', regionId: region.id },
        })),
    },
    { kind: 'separator' },
    { kind: 'action', label: 'Open Model Studio Keys…', action: { type: 'open-window' } },
    { kind: 'separator' },
    { kind: 'action', label: 'Quit', action: { type: 'quit' } },
  ];
}
