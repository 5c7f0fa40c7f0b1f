// Turns one answer of Model Studio into exactly one check status, with a sentence a person can
// act on. Pure: the whole table of the service's refusals is tested without a network.
import type { CheckStatus } from '../../shared/vocabulary.js';
import { BILLING_PAGES, type EndpointFamily } from './catalog.js';
import { redactKeys } from './key-format.js';
import type { Answer } from './client.js';

/** How many model ids a check keeps, and how long each may be: the list is kept in config.json. */
export const MODEL_LIST_LIMITS = { count: 500, idLength: 200 } as const;

export interface Classification {
  status: CheckStatus | 'cancelled';
  httpStatus: number | null;
  latencyMs: number | null;
  modelCount: number | null;
  /** The ids of the models listed (capped, see MODEL_LIST_LIMITS); null without a list. */
  models: string[] | null;
  retryAfterSeconds?: number;
  message: string;
}

export interface ClassifyContext {
  /** Where the request went, for messages. */
  host: string;
  timeoutMs: number;
  /** Which kind of host answered: the Coding Plan answers other clients than coding agents apart. */
  family: EndpointFamily;
  /** Whose billing page an account in arrears is sent to. */
  console: keyof typeof BILLING_PAGES;
}

// Users meet Arrearage often and read it as a broken key: it gets its own status.
const ARREARS = /Arrearage|overdue/i;
// Not every "Quota" is one: Throttling.RateQuota is a plain rate limit.
const QUOTA = /AllocationQuota|FreeTierOnly|insufficient_quota|quota exceeded|billing/i;
const WORKSPACE = /Workspace\.AccessDenied/i;
const MODEL_DENIED = /model access denied/i;

export function classify(answer: Answer, context: ClassifyContext): Classification {
  if (answer.kind === 'cancelled') {
    return {
      status: 'cancelled',
      httpStatus: null,
      latencyMs: null,
      modelCount: null,
      models: null,
      message: 'Cancelled.',
    };
  }
  if (answer.kind === 'timeout') {
    return {
      status: 'timeout',
      httpStatus: null,
      latencyMs: answer.latencyMs,
      modelCount: null,
      models: null,
      message: `No answer from ${context.host} within ${context.timeoutMs / 1000} s.`,
    };
  }
  if (answer.kind === 'network') {
    return {
      status: 'network',
      httpStatus: null,
      latencyMs: answer.latencyMs,
      modelCount: null,
      models: null,
      message: `Could not reach ${context.host}: ${answer.reason}.`,
    };
  }

  const { status: httpStatus, latencyMs } = answer;
  const base = { httpStatus, latencyMs, modelCount: null, models: null };
  const { code, text } = errorOf(answer.json);
  const said = [code, text].filter(Boolean).join(': ');

  if (httpStatus >= 200 && httpStatus < 300) {
    const models = (answer.json as { data?: unknown } | undefined)?.data;
    if (Array.isArray(models)) {
      return {
        ...base,
        status: 'ok',
        modelCount: models.length,
        models: modelIds(models),
        message: `OK: ${models.length} models available.`,
      };
    }
    const why =
      answer.problem === 'oversized' ? 'an answer too large to read' : 'an answer that is not a model list';
    return { ...base, status: 'server-error', message: `${context.host} sent ${why} (HTTP ${httpStatus}).` };
  }
  if (httpStatus === 401) {
    return {
      ...base,
      status: 'invalid-key',
      message:
        'Model Studio does not accept this key: it was deleted, or the RAM user who created it was disabled.',
    };
  }
  if (ARREARS.test(said)) {
    return {
      ...base,
      status: 'arrears',
      message: `The key is valid, but the account is in arrears (${said}): top up at ${BILLING_PAGES[context.console]}.`,
    };
  }
  if (context.family === 'coding' && (httpStatus === 404 || httpStatus === 405)) {
    return {
      ...base,
      status: 'unverified',
      message: `The Coding Plan answers coding agents only (HTTP ${httpStatus}${said ? `: ${said}` : ''}), so the key cannot be checked from here; Qwen Code and Claude Code can use it.`,
    };
  }
  if (QUOTA.test(said)) {
    return {
      ...base,
      status: 'quota',
      message: `The key is valid, but the account's quota or billing refuses the call (${said}).`,
    };
  }
  if (httpStatus === 429) {
    const wait = answer.retryAfterSeconds;
    return {
      ...base,
      status: 'rate-limited',
      ...(wait !== undefined && { retryAfterSeconds: wait }),
      message: `Rate limited${wait !== undefined ? `; retry in ${wait} s` : ''}. Limits are per account, shared by all its keys.`,
    };
  }
  if (httpStatus === 403) {
    if (MODEL_DENIED.test(said)) {
      return {
        ...base,
        status: 'model-denied',
        message: "The key's sub-workspace has not been granted this model: grant it in the console.",
      };
    }
    if (WORKSPACE.test(said)) {
      return {
        ...base,
        status: 'workspace-denied',
        message:
          "This endpoint belongs to another workspace (Workspace.AccessDenied): check the key's workspace id.",
      };
    }
    return {
      ...base,
      status: 'workspace-denied',
      message: `Access denied by the key's workspace${said ? ` (${said})` : ''}.`,
    };
  }
  const detail = said || (answer.problem === 'malformed' ? 'unreadable body' : 'no details');
  const hint = httpStatus === 404 ? ' Check the endpoint override, if you set one.' : '';
  return {
    ...base,
    status: 'server-error',
    message: `${context.host} answered HTTP ${httpStatus} (${detail}).${hint}`,
  };
}

/** The `id` of each listed model, trimmed and capped to what config.json keeps. */
const modelIds = (models: unknown[]): string[] =>
  models
    .map((model) => (model as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string')
    // An id is shown and stored: like any text from the service, it never carries a key.
    .map((id) => redactKeys(id.trim()).slice(0, MODEL_LIST_LIMITS.idLength))
    .filter((id) => id !== '')
    .slice(0, MODEL_LIST_LIMITS.count);

/** The error code and message of a compatible-mode, native or Anthropic error body. */
function errorOf(json: unknown): { code: string; text: string } {
  const body = (json ?? {}) as {
    code?: unknown;
    message?: unknown;
    error?: { code?: unknown; type?: unknown; message?: unknown };
  };
  const nested = typeof body.error === 'object' && body.error !== null ? body.error : undefined;
  const code = nested?.code ?? nested?.type ?? body.code;
  const text = nested?.message ?? body.message;
  // A service may echo what it was sent; what we show and store never carries a key.
  return {
    code: typeof code === 'string' ? redactKeys(code) : '',
    text: typeof text === 'string' ? redactKeys(text.trim()) : '',
  };
}

/** A status that proves the key belongs to the region that gave it. */
export const acceptsKey = (status: Classification['status']): boolean =>
  status === 'ok' ||
  status === 'quota' ||
  status === 'arrears' ||
  status === 'rate-limited' ||
  status === 'model-denied' ||
  status === 'workspace-denied';
