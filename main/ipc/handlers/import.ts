// import.*: the window's Import view, through the same use cases as `msk import`. The search
// looks where the app runs: its home directory and its own environment.
import { findKeys, importFindings, previewRemoval, removeFromFiles } from '../../core/actions/import.js';
import type { CallHandlers, TaskHandlers } from './types.js';

export const importHandlers: CallHandlers<
  'import.scan' | 'import.chooseFolder' | 'import.preview' | 'import.remove'
> = {
  'import.scan': async (context, { folders }) => {
    const scan = await findKeys(context.services, {
      home: context.launcher.home,
      environment: process.env,
      paths: folders,
    });
    const { findings, notes } = context.heldScan.hold(scan);
    return {
      findings: findings.map((finding) => ({ ...finding, plans: [...finding.plans] })),
      notes: [...notes],
    };
  },
  'import.chooseFolder': async (context) => ({ folder: (await context.chooseFolder()) ?? null }),
  'import.preview': (context, { ids }) => previewRemoval(context.services, context.heldScan.current(), ids),
  'import.remove': (context, { ids }) => removeFromFiles(context.services, context.heldScan.current(), ids),
};

export const importTaskHandlers: TaskHandlers<'import.keys'> = {
  'import.keys': async (context, { ids, placement, labels }, { signal, progress }) => {
    const imported = await importFindings(context.services, context.heldScan.current(), ids, placement, {
      labels,
      signal,
      onProgress: progress,
    });
    await context.state.refresh();
    return imported.map(({ findingIds, masked, outcome, record, active, error }) => ({
      findingIds,
      masked,
      outcome,
      key: record && { keyId: record.id, label: record.label, regionId: record.regionId, plan: record.plan },
      active,
      error,
    }));
  },
};
