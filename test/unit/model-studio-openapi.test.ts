// The imitation of Model Studio's management OpenAPI, driven by Alibaba Cloud's own signing
// library (@alicloud/openapi-core): every action accepted when signed right, the gateway's
// refusals when not, paging, masking, a value shown once, and keys that work (or stop) at once
// on the local Model Studio imitation.
import { request as httpRequest } from 'node:http';
import * as OpenApiCore from '@alicloud/openapi-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_FAMILIES, WORKSPACE_ID_PLACEHOLDER } from '../../main/core/model-studio/catalog.js';
import {
  type AccessKey,
  type FakeModelStudioOpenApi,
  type OpenApiRecord,
  type OpenApiRegion,
  type OpenApiService,
  startModelStudioOpenApi,
  type Workspace,
} from '../fixtures/model-studio-openapi/server.js';
import { apiHostLabel, maskValue } from '../fixtures/model-studio-openapi/state.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';

let modelStudio: FakeModelStudio;
let openapi: FakeModelStudioOpenApi;
beforeAll(async () => {
  modelStudio = await startModelStudio();
  openapi = await startModelStudioOpenApi({ modelStudio });
});
afterAll(() => Promise.all([openapi.close(), modelStudio.close()]));
afterEach(() => {
  openapi.requests.length = 0;
  openapi.latencyMs = 0;
  openapi.clockSkewMs = 0;
  openapi.throttle(0);
});

const REGION: OpenApiRegion = 'ap-southeast-1';

type ClientClass = typeof OpenApiCore.default.default;
/** The library's client class, whether its CommonJS default export arrives wrapped (Node) or not (Vite). */
const OpenApiClient: ClientClass =
  'default' in OpenApiCore.default
    ? OpenApiCore.default.default
    : (OpenApiCore.default as unknown as ClientClass);
/** Runtime options left to the library's defaults (no retries). */
const defaults = {} as Parameters<InstanceType<ClientClass>['callApi']>[2];

interface Asked {
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
  /** Send the body as a form, as the SDK does for CreateApiKey and UpdateApiKey. */
  form?: boolean;
  /** Sign with these credentials instead of the AccessKey's own. */
  as?: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
}

/** One Model Studio call, signed and sent by the real library. */
async function call(
  accessKey: AccessKey,
  region: OpenApiRegion,
  action: string,
  method: string,
  pathname: string,
  asked: Asked = {},
): Promise<Record<string, unknown>> {
  const response = await clientFor(accessKey, region, asked).callApi(
    new OpenApiCore.$OpenApiUtil.Params({
      action,
      version: '2026-02-10',
      protocol: 'HTTP',
      pathname,
      method,
      authType: 'AK',
      style: 'ROA',
      reqBodyType: asked.form ? 'formData' : 'json',
      bodyType: 'json',
    }),
    new OpenApiCore.$OpenApiUtil.OpenApiRequest({
      query: OpenApiCore.OpenApiUtil.query(asked.query ?? {}),
      ...(asked.body && { body: asked.body }),
    }),
    defaults,
  );
  return response.body as Record<string, unknown>;
}

function clientFor(accessKey: AccessKey, service: OpenApiService, asked: Asked = {}) {
  const credentials = asked.as ?? accessKey;
  return new OpenApiClient(
    new OpenApiCore.$OpenApiUtil.Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      ...(credentials.securityToken !== undefined && { securityToken: credentials.securityToken }),
      endpoint: openapi.overrides[service].replace('http://', ''),
      protocol: 'HTTP',
    }),
  );
}

/** The balance, BSS's RPC call, signed the same way. */
async function balance(accessKey: AccessKey) {
  const response = await clientFor(accessKey, 'bss').callApi(
    new OpenApiCore.$OpenApiUtil.Params({
      action: 'QueryAccountBalance',
      version: '2017-12-14',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    }),
    new OpenApiCore.$OpenApiUtil.OpenApiRequest({}),
    defaults,
  );
  return response.body as Record<string, unknown>;
}

/** What a refused call threw: the status, the code and the body the library kept. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const { statusCode, code, data } = error as {
      statusCode: number;
      code: string;
      data: Record<string, unknown>;
    };
    return { statusCode, code, data };
  }
  throw new Error('the call was not refused');
}

const createKey = (
  accessKey: AccessKey,
  query: Record<string, unknown> = {},
  region: OpenApiRegion = REGION,
) =>
  call(accessKey, region, 'CreateApiKey', 'POST', '/modelstudio/apikeys', { query }) as Promise<{
    apiKey: { apiKeyId: number; apiKeyValue: string; workspaceId: string };
  }>;

/** Asks the local Model Studio imitation for its models with `secret`, as a tool would. */
async function modelsStatus(secret: string, region: string, workspace?: Workspace): Promise<number> {
  const prefix =
    workspace === undefined
      ? modelStudio.overrides[`dashscope:${region}`]
      : modelStudio.overrides[`workspace:${region}`]?.replace(
          WORKSPACE_ID_PLACEHOLDER,
          apiHostLabel(workspace),
        );
  const response = await fetch(`${prefix}${ENDPOINT_FAMILIES.dashscope.paths.compatible}/models`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  return response.status;
}

/** Sends a recorded request again, its target changed by `edit`: what an attacker on the path could do. */
function replay(record: OpenApiRecord, edit: (target: string) => string) {
  const { port } = new URL(openapi.overrides[record.service]);
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const sent = httpRequest(
      { host: '127.0.0.1', port, method: record.method, path: edit(record.target), headers: record.headers },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

describe('Model Studio OpenAPI imitation: signed calls', () => {
  it('accepts every API key action signed by the real library, with the SDK models’ fields', async () => {
    const account = openapi.addAccount();
    const accessKey = account.accessKey();

    const created = await createKey(accessKey, { description: 'laptop' });
    expect(created).toEqual({
      code: '200',
      httpStatusCode: 200,
      message: 'success',
      requestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
      success: true,
      apiKey: {
        apiKeyId: expect.any(Number),
        apiKeyValue: expect.stringMatching(/^sk-ws-/),
        createdBy: account.ownerId,
        description: 'laptop',
        gmtCreate: expect.any(Number),
        workspaceId: account.defaultWorkspace(REGION).workspaceId,
      },
    });
    const { apiKeyId, apiKeyValue } = created.apiKey;
    const path = `/modelstudio/apikeys/${apiKeyId}`;

    const got = await call(accessKey, REGION, 'GetApiKey', 'GET', path);
    expect(got.apiKey).toEqual({
      apiKeyId,
      apiKeyValue: maskValue(apiKeyValue),
      auth: { type: 'All' },
      createdBy: account.ownerId,
      description: 'laptop',
      disabled: 0,
      gmtCreate: expect.any(Number),
      workspaceId: account.defaultWorkspace(REGION).workspaceId,
    });

    await call(accessKey, REGION, 'UpdateApiKey', 'PUT', path, { query: { description: 'desktop' } });
    await call(accessKey, REGION, 'DisableApiKey', 'PUT', `${path}/disable`);
    expect(account.findApiKey(REGION, apiKeyId)).toMatchObject({ description: 'desktop', disabled: true });
    expect(await refusal(call(accessKey, REGION, 'DisableApiKey', 'PUT', `${path}/disable`))).toMatchObject({
      statusCode: 400,
      code: 'ApiKey.AlreadyDisabled',
    });
    await call(accessKey, REGION, 'EnableApiKey', 'PUT', `${path}/enable`);

    const reset = (await call(accessKey, REGION, 'ResetApiKey', 'PUT', `${path}/reset`)) as {
      apiKey: { apiKeyId: number; apiKeyValue: string };
    };
    expect(reset.apiKey).toEqual({
      apiKeyId,
      apiKeyValue: expect.stringMatching(/^sk-ws-/),
      workspaceId: account.defaultWorkspace(REGION).workspaceId,
    });
    expect(reset.apiKey.apiKeyValue).not.toBe(apiKeyValue);

    expect(await call(accessKey, REGION, 'DeleteApiKey', 'DELETE', path)).toMatchObject({ success: true });
    expect(await refusal(call(accessKey, REGION, 'GetApiKey', 'GET', path))).toMatchObject({
      statusCode: 404,
      code: 'ApiKey.NotFound',
    });
    expect(openapi.requests.map(({ action, status }) => `${action} ${status}`)).toEqual([
      'CreateApiKey 200',
      'GetApiKey 200',
      'UpdateApiKey 200',
      'DisableApiKey 200',
      'DisableApiKey 400',
      'EnableApiKey 200',
      'ResetApiKey 200',
      'DeleteApiKey 200',
      'GetApiKey 404',
    ]);
  });

  it('verifies queries and bodies with spaces, symbols and non-ASCII letters as the library signs them', async () => {
    const account = openapi.addAccount();
    const accessKey = account.accessKey();
    const description = "a b+c*d~e!'()&=/?%20 密钥 ✓";
    const { apiKey } = await createKey(accessKey, { description });
    expect(account.findApiKey(REGION, apiKey.apiKeyId)?.description).toBe(description);
    await call(accessKey, REGION, 'UpdateApiKey', 'PUT', `/modelstudio/apikeys/${apiKey.apiKeyId}`, {
      query: { description: `${description} 2` },
      body: { auth: { type: 'Custom', accessIps: ['10.0.0.0/8'] } },
    });
    expect(account.findApiKey(REGION, apiKey.apiKeyId)).toMatchObject({
      description: `${description} 2`,
      auth: { type: 'Custom', accessIps: ['10.0.0.0/8'] },
    });
  });

  it('takes a custom auth sent as the SDK sends it, a form body', async () => {
    const accessKey = openapi.addAccount().accessKey();
    const created = await call(accessKey, REGION, 'CreateApiKey', 'POST', '/modelstudio/apikeys', {
      form: true,
      body: {
        auth: {
          type: 'Custom',
          modelAccessScope: { allowAllModels: false, accessibleModels: ['qwen-plus'] },
        },
      },
    });
    const { apiKeyId } = created.apiKey as { apiKeyId: number };
    const got = await call(accessKey, REGION, 'GetApiKey', 'GET', `/modelstudio/apikeys/${apiKeyId}`);
    expect((got.apiKey as { auth: unknown }).auth).toEqual({
      type: 'Custom',
      accessIps: ['0.0.0.0/0', '::/0'],
      modelAccessScope: { allowAllModels: false, accessibleModels: ['qwen-plus'] },
    });
  });

  it('lists, creates and deletes workspaces; refuses to delete the default one or one with keys', async () => {
    const account = openapi.addAccount();
    const accessKey = account.accessKey();
    const listed = await call(accessKey, 'cn-beijing', 'ListWorkspaces', 'GET', '/modelstudio/workspaces');
    expect(listed).toMatchObject({ totalCount: 1, maxResults: 10, success: true });
    expect(listed.workspaces).toEqual([
      {
        apiHost: expect.stringMatching(/^llm-[a-z0-9]{16}\.cn-beijing\.maas\.aliyuncs\.com$/),
        gmtCreate: expect.any(Number),
        region: 'cn-beijing',
        serviceSite: 'mainland',
        workspaceId: expect.stringMatching(/^ws-[0-9a-f]{16}$/),
        workspaceName: 'default',
      },
    ]);

    const created = (await call(
      accessKey,
      'us-east-1',
      'CreateWorkspace',
      'POST',
      '/modelstudio/workspaces',
      {
        query: { workspaceName: 'team', serviceSite: 'us' },
      },
    )) as { workspace: { workspaceId: string; serviceSite: string; region: string } };
    expect(created.workspace).toMatchObject({ serviceSite: 'us', region: 'us-east-1' });
    const { workspaceId } = created.workspace;
    expect(
      await refusal(
        call(accessKey, 'us-east-1', 'CreateWorkspace', 'POST', '/modelstudio/workspaces', {
          query: { workspaceName: 'eu', serviceSite: 'eu' },
        }),
      ),
    ).toMatchObject({ statusCode: 400, code: 'InvalidServiceSite' });

    await createKey(accessKey, { workspaceId }, 'us-east-1');
    const deleteIt = (id: string) =>
      call(accessKey, 'us-east-1', 'DeleteWorkspace', 'DELETE', `/modelstudio/workspaces/${id}`);
    expect(await deleteIt(workspaceId)).toMatchObject({
      isDeleted: false,
      failReasons: [{ resourceType: 'API Key', reason: 'API Key exists. Please clear them first.' }],
    });
    expect(await deleteIt(account.defaultWorkspace('us-east-1').workspaceId)).toMatchObject({
      isDeleted: false,
      failReasons: [{ resourceType: 'Workspace' }],
    });
    const [key] = account.apiKeys('us-east-1');
    if (key) account.deleteApiKey(key);
    expect(await deleteIt(workspaceId)).toMatchObject({ isDeleted: true, success: true });
    expect(account.workspaces('us-east-1')).toHaveLength(1);
  });

  it('reports the month’s spend by model and the daily trend, taxed, in the account’s currency', async () => {
    const account = openapi.addAccount({ site: 'china' });
    account.addCharges(
      { date: '2026-11-02', region: 'cn-beijing', model: 'qwen-plus', amount: 30 },
      { date: '2026-11-02', region: 'cn-beijing', model: 'qwen3-max', amount: 60 },
      { date: '2026-11-03', region: 'cn-beijing', model: 'qwen-plus', amount: 10 },
      { date: '2026-10-31', region: 'cn-beijing', model: 'qwen-plus', amount: 99 },
    );
    const accessKey = account.accessKey();
    const overview = await call(
      accessKey,
      'cn-beijing',
      'GetBillingOverview',
      'GET',
      '/modelstudio/billing/overview',
      {
        query: { billMonth: '2026-11', groupBy: JSON.stringify([{ code: 'BASE_MODEL' }]) },
      },
    );
    expect(overview).toEqual({
      code: '200',
      message: 'success',
      requestId: expect.any(String),
      success: true,
      data: {
        currency: 'CNY',
        totalAmount: '106.00',
        pretaxAmount: '100.00',
        taxAmount: '6.00',
        groups: [
          { key: 'qwen3-max', name: 'qwen3-max', amount: '63.60', percentage: '0.60', articleCodes: [] },
          { key: 'qwen-plus', name: 'qwen-plus', amount: '42.40', percentage: '0.40', articleCodes: [] },
        ],
      },
    });

    const trend = (await call(
      accessKey,
      'cn-beijing',
      'GetBillingTrend',
      'GET',
      '/modelstudio/billing/trend',
      {
        query: {
          granularity: 'DAY',
          timePeriod: JSON.stringify({ start: '2026-11-01', end: '2026-11-03' }),
          groupBy: JSON.stringify([{ code: 'BASE_MODEL' }]),
          topNum: 1,
        },
      },
    )) as { data: { costTotals: unknown; groupByTotal: unknown; resultByTime: { period: string }[] } };
    expect(trend.data.costTotals).toEqual({
      currency: 'CNY',
      amount: '106.00',
      pretaxAmount: '100.00',
      taxAmount: '6.00',
    });
    expect(trend.data.groupByTotal).toMatchObject([
      { key: 'qwen3-max', amount: '63.60' },
      { key: 'DIMENSION_GROUP_OTHERS_VALUE', name: 'Others', amount: '42.40' },
    ]);
    expect(trend.data.resultByTime.map(({ period }) => period)).toEqual(['20261101', '20261102', '20261103']);
    expect(trend.data.resultByTime[1]).toMatchObject({
      total: { amount: '95.40' },
      periodDetails: [
        { key: 'qwen3-max', percentage: '0.6667' },
        { key: 'DIMENSION_GROUP_OTHERS_VALUE', percentage: '0.3333' },
      ],
    });
    expect(
      await refusal(
        call(accessKey, 'cn-beijing', 'GetBillingOverview', 'GET', '/modelstudio/billing/overview', {
          query: { groupBy: JSON.stringify([{ code: 'BASE_MODEL' }]) },
        }),
      ),
    ).toMatchObject({ statusCode: 400, code: 'MissingBillMonth' });
  });

  it('answers the balance through BSS, the same signature over an RPC call', async () => {
    const account = openapi.addAccount({ site: 'international' });
    account.balance = { available: 123.4, cash: 100, credit: 23.4, mybankCredit: 0, quotaLimit: 0 };
    expect(await balance(account.accessKey())).toEqual({
      Code: '200',
      Message: 'success',
      RequestId: expect.any(String),
      Success: true,
      Data: {
        AvailableAmount: '123.40',
        AvailableCashAmount: '100.00',
        CreditAmount: '23.40',
        MybankCreditAmount: '0.00',
        QuotaLimit: '0.00',
        Currency: 'USD',
      },
    });
    expect(
      await refusal(balance(account.accessKey({ ramUser: 'dev', deny: ['bssapi:QueryAccountBalance'] }))),
    ).toMatchObject({
      statusCode: 403,
      code: 'NoPermission',
    });
  });

  it('takes STS credentials with their token, and refuses a token that is not theirs', async () => {
    const account = openapi.addAccount();
    const sts = account.accessKey({ sts: true });
    expect(await call(sts, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys')).toMatchObject({
      totalCount: 0,
    });
    const wrongToken = {
      accessKeyId: sts.accessKeyId,
      accessKeySecret: sts.accessKeySecret,
      securityToken: 'CAISother',
    };
    expect(
      await refusal(call(sts, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys', { as: wrongToken })),
    ).toMatchObject({
      statusCode: 400,
      code: 'InvalidSecurityToken.MismatchWithAccessKey',
    });
    expect(JSON.stringify(openapi.requests)).not.toContain(sts.securityToken);
  });
});

describe('Model Studio OpenAPI imitation: refusals like the gateway’s', () => {
  it('refuses a wrong secret with SignatureDoesNotMatch, and an unknown AccessKey with InvalidAccessKeyId.NotFound', async () => {
    const accessKey = openapi.addAccount().accessKey();
    const wrongSecret = {
      accessKeyId: accessKey.accessKeyId,
      accessKeySecret: `${accessKey.accessKeySecret}x`,
    };
    const mismatch = await refusal(
      call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys', { as: wrongSecret }),
    );
    expect(mismatch).toMatchObject({
      statusCode: 400,
      code: 'SignatureDoesNotMatch',
      data: {
        RequestId: expect.any(String),
        HostId: `modelstudio.${REGION}.aliyuncs.com`,
        Code: 'SignatureDoesNotMatch',
        Message: expect.stringMatching(
          /^Specified signature is not matched with our calculation\. server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/,
        ),
        Recommend: expect.stringContaining('SignatureDoesNotMatch'),
      },
    });
    const unknown = { accessKeyId: 'LTAI5tNoSuchAccessKeyId', accessKeySecret: 'whatever' };
    expect(
      await refusal(call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys', { as: unknown })),
    ).toMatchObject({
      statusCode: 404,
      code: 'InvalidAccessKeyId.NotFound',
      data: { Message: 'Specified access key is not found.' },
    });
    accessKey.active = false;
    expect(
      await refusal(call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys')),
    ).toMatchObject({
      statusCode: 400,
      code: 'InvalidAccessKeyId.Inactive',
    });
  });

  it('refuses a request dated more than 15 minutes from its clock with InvalidTimeStamp.Expired', async () => {
    const accessKey = openapi.addAccount().accessKey();
    openapi.clockSkewMs = 16 * 60 * 1000;
    expect(
      await refusal(call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys')),
    ).toMatchObject({
      statusCode: 400,
      code: 'InvalidTimeStamp.Expired',
    });
    openapi.clockSkewMs = 14 * 60 * 1000;
    expect(await call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys')).toMatchObject({
      success: true,
    });
  });

  it('refuses an action RAM does not allow, naming it, and allows the rest', async () => {
    const account = openapi.addAccount();
    const developer = account.accessKey({ ramUser: 'developer', deny: ['modelstudio:CreateApiKey'] });
    const denied = await refusal(createKey(developer));
    expect(denied).toMatchObject({
      statusCode: 403,
      code: 'NoPermission',
      data: {
        Message: `You are not authorized to do this action. Resource: acs:modelstudio:${REGION}:${account.ownerId}:* Action: modelstudio:CreateApiKey`,
        AccessDeniedDetail: {
          AuthAction: 'modelstudio:CreateApiKey',
          AuthPrincipalType: 'SubUser',
          AuthPrincipalDisplayName: 'developer',
          NoPermissionType: 'ImplicitDeny',
        },
      },
    });
    expect(await call(developer, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys')).toMatchObject({
      success: true,
    });
    const reader = account.accessKey({ ramUser: 'reader', allow: ['modelstudio:ListWorkspaces'] });
    expect(await refusal(call(reader, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys'))).toMatchObject({
      code: 'NoPermission',
    });
    expect(account.apiKeys()).toHaveLength(0);
  });

  it('throttles the next calls it is told to, then answers again', async () => {
    const accessKey = openapi.addAccount().accessKey();
    openapi.throttle(2);
    const list = () => call(accessKey, REGION, 'ListWorkspaces', 'GET', '/modelstudio/workspaces');
    expect(await refusal(list())).toMatchObject({ statusCode: 400, code: 'Throttling.User' });
    openapi.throttle(1, 429);
    expect(await refusal(list())).toMatchObject({ statusCode: 429, code: 'Throttling.User' });
    expect(await list()).toMatchObject({ success: true });
  });

  it('refuses every call in a region where Model Studio is not activated', async () => {
    const account = openapi.addAccount();
    account.deactivate('eu-central-1');
    expect(
      await refusal(
        call(account.accessKey(), 'eu-central-1', 'ListWorkspaces', 'GET', '/modelstudio/workspaces'),
      ),
    ).toMatchObject({ statusCode: 403, code: 'ServiceNotActivated' });
  });

  it('refuses a request whose signed query was changed after signing, and a replay of its nonce', async () => {
    const accessKey = openapi.addAccount().accessKey();
    await call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys', {
      query: { maxResults: 10 },
    });
    const [signed] = openapi.requests;
    if (!signed) throw new Error('nothing recorded');
    const tampered = await replay(signed, (target) => target.replace('maxResults=10', 'maxResults=100'));
    expect(tampered).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
    const again = await replay(signed, (target) => target);
    expect(again).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
  });

  it('answers an API it does not have with InvalidApi.NotFound, and a model API key with IncompleteSignature', async () => {
    const accessKey = openapi.addAccount().accessKey();
    expect(await refusal(call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/keys'))).toMatchObject({
      statusCode: 404,
      code: 'InvalidApi.NotFound',
    });
    const response = await fetch(`${openapi.overrides[REGION]}/modelstudio/apikeys`, {
      headers: {
        authorization: 'Bearer sk-0123',
        'x-acs-action': 'ListApiKeys',
        'x-acs-version': '2026-02-10',
      },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ Code: 'IncompleteSignature' });
  });
});

describe('Model Studio OpenAPI imitation: keys', () => {
  it('pages 10 workspaces × 20 keys with maxResults and nextToken, newest first', async () => {
    const account = openapi.addAccount();
    const workspaces = account.seed(REGION, { workspaces: 10, keysPerWorkspace: 20 });
    const accessKey = account.accessKey();
    const seen: number[] = [];
    let nextToken: string | undefined;
    let pagesRead = 0;
    do {
      const page = (await call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys', {
        query: { maxResults: 30, ...(nextToken !== undefined && { nextToken }) },
      })) as { apiKeys: { apiKeyId: number }[]; nextToken?: string; totalCount: number; maxResults: number };
      expect(page).toMatchObject({ totalCount: 200, maxResults: 30 });
      seen.push(...page.apiKeys.map(({ apiKeyId }) => apiKeyId));
      nextToken = page.nextToken;
      pagesRead += 1;
    } while (nextToken !== undefined);
    expect(pagesRead).toBe(7);
    expect(new Set(seen).size).toBe(200);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));

    const oneWorkspace = await call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys', {
      query: { workspaceId: workspaces[3]?.workspaceId, maxResults: 100 },
    });
    expect(oneWorkspace).toMatchObject({ totalCount: 20 });
    expect(oneWorkspace).not.toHaveProperty('nextToken');
    expect(
      await refusal(
        call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys', { query: { maxResults: 500 } }),
      ),
    ).toMatchObject({ statusCode: 400, code: 'InvalidMaxResults' });
    expect(
      await refusal(
        call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys', {
          query: { nextToken: 'made-up' },
        }),
      ),
    ).toMatchObject({ statusCode: 400, code: 'InvalidNextToken' });
  });

  it('shows a value whole only when creating or resetting it, masked everywhere else', async () => {
    const account = openapi.addAccount();
    const accessKey = account.accessKey();
    const { apiKey } = await createKey(accessKey);
    const listed = await call(accessKey, REGION, 'ListApiKeys', 'GET', '/modelstudio/apikeys');
    const got = await call(accessKey, REGION, 'GetApiKey', 'GET', `/modelstudio/apikeys/${apiKey.apiKeyId}`);
    const masked = maskValue(apiKey.apiKeyValue);
    expect(masked).toMatch(/^sk-ws-.{8}\*{5}.{12}$/);
    expect((listed.apiKeys as { apiKeyValue: string }[])[0]?.apiKeyValue).toBe(masked);
    expect((got.apiKey as { apiKeyValue: string }).apiKeyValue).toBe(masked);
    expect(JSON.stringify([listed, got])).not.toContain(apiKey.apiKeyValue);
    expect(JSON.stringify(openapi.requests)).not.toContain(apiKey.apiKeyValue);
    expect(JSON.stringify(openapi.requests)).not.toContain(accessKey.accessKeySecret);
  });

  it('shares keys with the Model Studio imitation: created works at once, reset old value, disabled and deleted get 401', async () => {
    const account = openapi.addAccount();
    const accessKey = account.accessKey();
    const workspace = account.addWorkspace(REGION, 'team');
    const { apiKey } = await createKey(accessKey, { workspaceId: workspace.workspaceId });
    expect(await modelsStatus(apiKey.apiKeyValue, REGION)).toBe(200);
    expect(await modelsStatus(apiKey.apiKeyValue, REGION, workspace)).toBe(200);
    expect(await modelsStatus(apiKey.apiKeyValue, REGION, account.defaultWorkspace(REGION))).toBe(403);
    expect(await modelsStatus(apiKey.apiKeyValue, 'us-east-1')).toBe(401);

    const path = `/modelstudio/apikeys/${apiKey.apiKeyId}`;
    const reset = (await call(accessKey, REGION, 'ResetApiKey', 'PUT', `${path}/reset`)) as {
      apiKey: { apiKeyValue: string };
    };
    expect(await modelsStatus(apiKey.apiKeyValue, REGION)).toBe(401);
    expect(await modelsStatus(reset.apiKey.apiKeyValue, REGION)).toBe(200);

    await call(accessKey, REGION, 'DisableApiKey', 'PUT', `${path}/disable`);
    expect(await modelsStatus(reset.apiKey.apiKeyValue, REGION)).toBe(401);
    await call(accessKey, REGION, 'EnableApiKey', 'PUT', `${path}/enable`);
    expect(await modelsStatus(reset.apiKey.apiKeyValue, REGION)).toBe(200);
    await call(accessKey, REGION, 'DeleteApiKey', 'DELETE', path);
    expect(await modelsStatus(reset.apiKey.apiKeyValue, REGION)).toBe(401);
  });
});
