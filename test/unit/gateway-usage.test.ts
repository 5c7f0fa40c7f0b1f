// What the gateway counted survives it: counts wait in memory a moment, then are ADDED to
// usage.json under a lock, so two gateways add up; a damaged file is set aside, never a reason to
// refuse requests. The report groups the counts and estimates their cost.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGatewayToken, listGatewayTokens, revokeGatewayToken } from '../../main/core/actions/gateway.js';
import { sinceDays, usageReport } from '../../main/core/gateway/usage-report.js';
import { hashGatewayToken } from '../../main/core/gateway/tokens.js';
import {
  localDay,
  OTHER_MODEL,
  USAGE_LIMITS,
  type UsageEvent,
  UsageStore,
} from '../../main/core/gateway/usage-store.js';

const USAGE_FILE = 'usage.json';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { removeTree } from '../fixtures/temp-directory.js';

let directory: string;
let services: Services;
beforeEach(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'msk-usage-'));
  services = createServices(
    { dataDirectory: directory, keychainService: 'unused', endpointOverrides: {} },
    new MemorySecretStore(),
  );
});
afterEach(() => removeTree(directory));

const event = (extra: Partial<UsageEvent> = {}): UsageEvent => ({
  tool: 'chatbox',
  keyId: 'k1',
  model: 'qwen-plus',
  outcome: 'answered',
  inputTokens: 10,
  outputTokens: 5,
  ...extra,
});
const at = new Date(2026, 10, 28, 9, 30);

describe('the usage store', () => {
  it('adds counts of one day, tool, key and model together; keeps the others apart', async () => {
    const store = new UsageStore(directory, { flushDelayMs: 60_000 });
    store.record(event(), at);
    store.record(event(), at);
    store.record(event({ model: 'qwen-flash' }), at);
    store.record(event({ outcome: 'failed-over', inputTokens: undefined, outputTokens: undefined }), at);
    store.record(event(), new Date(2026, 10, 29, 0, 1));
    await store.flush();
    const written = JSON.parse(readFileSync(path.join(directory, USAGE_FILE), 'utf8')) as { rows: unknown[] };
    expect(written.rows).toEqual([
      {
        day: '2026-11-28',
        tool: 'chatbox',
        keyId: 'k1',
        model: 'qwen-plus',
        requests: 2,
        failedOver: 1,
        inputTokens: 20,
        outputTokens: 10,
      },
      {
        day: '2026-11-28',
        tool: 'chatbox',
        keyId: 'k1',
        model: 'qwen-flash',
        requests: 1,
        failedOver: 0,
        inputTokens: 10,
        outputTokens: 5,
      },
      {
        day: '2026-11-29',
        tool: 'chatbox',
        keyId: 'k1',
        model: 'qwen-plus',
        requests: 1,
        failedOver: 0,
        inputTokens: 10,
        outputTokens: 5,
      },
    ]);
    expect(statSync(path.join(directory, USAGE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('stays small whatever a tool names as its model: what is no model id counts as other', async () => {
    const store = new UsageStore(directory, { flushDelayMs: 60_000 });
    for (const model of ['m'.repeat(5_000_000), 'qwen-plus; rm -rf ~', 'qwen plus', '"quoted"'])
      store.record(event({ model }), at);
    store.record(event({ model: '' }), at);
    await store.flush();
    expect(statSync(path.join(directory, USAGE_FILE)).size).toBeLessThan(1000);
    expect((await store.read()).rows).toEqual([
      expect.objectContaining({ model: OTHER_MODEL, requests: 5, inputTokens: 50 }),
    ]);
  });

  it('keeps a bounded number of rows a day, counting the rest as other, and drops days past a year', async () => {
    const store = new UsageStore(directory, { flushDelayMs: 60_000 });
    const models = USAGE_LIMITS.rowsPerDay + 100;
    for (let index = 0; index < models; index++) store.record(event({ model: `qwen-${index}` }), at);
    await store.flush();
    for (let index = 0; index < models; index++) store.record(event({ model: `qwen-${index}` }), at);
    store.record(event(), new Date(2025, 10, 26));
    await store.flush();
    const { rows } = await store.read();
    expect(rows).toHaveLength(USAGE_LIMITS.rowsPerDay + 1);
    expect(rows.reduce((sum, row) => sum + row.requests, 0)).toBe(2 * models);
    expect(rows.find((row) => row.model === OTHER_MODEL)?.requests).toBe(
      2 * (models - USAGE_LIMITS.rowsPerDay),
    );
    // A year and two days before the newest day: gone when the next counts are written.
    expect(rows.every((row) => row.day === localDay(at))).toBe(true);
  });

  it('writes by itself a moment after counting, and shows what waits in memory meanwhile', async () => {
    const store = new UsageStore(directory, { flushDelayMs: 20 });
    store.record(event(), at);
    expect((await store.read()).rows).toHaveLength(1);
    for (let waited = 0; !readdirSync(directory).includes(USAGE_FILE); waited += 10) {
      if (waited > 3000) throw new Error('never written');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  it('adds to what another gateway wrote, instead of overwriting it', async () => {
    const first = new UsageStore(directory, { flushDelayMs: 60_000 });
    const second = new UsageStore(directory, { flushDelayMs: 60_000 });
    first.record(event(), at);
    second.record(event(), at);
    second.record(event({ tool: 'cline' }), new Date(2026, 10, 28, 10));
    await Promise.all([first.flush(), second.flush()]);
    const usage = await new UsageStore(directory).read();
    expect(usage.rows.map((row) => [row.tool, row.requests])).toEqual([
      ['chatbox', 2],
      ['cline', 1],
    ]);
    expect(Object.keys(usage.lastUsed).sort()).toEqual(['chatbox', 'cline']);
  });

  it('sets a damaged file aside and counts anew when writing; a reader is told', async () => {
    writeFileSync(path.join(directory, USAGE_FILE), '{"schemaVersion":1,"rows":[{"day":');
    await expect(new UsageStore(directory).read()).rejects.toThrow(/is damaged/);
    const problems: string[] = [];
    const store = new UsageStore(directory, { onProblem: (problem) => problems.push(problem.message) });
    store.record(event(), at);
    await store.flush();
    expect(problems).toEqual([
      expect.stringMatching(/was damaged; it was set aside as .*usage\.json\.damaged-\d+/),
    ]);
    expect(readdirSync(directory).filter((name) => name.startsWith(`${USAGE_FILE}.damaged-`))).toHaveLength(
      1,
    );
    expect((await store.read()).rows).toHaveLength(1);
  });

  it('keeps counts it could not write, for the next try', async () => {
    const folder = path.join(directory, 'data');
    writeFileSync(folder, 'a file where the data folder should be');
    const problems: string[] = [];
    const store = new UsageStore(folder, {
      flushDelayMs: 60_000,
      onProblem: (problem) => problems.push(problem.code),
    });
    store.record(event(), at);
    await store.flush();
    expect(problems).toEqual(['data-unwritable']);
    removeTree(folder);
    mkdirSync(folder);
    await store.flush();
    expect((await new UsageStore(folder).read()).rows.map((row) => row.requests)).toEqual([1]);
  });
});

describe('tokens and the usage report', () => {
  async function withKeys() {
    const payg = await services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
    const beijing = await services.vault.add({ secret: fakeKey(), label: 'team', regionId: 'cn' });
    const coding = await services.vault.add({
      secret: fakeKey('plan'),
      label: 'coding',
      regionId: 'sg',
      plan: 'coding',
    });
    return { payg: payg.record, beijing: beijing.record, coding: coding.record };
  }

  it('makes a token shown once: only its hash is kept; names are unique; a revoked token is gone', async () => {
    await withKeys();
    const { token, record } = await addGatewayToken(
      services,
      { name: 'Chatbox', keys: ['personal', 'team'] },
      at,
    );
    expect(token).toMatch(/^msk-gw-[A-Za-z0-9_-]{43}$/);
    expect(record.hash).toBe(hashGatewayToken(token));
    expect(readFileSync(path.join(directory, 'config.json'), 'utf8')).not.toContain(token);
    await expect(addGatewayToken(services, { name: 'chatbox' })).rejects.toThrow(/exists/);
    await expect(addGatewayToken(services, { name: '../etc' })).rejects.toThrow(/cannot name a token/);
    await expect(addGatewayToken(services, { name: 'x', keys: ['nobody'] })).rejects.toMatchObject({
      code: 'unknown-key',
    });
    const rows = listGatewayTokens(await services.config.read(), {
      schemaVersion: 1,
      rows: [],
      lastUsed: { Chatbox: at.toISOString() },
    });
    expect(rows).toEqual([
      {
        name: 'Chatbox',
        keys: ['personal', 'team'],
        removedKeys: 0,
        model: null,
        requestsPerMinute: null,
        createdAt: at.toISOString(),
        lastUsedAt: at.toISOString(),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(record.hash);
    await revokeGatewayToken(services, 'CHATBOX');
    expect((await services.config.read()).gateway.tokens).toEqual([]);
    await expect(revokeGatewayToken(services, 'chatbox')).rejects.toMatchObject({ code: 'unknown-token' });
  });

  it('groups by tool, key or model; prices from the region’s list, the user’s corrections win; plans cost nothing more', async () => {
    const { payg, beijing, coding } = await withKeys();
    const day = localDay(at);
    const row = (tool: string, keyId: string, model: string, inputTokens: number, outputTokens: number) => ({
      day,
      tool,
      keyId,
      model,
      requests: 1,
      failedOver: 0,
      inputTokens,
      outputTokens,
    });
    const usage = {
      schemaVersion: 1 as const,
      rows: [
        row('chatbox', payg.id, 'qwen-plus', 1_000_000, 1_000_000),
        row('chatbox', beijing.id, 'qwen-plus', 1_000_000, 0),
        row('cline', coding.id, 'qwen3-coder-plus', 500, 500),
        row('cline', payg.id, 'my-finetune', 100, 0),
        { ...row('old', payg.id, 'qwen-plus', 5, 5), day: '2026-01-01' },
      ],
      lastUsed: {},
    };
    const byTool = usageReport(await services.config.read(), usage, 'tool', day);
    expect(byTool.rows).toEqual([
      {
        name: 'chatbox',
        requests: 2,
        failedOver: 0,
        inputTokens: 2_000_000,
        outputTokens: 1_000_000,
        cost: { USD: 1.6, CNY: 0.8 },
        unpricedTokens: 0,
      },
      {
        name: 'cline',
        requests: 2,
        failedOver: 0,
        inputTokens: 600,
        outputTokens: 500,
        cost: {},
        unpricedTokens: 100,
      },
    ]);
    expect(byTool.total).toMatchObject({ requests: 4, cost: { USD: 1.6, CNY: 0.8 }, unpricedTokens: 100 });
    expect(
      usageReport(await services.config.read(), usage, 'key', '2000-01-01').rows.map((r) => [
        r.name,
        r.requests,
      ]),
    ).toEqual([
      ['personal', 3],
      ['team', 1],
      ['coding', 1],
    ]);
    expect(usageReport(await services.config.read(), usage, 'model', day).rows.map((r) => r.name)).toEqual([
      'qwen-plus',
      'qwen3-coder-plus',
      'my-finetune',
    ]);
    await services.config.update((draft) => {
      draft.settings.prices = { 'international:qwen-plus': '1/2' };
    });
    expect(usageReport(await services.config.read(), usage, 'tool', day).rows[0]?.cost).toEqual({
      USD: 3,
      CNY: 0.8,
    });
  });

  it('counts report days back from today: 1 is today alone, 7 a week', () => {
    expect(sinceDays(1, at)).toBe('2026-11-28');
    expect(sinceDays(7, at)).toBe('2026-11-22');
    expect(sinceDays(30, new Date(2026, 2, 1))).toBe('2026-01-31');
  });
});
