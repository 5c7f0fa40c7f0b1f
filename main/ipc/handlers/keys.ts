// keys.*: using and managing keys from the window. A pasted secret is held in main under a token
// (see pending-keys.ts); a stored one leaves main only on an explicit Reveal.
import { surveyKey } from '../../core/actions/checks.js';
import { addKey, inspectKey, makeKeyActive, moveKey, removeKey, renameKey } from '../../core/actions/keys.js';
import { copyKey, revealKey } from '../../core/actions/use-key.js';
import type { CallHandlers, TaskHandlers } from './types.js';

/** How long the window shows a revealed secret. */
export const REVEAL_SECONDS = 10;

type KeyCall =
  | 'keys.copy'
  | 'keys.makeActive'
  | 'keys.rename'
  | 'keys.move'
  | 'keys.remove'
  | 'keys.reveal'
  | 'keys.models'
  | 'keys.inspect'
  | 'keys.add'
  | 'keys.forget';

export const keyHandlers: CallHandlers<KeyCall> = {
  'keys.copy': async (context, { keyId }) => {
    const { record, clearAfterSeconds } = await copyKey(context.services, context.clipboard, {
      reference: keyId,
    });
    await context.state.refresh();
    return { keyId: record.id, label: record.label, clearAfterSeconds };
  },
  'keys.makeActive': async (context, { keyId }) => {
    const record = await makeKeyActive(context.services, keyId);
    await context.state.refresh();
    return { keyId: record.id };
  },
  'keys.rename': async (context, { keyId, label }) => {
    const { after } = await renameKey(context.services, keyId, label);
    await context.state.refresh();
    return { keyId: after.id, label: after.label };
  },
  'keys.move': async (context, { keyId, ...move }) => {
    const record = await moveKey(context.services, keyId, move);
    await context.state.refresh();
    return {
      keyId: record.id,
      regionId: record.regionId,
      plan: record.plan,
      workspaceId: record.workspaceId,
    };
  },
  'keys.remove': async (context, { keyId }) => {
    const record = await removeKey(context.services, keyId);
    await context.state.refresh();
    return { keyId: record.id, label: record.label };
  },
  'keys.reveal': async (context, { keyId }) => {
    const { secret } = await revealKey(context.services, { reference: keyId });
    await context.state.refresh();
    return { secret, hideAfterSeconds: REVEAL_SECONDS };
  },
  'keys.models': async (context, { keyId }) => {
    const { lastCheck } = await context.services.vault.find(keyId);
    return { models: lastCheck?.models ?? [], at: lastCheck?.at ?? null };
  },
  'keys.inspect': async (context, { secret }) => {
    const inspection = await inspectKey(context.services, secret);
    const { duplicate } = inspection;
    return {
      token: context.pendingKeys.hold(inspection.secret),
      masked: inspection.masked,
      shape: inspection.shape,
      plans: [...inspection.plans],
      defaultPlan: inspection.defaultPlan,
      duplicate: duplicate && { keyId: duplicate.id, label: duplicate.label, regionId: duplicate.regionId },
      suggestedLabel: inspection.suggestedLabel,
      notices: inspection.notices,
    };
  },
  'keys.add': async (context, { token, label, regionId, plan, workspaceId }) => {
    const secret = context.pendingKeys.secretOf(token);
    // The window names the place (detected, or chosen when detection named none): no second asking.
    const { record, notices } = await addKey(context.services, {
      secret,
      label,
      regionId,
      plan,
      workspaceId,
    });
    context.pendingKeys.forget(token);
    await context.state.refresh();
    return { keyId: record.id, label: record.label, notices };
  },
  'keys.forget': async (context, { token }) => ({ forgotten: context.pendingKeys.forget(token) }),
};

export const keyTaskHandlers: TaskHandlers<'keys.detect'> = {
  'keys.detect': async (context, { token, ...hints }, { signal, progress }) => {
    const secret = context.pendingKeys.secretOf(token);
    const survey = await surveyKey(context.services, secret, hints, { signal, onProgress: progress });
    // No owner is an answer the window shows place by place, in the words `msk add` would use.
    return { owner: survey.owner, answers: survey.answers, message: survey.unowned?.message ?? null };
  },
};
