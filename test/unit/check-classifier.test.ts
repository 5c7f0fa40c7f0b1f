import { describe, expect, it } from 'vitest';
import { acceptsKey, classify } from '../../main/core/model-studio/check-classifier.js';
import { MODEL_LIST_LIMITS } from '../../main/core/model-studio/check-classifier.js';
import type { Answer } from '../../main/core/model-studio/client.js';

const context = {
  host: 'dashscope-intl.aliyuncs.com',
  timeoutMs: 10_000,
  family: 'dashscope',
  console: 'international',
} as const;
const http = (
  status: number,
  json: unknown,
  extra: Partial<Extract<Answer, { kind: 'http' }>> = {},
): Answer => ({
  kind: 'http',
  status,
  json,
  latencyMs: 42,
  ...extra,
});
const compatible = (code: string, message: string) => ({
  error: { message, type: code, param: null, code },
  request_id: 'r',
});
const native = (code: string, message: string) => ({ code, message, request_id: 'r' });

describe('classify', () => {
  it.each([
    ['a model list', http(200, { object: 'list', data: [{ id: 'qwen-plus' }, { id: 'qwen3-max' }] }), 'ok'],
    [
      '401 invalid_api_key',
      http(401, compatible('invalid_api_key', 'Incorrect API key provided.')),
      'invalid-key',
    ],
    [
      '401 InvalidApiKey (native)',
      http(401, native('InvalidApiKey', 'Invalid API-key provided.')),
      'invalid-key',
    ],
    [
      '403 Workspace.AccessDenied',
      http(403, compatible('Workspace.AccessDenied', 'denied')),
      'workspace-denied',
    ],
    [
      '403 Model access denied.',
      http(403, compatible('access_denied', 'Model access denied.')),
      'model-denied',
    ],
    ['403 AccessDenied (native)', http(403, native('AccessDenied', 'Model access denied.')), 'model-denied'],
    ['403 with no body', http(403, undefined), 'workspace-denied'],
    [
      '403 AllocationQuota.FreeTierOnly',
      http(403, compatible('AllocationQuota.FreeTierOnly', 'free tier exhausted')),
      'quota',
    ],
    [
      '400 Arrearage',
      http(400, native('Arrearage', 'Access denied, please make sure your account is in good standing.')),
      'arrears',
    ],
    [
      '400 Arrearage (compatible)',
      http(400, compatible('Arrearage', 'Access denied, please make sure your account is in good standing.')),
      'arrears',
    ],
    [
      '429 limit_requests',
      http(429, compatible('limit_requests', 'You have exceeded your current request limit.')),
      'rate-limited',
    ],
    [
      '429 Throttling.RateQuota (native)',
      http(429, native('Throttling.RateQuota', 'Requests rate limit exceeded')),
      'rate-limited',
    ],
    [
      '429 Allocated quota exceeded',
      http(429, compatible('insufficient_quota', 'Allocated quota exceeded')),
      'quota',
    ],
    [
      '429 Throttling.AllocationQuota (native)',
      http(429, native('Throttling.AllocationQuota', 'Allocated quota exceeded')),
      'quota',
    ],
    ['500', http(500, compatible('internal_error', 'An internal error has occured')), 'server-error'],
    ['502 with HTML', http(502, undefined, { problem: 'malformed' }), 'server-error'],
    ['200 malformed JSON', http(200, undefined, { problem: 'malformed' }), 'server-error'],
    ['200 oversized', http(200, undefined, { problem: 'oversized' }), 'server-error'],
    ['200 but not a list', http(200, { hello: 'world' }), 'server-error'],
    [
      'a network failure',
      { kind: 'network', reason: 'connection refused', latencyMs: 3 } as Answer,
      'network',
    ],
    ['a timeout', { kind: 'timeout', latencyMs: 10_000 } as Answer, 'timeout'],
  ])('%s → %s', (_name, answer, status) => {
    expect(classify(answer, context).status).toBe(status);
  });

  it('counts models, and keeps the HTTP status and latency', () => {
    expect(classify(http(200, { data: [{}, {}, {}] }), context)).toMatchObject({
      status: 'ok',
      httpStatus: 200,
      latencyMs: 42,
      modelCount: 3,
      message: 'OK: 3 models available.',
    });
  });

  it('keeps the model ids, trimmed and capped to what config.json holds', () => {
    const listed = [
      { id: ' qwen-plus ' },
      { id: 42 },
      {},
      null,
      { id: '   ' },
      { id: `qwen-${'x'.repeat(300)}` },
      ...Array.from({ length: 600 }, (_, index) => ({ id: `model-${index}` })),
    ];
    const { modelCount, models } = classify(http(200, { data: listed }), context);
    expect(modelCount).toBe(listed.length);
    expect(models).toHaveLength(MODEL_LIST_LIMITS.count);
    expect(models?.slice(0, 3)).toEqual(['qwen-plus', `qwen-${'x'.repeat(195)}`, 'model-0']);
    expect(models?.at(-1)).toBe(`model-${MODEL_LIST_LIMITS.count - 3}`);
    expect(classify(http(401, compatible('invalid_api_key', 'No.')), context).models).toBeNull();
  });

  it('tells an account in arrears to top up, apart from quota, on its own console’s billing page', () => {
    const arrears = http(
      400,
      native('Arrearage', 'Access denied, please make sure your account is in good standing.'),
    );
    expect(classify(arrears, context)).toMatchObject({
      status: 'arrears',
      message: expect.stringMatching(
        /account is in arrears \(Arrearage: .*\): top up at https:\/\/usercenter2-intl\.aliyun\.com/,
      ),
    });
    expect(classify(arrears, { ...context, console: 'china' }).message).toMatch(
      /top up at https:\/\/usercenter2\.aliyun\.com/,
    );
  });

  it('says a Coding Plan endpoint that serves coding agents only could not check the key', () => {
    const agentsOnly = http(405, { error: 'Coding Plan is currently only available for Coding Agents' });
    expect(classify(agentsOnly, { ...context, family: 'coding' })).toMatchObject({
      status: 'unverified',
      message: expect.stringMatching(/coding agents only \(HTTP 405.*cannot be checked from here/),
    });
    expect(classify(http(404, undefined), { ...context, family: 'coding' }).status).toBe('unverified');
    expect(classify(agentsOnly, context).status).toBe('server-error');
  });

  it('carries Retry-After into the rate-limit result and its message', () => {
    const result = classify(
      http(429, compatible('limit_requests', 'slow down'), { retryAfterSeconds: 7 }),
      context,
    );
    expect(result).toMatchObject({
      status: 'rate-limited',
      retryAfterSeconds: 7,
      message: expect.stringMatching(/retry in 7 s/),
    });
  });

  it('says which host could not be reached, and how long it waited', () => {
    expect(classify({ kind: 'network', reason: 'host not found', latencyMs: 1 }, context).message).toBe(
      'Could not reach dashscope-intl.aliyuncs.com: host not found.',
    );
    expect(classify({ kind: 'timeout', latencyMs: 10_000 }, context).message).toBe(
      'No answer from dashscope-intl.aliyuncs.com within 10 s.',
    );
  });

  it('masks anything shaped like a key that the service echoes back', () => {
    const echoed = http(
      401,
      compatible('invalid_api_key', 'Incorrect API key provided: sk-0123456789abcdef0123456789abcdef.'),
    );
    const quota = http(
      403,
      compatible('AllocationQuota.FreeTierOnly', 'quota of sk-ws-H.ABCDEFG.Ab1x.MEQCsecret_x-y'),
    );
    expect(classify(quota, context).message).toContain('quota of sk-…_x-y');
    expect(JSON.stringify([classify(echoed, context), classify(quota, context)])).not.toMatch(
      /0123456789abcdef|MEQCsecret/,
    );
  });

  it('hints at the endpoint override on a 404', () => {
    expect(classify(http(404, undefined), context).message).toMatch(/HTTP 404.*Check the endpoint override/);
  });

  it('treats every answer that proves the key belongs to the region as ownership', () => {
    const owning = ['ok', 'quota', 'arrears', 'rate-limited', 'model-denied', 'workspace-denied'] as const;
    for (const status of owning) expect(acceptsKey(status)).toBe(true);
    for (const status of [
      'invalid-key',
      'unverified',
      'server-error',
      'network',
      'timeout',
      'cancelled',
    ] as const) {
      expect(acceptsKey(status)).toBe(false);
    }
  });
});
