// The app's gateway follows the config: on while the setting is on and a tool has a token, on the
// port the settings name, off otherwise; a port already taken is said, and tried again on the next
// change; what went through today reaches the tray and the window.
import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addGatewayToken } from '../../main/core/actions/gateway.js';
import {
  type GatewayStatus,
  GatewayRunner,
  type GatewayToday,
} from '../../main/core/gateway/gateway-runner.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { removeTree } from '../fixtures/temp-directory.js';
import { freePort } from '../fixtures/free-port.js';

describe('the app’s gateway runner', () => {
  let server: FakeModelStudio;
  let directory: string;
  let services: Services;
  let runner: GatewayRunner;
  let told: { status: GatewayStatus; today: GatewayToday }[];
  const secret = fakeKey();

  beforeAll(async () => {
    server = await startModelStudio();
    server.addKey('ap-southeast-1', secret);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'msk-runner-'));
    services = createServices(
      { dataDirectory: directory, keychainService: 'unused', endpointOverrides: server.overrides },
      new MemorySecretStore(),
    );
    await services.vault.add({ secret, label: 'personal', regionId: 'sg' });
    told = [];
    runner = new GatewayRunner(services, {
      onChange: (status, today) => told.push({ status, today }),
      flushDelayMs: 10,
    });
  });
  afterEach(async () => {
    await runner.close();
    removeTree(directory);
  });

  const follow = async () => runner.follow(await services.config.read());
  const setPort = (port: number) =>
    services.config.update((draft) => {
      draft.settings.gatewayPort = port;
    });

  it('stays off without a token, runs once a tool has one, and stops when turned off', async () => {
    await setPort(await freePort());
    await follow();
    expect(runner.status()).toEqual({ state: 'off' });
    const { token } = await addGatewayToken(services, { name: 'chatbox' });
    await follow();
    const status = runner.status();
    expect(status.state).toBe('running');
    if (status.state !== 'running') return;
    const answer = await fetch(`${status.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(answer.status).toBe(200);
    // Today's count reaches whoever listens once it is written.
    await expect
      .poll(() => told.at(-1)?.today, { timeout: 3000 })
      .toEqual({ requests: 1, cost: { USD: (5 * 0.4 + 4 * 1.2) / 1_000_000 } });
    await services.config.update((draft) => {
      draft.settings.gatewayEnabled = false;
    });
    await follow();
    expect(runner.status()).toEqual({ state: 'off' });
    await expect(fetch(status.url)).rejects.toThrow();
  });

  it('is off once closed, and runs again when followed (a restart into an update that did not start)', async () => {
    await setPort(await freePort());
    await addGatewayToken(services, { name: 'chatbox' });
    await follow();
    const status = runner.status();
    expect(status.state).toBe('running');
    if (status.state !== 'running') return;
    await runner.close();
    expect(runner.status()).toEqual({ state: 'off' });
    expect(told.at(-1)?.status).toEqual({ state: 'off' });
    await expect(fetch(status.url)).rejects.toThrow();
    await follow();
    expect(runner.status()).toMatchObject({ state: 'running', port: status.port });
  });

  it('says the port is taken, and starts on the next change once it is free; moves with the setting', async () => {
    const port = await freePort();
    const squatter: Server = await new Promise((resolve) => {
      const taken = createServer().listen(port, '127.0.0.1', () => resolve(taken));
    });
    await setPort(port);
    await addGatewayToken(services, { name: 'cline' });
    await follow();
    expect(runner.status()).toEqual({
      state: 'failed',
      port,
      message: expect.stringMatching(new RegExp(`^Port ${port} on 127\\.0\\.0\\.1 is in use`)),
    });
    await new Promise((resolve) => squatter.close(resolve));
    await follow();
    expect(runner.status()).toMatchObject({ state: 'running', port });
    const moved = await freePort();
    await setPort(moved);
    await follow();
    expect(runner.status()).toMatchObject({
      state: 'running',
      port: moved,
      url: `http://127.0.0.1:${moved}/v1`,
    });
    expect(told.map((entry) => entry.status.state)).toEqual(expect.arrayContaining(['failed', 'running']));
  });
});
