import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../main/core/model-studio.js';
import { endpointsFor, findRegion, parseEndpointOverrides, requireRegion } from '../../main/core/regions.js';

describe('region catalog', () => {
  it('carries the seed’s three base URLs exactly, plus Hong Kong', () => {
    const compatible = (id: string) => endpointsFor({ regionId: id, kind: 'standard' }).compatible;
    expect(compatible('ap-southeast-1')).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
    expect(compatible('us-east-1')).toBe('https://dashscope-us.aliyuncs.com/compatible-mode/v1');
    expect(compatible('cn-beijing')).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1');
    expect(compatible('cn-hongkong')).toBe('https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1');
    expect(REGIONS.map((region) => region.name)).toEqual([
      'Singapore',
      'US (Virginia)',
      'China (Beijing)',
      'China (Hong Kong)',
    ]);
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
  ])('resolves %j to %s', (name, id) => {
    expect(findRegion(name)?.id).toBe(id);
  });

  it('names the known regions when one is unknown', () => {
    expect(() => requireRegion('mars')).toThrow(/Unknown region 'mars'.*ap-southeast-1.*cn-hongkong/);
  });
});

describe('endpointsFor', () => {
  it('gives the native and Anthropic-compatible bases beside the compatible one', () => {
    expect(endpointsFor({ regionId: 'cn-beijing', kind: 'standard' })).toEqual({
      compatible: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
      native: 'https://dashscope.aliyuncs.com/api/v1',
      anthropic: 'https://dashscope.aliyuncs.com/apps/anthropic',
    });
  });

  it('uses the workspace-dedicated domain only when asked and only for a sub-workspace', () => {
    const base = { regionId: 'ap-southeast-1', kind: 'standard' as const, workspaceId: 'llm-7c72iiw36kd8' };
    expect(endpointsFor(base).compatible).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
    expect(endpointsFor({ ...base, useWorkspaceDomain: true }).native).toBe(
      'https://llm-7c72iiw36kd8.ap-southeast-1.maas.aliyuncs.com/api/v1',
    );
    expect(endpointsFor({ ...base, workspaceId: 'default', useWorkspaceDomain: true }).compatible).toBe(
      'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    );
  });

  it('lets an override replace the host, the environment winning over settings', () => {
    const request = {
      regionId: 'us-east-1',
      kind: 'standard' as const,
      settingsOverrides: { 'us-east-1': 'https://gateway.example/us' },
    };
    expect(endpointsFor(request).anthropic).toBe('https://gateway.example/us/apps/anthropic');
    expect(
      endpointsFor({ ...request, environmentOverrides: { 'us-east-1': 'http://127.0.0.1:9/us' } }).compatible,
    ).toBe('http://127.0.0.1:9/us/compatible-mode/v1');
  });

  it('sends Coding Plan keys to the plan endpoints, and refuses regions without one', () => {
    expect(endpointsFor({ regionId: 'sg', kind: 'plan' }).compatible).toBe(
      'https://coding-intl.dashscope.aliyuncs.com/v1',
    );
    expect(endpointsFor({ regionId: 'cn', kind: 'plan' }).compatible).toBe(
      'https://coding.dashscope.aliyuncs.com/v1',
    );
    expect(() => endpointsFor({ regionId: 'us', kind: 'plan' })).toThrow(
      /Coding Plan keys have no documented endpoint/,
    );
  });
});

describe('parseEndpointOverrides', () => {
  it('reads a JSON object of prefixes and drops trailing slashes', () => {
    expect(parseEndpointOverrides('{"cn-beijing":"http://127.0.0.1:8080/cn/"}')).toEqual({
      'cn-beijing': 'http://127.0.0.1:8080/cn',
    });
    expect(parseEndpointOverrides(undefined)).toEqual({});
    expect(parseEndpointOverrides('  ')).toEqual({});
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['["http://x"]', /must be a JSON object/],
    ['{"cn-beijing": 42}', /'cn-beijing' must be an http\(s\) URL/],
    ['{"cn-beijing": "ftp://x"}', /must be an http\(s\) URL/],
  ])('refuses %s instead of silently using the real service', (json, message) => {
    expect(() => parseEndpointOverrides(json)).toThrow(message);
  });
});
