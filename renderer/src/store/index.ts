// One zustand store built from slices (docs/ARCHITECTURE.md, "renderer/src"): the read-only snapshot main pushes,
// the window's own ui state, the running tasks, and one slice per view. Components read it through
// selectors, so a change re-renders only what reads it. No slice ever holds a secret.
import { create } from 'zustand';
import { api } from '../api';
import { type AccountSlice, accountSlice } from '../views/account/slice';
import { type AddSlice, addSlice } from '../views/add/slice';
import { type GatewaySlice, gatewaySlice } from '../views/gateway/slice';
import { type ImportSlice, importSlice } from '../views/import/slice';
import { type KeysSlice, keysSlice } from '../views/keys/slice';
import { type RegionsSlice, regionsSlice } from '../views/regions/slice';
import { type BackupSlice, backupSlice } from '../views/settings/backup-slice';
import { type SettingsSlice, settingsSlice } from '../views/settings/slice';
import { type ToolsSlice, toolsSlice } from '../views/tools/slice';
import { type SnapshotSlice, snapshotSlice } from './snapshot-slice';
import { type TasksSlice, tasksSlice } from './tasks-slice';
import { type UiSlice, uiSlice } from './ui-slice';

export type Store = SnapshotSlice &
  UiSlice &
  TasksSlice &
  KeysSlice &
  AddSlice &
  RegionsSlice &
  ToolsSlice &
  SettingsSlice &
  BackupSlice &
  ImportSlice &
  GatewaySlice &
  AccountSlice;

export const useStore = create<Store>()((...a) => ({
  ...snapshotSlice(...a),
  ...uiSlice(...a),
  ...tasksSlice(...a),
  ...keysSlice(...a),
  ...addSlice(...a),
  ...regionsSlice(...a),
  ...toolsSlice(...a),
  ...settingsSlice(...a),
  ...backupSlice(...a),
  ...importSlice(...a),
  ...gatewaySlice(...a),
  ...accountSlice(...a),
}));

/** Subscribes the store to main's state events; returns the unsubscribe function. */
export const followMain = (): (() => void) => api().onState((state) => useStore.getState().receive(state));
