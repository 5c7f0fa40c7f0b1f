import { parseOpenApiEndpoints } from '../../main/core/config/environment.js';
import { describe, expect, it } from 'vitest';
import { REGIONS, SOURCES } from '../../main/core/model-studio/catalog.js';
import {
  endpointCatalog,
  endpointsFor,
  findRegion,
  parseEndpointOverrides,
  placementsFor,
  requirePlan,
  requireRegion,
} from '../../main/core/model-studio/regions.js';

describe('region catalog', () => {
  it('carries the seed’s three base URLs exactly, plus Hong Kong, Tokyo and Frankfurt', () => {
    const compatible = (id: string) => endpointsFor({ regionId: id, plan: 'payg' }).compatible;
    expect(compatible('ap-southeast-1')).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
    expect(compatible('us-east-1')).toBe('https://dashscope-us.aliyuncs.com/compatible-mode/v1');
    expect(compatible('cn-beijing')).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1');
    expect(compatible('cn-hongkong')).toBe('https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1');
    expect(REGIONS.map((region) => region.name)).toEqual([
      'Singapore',
      'US (Virginia)',
      'China (Beijing)',
      'China (Hong Kong)',
      'Japan (Tokyo)',
      'Germany (Frankfurt)',
    ]);
  });

  it('names its source and the date it was read', () => {
    expect(SOURCES.baseUrls).toEqual({
      title: 'Base URL overview',
      url: 'https://www.alibabacloud.com/help/en/model-studio/base-url',
      updated: '2026-10-11',
    });
  });

  it('gives every region a console page for creating keys', () => {
    for (const region of REGIONS) expect(region.apiKeyPage).toMatch(/^https:\/\//);
  });

  it.each([
    ['sg', 'ap-southeast-1'],
    ['Singapore', 'ap-southeast-1'],
    ['us', 'us-east-1'],
    ['virginia', 'us-east-1'],
    ['cn', 'cn-beijing'],
    ['BEIJING', 'cn-beijing'],
    ['hk', 'cn-hongkong'],
    ['cn-hongkong', 'cn-hongkong'],
    [' us-east-1 ', 'us-east-1'],
    ['tokyo', 'ap-northeast-1'],
    ['de', 'eu-central-1'],
  ])('resolves %j to %s', (name, id) => {
    expect(findRegion(name)?.id).toBe(id);
  });

  it('names the known regions when one is unknown', () => {
    expect(() => requireRegion('mars')).toThrow(/Unknown region 'mars'.*ap-southeast-1.*cn-hongkong/);
  });
});

describe('endpointsFor', () => {
  it('gives the native and Anthropic-compatible bases beside the compatible one', () => {
    expect(endpointsFor({ regionId: 'cn-beijing', plan: 'payg' })).toEqual({
      family: 'dashscope',
      compatible: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
      native: 'https://dashscope.aliyuncs.com/api/v1',
      anthropic: 'https://dashscope.aliyuncs.com/apps/anthropic',
    });
  });

  it('uses the workspace-dedicated domain only when asked and only for a sub-workspace', () => {
    const base = { regionId: 'ap-southeast-1', plan: 'payg' as const, workspaceId: 'llm-7c72iiw36kd8' };
    expect(endpointsFor(base).compatible).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
    expect(endpointsFor({ ...base, useWorkspaceDomain: true })).toMatchObject({
      family: 'workspace',
      native: 'https://llm-7c72iiw36kd8.ap-southeast-1.maas.aliyuncs.com/api/v1',
    });
    expect(endpointsFor({ ...base, workspaceId: 'default', useWorkspaceDomain: true }).compatible).toBe(
      'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    );
  });

  it('reaches Tokyo and Frankfurt only through a workspace domain, so a key there needs its workspace id', () => {
    expect(endpointsFor({ regionId: 'jp', plan: 'payg', workspaceId: 'llm-abcd1234' })).toEqual({
      family: 'workspace',
      compatible: 'https://llm-abcd1234.ap-northeast-1.maas.aliyuncs.com/compatible-mode/v1',
      native: 'https://llm-abcd1234.ap-northeast-1.maas.aliyuncs.com/api/v1',
      anthropic: 'https://llm-abcd1234.ap-northeast-1.maas.aliyuncs.com/apps/anthropic',
    });
    expect(
      endpointsFor({ regionId: 'eu-central-1', plan: 'payg', workspaceId: 'llm-abcd1234' }).compatible,
    ).toBe('https://llm-abcd1234.eu-central-1.maas.aliyuncs.com/compatible-mode/v1');
    expect(() => endpointsFor({ regionId: 'frankfurt', plan: 'payg' })).toThrow(
      expect.objectContaining({
        code: 'workspace-required',
        message: expect.stringMatching(/Germany \(Frankfurt\) is reached only through workspace domains/),
      }),
    );
  });

  it('lets an override replace the host, the environment winning over settings', () => {
    const request = {
      regionId: 'us-east-1',
      plan: 'payg' as const,
      settingsOverrides: { 'us-east-1': 'https://gateway.example/us' },
    };
    expect(endpointsFor(request).anthropic).toBe('https://gateway.example/us/apps/anthropic');
    expect(
      endpointsFor({ ...request, environmentOverrides: { 'us-east-1': 'http://127.0.0.1:9/us' } }).compatible,
    ).toBe('http://127.0.0.1:9/us/compatible-mode/v1');
  });

  it('lets a family override win over the region’s, and fills in the workspace id', () => {
    const overrides = {
      'ap-southeast-1': 'http://gw/sg',
      'coding:ap-southeast-1': 'http://gw/coding',
      'workspace:ap-southeast-1': 'http://gw/ws/{workspaceId}',
    };
    const sg = { regionId: 'sg', environmentOverrides: overrides };
    expect(endpointsFor({ ...sg, plan: 'payg' }).compatible).toBe('http://gw/sg/compatible-mode/v1');
    expect(endpointsFor({ ...sg, plan: 'token' }).compatible).toBe('http://gw/sg/compatible-mode/v1');
    expect(endpointsFor({ ...sg, plan: 'coding' }).compatible).toBe('http://gw/coding/v1');
    expect(
      endpointsFor({ ...sg, plan: 'payg', workspaceId: 'llm-abcd1234', useWorkspaceDomain: true }).native,
    ).toBe('http://gw/ws/llm-abcd1234/api/v1');
  });

  it.each([
    ['sg', 'coding', 'https://coding-intl.dashscope.aliyuncs.com', '/v1'],
    ['cn', 'coding', 'https://coding.dashscope.aliyuncs.com', '/v1'],
    ['sg', 'token', 'https://token-plan.ap-southeast-1.maas.aliyuncs.com', '/compatible-mode/v1'],
    ['cn', 'token', 'https://token-plan.cn-beijing.maas.aliyuncs.com', '/compatible-mode/v1'],
  ] as const)(
    'sends a %s key of the %s plan to the plan’s own host, which has no native API',
    (regionId, plan, host, path) => {
      expect(endpointsFor({ regionId, plan })).toEqual({
        family: plan,
        compatible: host + path,
        native: null,
        anthropic: `${host}/apps/anthropic`,
      });
    },
  );

  it.each([
    [
      'us',
      'coding',
      /The Coding Plan has no endpoint in US \(Virginia\); it has endpoints in Singapore and China \(Beijing\) only/,
    ],
    ['hk', 'token', /The Token Plan has no endpoint in China \(Hong Kong\)/],
    ['jp', 'coding', /The Coding Plan has no endpoint in Japan \(Tokyo\)/],
  ] as const)(
    'refuses a %s key of the %s plan, where the plan has no endpoint',
    (regionId, plan, message) => {
      expect(() => endpointsFor({ regionId, plan })).toThrow(
        expect.objectContaining({ code: 'plan-unavailable', message: expect.stringMatching(message) }),
      );
    },
  );
});

describe('where a key may live', () => {
  it('asks the shared domains for a pay-as-you-go key, Tokyo and Frankfurt only with a workspace id', () => {
    const places = (workspaceId?: string) =>
      placementsFor(['payg'], workspaceId).map((place) => `${place.family}:${place.region.id}`);
    expect(places()).toEqual([
      'dashscope:ap-southeast-1',
      'dashscope:us-east-1',
      'dashscope:cn-beijing',
      'dashscope:cn-hongkong',
    ]);
    expect(places('llm-abcd1234')).toEqual([
      ...places(),
      'workspace:ap-northeast-1',
      'workspace:eu-central-1',
    ]);
  });

  it('asks the plans’ own endpoints for a plan key, and never the trial domain', () => {
    const places = placementsFor(['coding', 'token']).map((place) => `${place.family}:${place.region.id}`);
    expect(places).toEqual([
      'coding:ap-southeast-1',
      'coding:cn-beijing',
      'token:ap-southeast-1',
      'token:cn-beijing',
    ]);
    expect(
      placementsFor(['payg', 'coding', 'token'], 'llm-abcd1234').some((place) => place.family === 'trial'),
    ).toBe(false);
  });

  it('lists every endpoint, trial domains included, with the workspace placeholder', () => {
    const catalog = endpointCatalog();
    expect(
      catalog.filter((endpoint) => endpoint.family === 'trial').map((endpoint) => endpoint.compatible),
    ).toEqual([
      'https://trial.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1',
      'https://trial.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
    ]);
    expect(catalog).toContainEqual(
      expect.objectContaining({
        regionId: 'eu-central-1',
        plan: 'payg',
        compatible: 'https://{workspaceId}.eu-central-1.maas.aliyuncs.com/compatible-mode/v1',
      }),
    );
    expect(
      catalog.filter((endpoint) => endpoint.plan !== 'payg').every((endpoint) => endpoint.native === null),
    ).toBe(true);
    expect(catalog.some((endpoint) => endpoint.overridden)).toBe(false);
  });

  it.each([
    ['payg', 'payg'],
    ['Pay-as-you-go', 'payg'],
    ['coding-plan', 'coding'],
    ['TOKEN', 'token'],
  ])('reads the plan %j as %s', (name, id) => {
    expect(requirePlan(name).id).toBe(id);
  });

  it('names the plans when one is unknown', () => {
    expect(() => requirePlan('gold')).toThrow(
      /Unknown plan 'gold'. Known plans: payg \(Pay-as-you-go\), coding/,
    );
  });
});

describe('parseEndpointOverrides', () => {
  it('reads a JSON object of prefixes and drops trailing slashes', () => {
    expect(parseEndpointOverrides('{"cn-beijing":"http://127.0.0.1:8080/cn/"}')).toEqual({
      'cn-beijing': 'http://127.0.0.1:8080/cn',
    });
    expect(parseEndpointOverrides(undefined)).toEqual({});
    expect(
      parseEndpointOverrides(
        '{"token:ap-southeast-1":"http://gw/t","workspace:eu-central-1":"http://gw/{workspaceId}/"}',
      ),
    ).toEqual({ 'token:ap-southeast-1': 'http://gw/t', 'workspace:eu-central-1': 'http://gw/{workspaceId}' });
    expect(parseEndpointOverrides('  ')).toEqual({});
  });

  it('accepts the same region names as --region and keys them by region id', () => {
    expect(
      parseEndpointOverrides(
        '{"sg":"http://gw/sg","Beijing":"http://gw/cn","token:SINGAPORE":"http://gw/t"}',
      ),
    ).toEqual({
      'ap-southeast-1': 'http://gw/sg',
      'cn-beijing': 'http://gw/cn',
      'token:ap-southeast-1': 'http://gw/t',
    });
    expect(() => parseEndpointOverrides('{"sg":"http://a","ap-southeast-1":"http://b"}')).toThrow(
      /'sg' and 'ap-southeast-1' name the same region/,
    );
    expect(() => parseEndpointOverrides('{"mars":"http://a"}')).toThrow(/'mars' is neither a region id/);
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['["http://x"]', /must be a JSON object/],
    ['{"cn-beijing": 42}', /'cn-beijing' must be an http\(s\) URL/],
    ['{"cn-beijing": "ftp://x"}', /must be an http\(s\) URL/],
    ['{"cn-shanghai": "http://x"}', /'cn-shanghai' is neither a region id .* nor <family>:<region id>/],
    ['{"gold:cn-beijing": "http://x"}', /'gold:cn-beijing' is neither/],
    ['{"trial:us-east-1": "http://x"}', /'trial:us-east-1' is neither .* for a host the region has/],
  ])('refuses %s instead of silently using the real service', (json, message) => {
    expect(() => parseEndpointOverrides(json)).toThrow(message);
  });
});

describe('parseOpenApiEndpoints (MSK_OPENAPI_ENDPOINTS)', () => {
  it('takes a management region or bss to an http(s) URL, and nothing else', () => {
    expect(
      parseOpenApiEndpoints('{"cn-beijing":"http://127.0.0.1:8080/","bss":"https://bss.example"}'),
    ).toEqual({ 'cn-beijing': 'http://127.0.0.1:8080', bss: 'https://bss.example' });
    expect(parseOpenApiEndpoints(undefined)).toEqual({});
    expect(() => parseOpenApiEndpoints('{"ap-northeast-1":"http://x"}')).toThrow(
      /'ap-northeast-1' is neither a region with a management host/,
    );
    expect(() => parseOpenApiEndpoints('{"cn-beijing":"ftp://x"}')).toThrow(/must be an http\(s\) URL/);
    expect(() => parseOpenApiEndpoints('not json')).toThrow(/is not valid JSON/);
    expect(() => parseOpenApiEndpoints('[]')).toThrow(/must be a JSON object/);
  });
});
