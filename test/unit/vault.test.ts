import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../../main/core/config/config-store.js';
import { MskError } from '../../main/core/base/errors.js';
import { Vault } from '../../main/core/keys/vault.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const key = (n: number) => `sk-${n.toString(16).padStart(32, '0')}`;

describe('Vault', () => {
  const directory = useTempDirectory();
  const setup = () => {
    const config = new ConfigStore(directory());
    const secrets = new MemorySecretStore();
    return { config, secrets, vault: new Vault(config, secrets, () => new Date('2026-11-27T10:00:00Z')) };
  };

  it('stores the secret in the secret store and only metadata in config.json', async () => {
    const { vault, secrets, config } = setup();
    const { record, notices } = await vault.add({
      secret: `${key(1)}\n`,
      label: ' personal ',
      regionId: 'sg',
    });
    expect(notices).toEqual([]);
    expect(record).toMatchObject({
      label: 'personal',
      regionId: 'ap-southeast-1',
      workspaceId: 'default',
      plan: 'payg',
      shape: 'classic',
      fingerprint: '0001',
      createdAt: '2026-11-27T10:00:00.000Z',
    });
    expect(secrets.items.get(record.id)).toBe(key(1));
    expect(readFileSync(config.file, 'utf8')).not.toContain(key(1));
    expect(await vault.list()).toEqual([record]);
    expect(await vault.secretOf(await vault.find('PERSONAL'))).toBe(key(1));
  });

  it('stores one copy when the same secret is added many times at once', async () => {
    const { vault, secrets } = setup();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        vault.add({ secret: key(7), label: `copy${index}`, regionId: 'sg' }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((candidate) => candidate.status === 'rejected')) {
      expect(outcome.reason).toMatchObject({ code: 'duplicate-key' });
    }
    expect(await vault.list()).toHaveLength(1);
    expect(secrets.items.size).toBe(1);
  });

  it('refuses a label shaped like a key id, and never guesses when a hand-edited label is another key’s id', async () => {
    const { vault, config } = setup();
    const first = await vault.add({ secret: key(1), label: 'first', regionId: 'sg' });
    await expect(vault.add({ secret: key(2), label: first.record.id, regionId: 'sg' })).rejects.toMatchObject(
      {
        code: 'invalid-input',
        message: expect.stringMatching(/cannot look like a key id/),
      },
    );
    await expect(vault.rename('first', first.record.id.toUpperCase())).rejects.toThrow(
      /cannot look like a key id/,
    );
    const second = await vault.add({ secret: key(2), label: 'second', regionId: 'sg' });
    await config.update((draft) => {
      const record = draft.keys.find((candidate) => candidate.id === second.record.id);
      if (record) record.label = first.record.id;
    });
    await expect(vault.find(first.record.id)).rejects.toThrow(
      new RegExp(
        `'${first.record.id}' is the id of 'first' and the label of another key; rename that one first \\(msk rename ${second.record.id} `,
      ),
    );
    await expect(vault.remove(first.record.id)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await vault.list()).toHaveLength(2);
  });

  it('counts a label’s length in characters, not UTF-16 units', async () => {
    const { vault } = setup();
    const emoji = '🔑'.repeat(64);
    expect((await vault.add({ secret: key(1), label: emoji, regionId: 'sg' })).record.label).toBe(emoji);
    await expect(vault.add({ secret: key(2), label: `${emoji}x`, regionId: 'sg' })).rejects.toThrow(
      /at most 64 characters/,
    );
  });

  it('skips last-use and check bookkeeping it may not write, and says so through its listener', async () => {
    const { vault, config } = setup();
    const { record } = await vault.add({ secret: key(1), label: 'a', regionId: 'sg' });
    const skipped: string[] = [];
    vault.whenBookkeepingSkipped((error) => skipped.push(error.code));
    config.update = () => Promise.reject(new MskError('data-unwritable', 'Cannot write in /x.'));
    config.recordUse = () => Promise.reject(new MskError('data-unwritable', 'Cannot write in /x.'));
    await vault.markUsed(record.id);
    await vault.recordChecks([
      { keyId: record.id, lastCheck: { status: 'ok', at: '2026-11-27T10:00:00Z' } as never },
    ]);
    expect(skipped).toEqual(['data-unwritable', 'data-unwritable']);
    config.recordUse = () => Promise.reject(new MskError('config-busy', 'busy'));
    await expect(vault.markUsed(record.id)).rejects.toMatchObject({ code: 'config-busy' });
  });

  it('makes the first key of a region its active key', async () => {
    const { vault, config } = setup();
    const first = await vault.add({ secret: key(1), label: 'a', regionId: 'cn' });
    const second = await vault.add({ secret: key(2), label: 'b', regionId: 'cn' });
    expect([first.active, second.active]).toEqual([true, false]);
    expect((await config.read()).settings.activeKeyByRegion).toEqual({ 'cn-beijing': first.record.id });
  });

  it('makes a first key outside the active region work at once: the active region follows it', async () => {
    const { vault, config } = setup();
    const us = await vault.add({ secret: key(1), label: 'us', regionId: 'us' });
    expect(us).toMatchObject({ active: true, regionActivated: true });
    expect((await config.read()).settings.activeRegionId).toBe('us-east-1');
    // A region that holds a key stays the user's choice.
    const cn = await vault.add({ secret: key(2), label: 'cn', regionId: 'cn' });
    expect(cn).toMatchObject({ active: true, regionActivated: false });
    expect((await config.read()).settings.activeRegionId).toBe('us-east-1');
  });

  it('moves the active region with the last key that leaves it, removed or moved', async () => {
    const { vault, config } = setup();
    await vault.add({ secret: key(1), label: 'sg', regionId: 'sg' });
    const cn = (await vault.add({ secret: key(2), label: 'cn', regionId: 'cn' })).record;
    await vault.edit('sg', { regionId: 'us' });
    expect((await config.read()).settings.activeRegionId).toBe('us-east-1');
    await vault.remove('sg');
    expect((await config.read()).settings).toMatchObject({
      activeRegionId: 'cn-beijing',
      activeKeyByRegion: { 'cn-beijing': cn.id },
    });
    await vault.remove('cn');
    expect((await config.read()).settings.activeRegionId).toBe('cn-beijing');
  });

  it('never promotes a key of another plan over a pay-as-you-go one', async () => {
    const { vault, config } = setup();
    const active = (await vault.add({ secret: key(1), label: 'first', regionId: 'sg' })).record;
    await vault.add({ secret: `sk-sp-${'c'.repeat(32)}`, label: 'coding', regionId: 'sg', plan: 'coding' });
    const payg = (await vault.add({ secret: key(3), label: 'payg', regionId: 'sg' })).record;
    expect((await config.read()).settings.activeKeyByRegion['ap-southeast-1']).toBe(active.id);
    await vault.remove('first');
    expect((await config.read()).settings.activeKeyByRegion['ap-southeast-1']).toBe(payg.id);
  });

  it('makes the region of the pay-as-you-go key that remains active when the active region empties', async () => {
    const { vault, config } = setup();
    await vault.add({ secret: key(1), label: 'sg', regionId: 'sg' });
    await vault.add({ secret: `sk-sp-${'c'.repeat(32)}`, label: 'coding', regionId: 'cn', plan: 'coding' });
    await vault.add({ secret: key(3), label: 'us', regionId: 'us' });
    await vault.remove('sg');
    expect((await config.read()).settings.activeRegionId).toBe('us-east-1');
  });

  it('refuses a taken label (any case) and a second copy of a stored secret', async () => {
    const { vault, secrets } = setup();
    await vault.add({ secret: key(1), label: 'Personal', regionId: 'sg' });
    await expect(vault.add({ secret: key(2), label: 'personal', regionId: 'sg' })).rejects.toThrow(
      /'Personal' is already used/,
    );
    await expect(vault.add({ secret: key(1), label: 'again', regionId: 'us' })).rejects.toThrow(
      /already stored as 'Personal'/,
    );
    expect(secrets.items.size).toBe(1);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ label: '' }, /needs a label/],
    [{ label: 'x'.repeat(65) }, /at most 64/],
    [{ label: 'a\tb' }, /control characters/],
    // Text-direction overrides and isolates, C1 controls, line and paragraph separators (issue 22).
    ...[
      '\u202E',
      '\u202A',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200F',
      '\u0080',
      '\u0085',
      '\u009B',
      '\u009F',
      '\u2028',
      '\u2029',
    ].map((character): [Record<string, string>, RegExp] => [
      { label: `team${character}gnp.exe` },
      /control characters, line separators or text-direction/,
    ]),
    [{ regionId: 'mars' }, /Unknown region/],
    [{ workspaceId: 'team' }, /not a workspace id/],
    [{ accountId: 'acme' }, /not an account id/],
  ])('refuses %j and stores nothing', async (bad, message) => {
    const { vault, secrets, config } = setup();
    await expect(vault.add({ secret: key(1), label: 'ok', regionId: 'sg', ...bad })).rejects.toThrow(message);
    expect(secrets.items.size).toBe(0);
    expect(await config.read()).toMatchObject({ keys: [] });
  });

  it('never repeats a key given where a label belongs', async () => {
    const { vault } = setup();
    await vault.add({ secret: key(1), label: 'ok', regionId: 'sg' });
    const given = key(2);
    const refusal = await vault.find(given).then(
      () => expect.fail('found'),
      (error: unknown) => error as { message: string; params: unknown },
    );
    expect(refusal).toMatchObject({ code: 'unknown-key', params: { reference: `sk-…${given.slice(-4)}` } });
    expect(JSON.stringify(refusal) + refusal.message).not.toContain(given.slice(3, 30));
  });

  it('refuses the same characters when a key is renamed, and changes nothing', async () => {
    const { vault, config } = setup();
    await vault.add({ secret: key(1), label: 'ok', regionId: 'sg' });
    for (const label of ['a\u202Eb', 'a\u2066b', 'a\u0085b', 'a\u2029b']) {
      await expect(vault.rename('ok', label)).rejects.toThrow(/text-direction/);
    }
    expect((await config.read()).keys.map((record) => record.label)).toEqual(['ok']);
  });

  it('writes no metadata when the keychain refuses the secret', async () => {
    const { vault, secrets, config } = setup();
    secrets.failWrites = true;
    await expect(vault.add({ secret: key(1), label: 'a', regionId: 'sg' })).rejects.toBeInstanceOf(MskError);
    expect((await config.read()).keys).toEqual([]);
  });

  it('takes its secret back out when the metadata cannot be written', async () => {
    const config = new ConfigStore(directory());
    // Another process takes the label while this one is talking to the keychain.
    const secrets = new (class extends MemorySecretStore {
      override async set(keyId: string, secret: string) {
        await super.set(keyId, secret);
        await new Vault(config, new MemorySecretStore()).add({
          secret: key(2),
          label: 'TAKEN',
          regionId: 'sg',
        });
      }
    })();
    await expect(
      new Vault(config, secrets).add({ secret: key(1), label: 'taken', regionId: 'sg' }),
    ).rejects.toThrow(/'TAKEN' is already used/);
    expect(secrets.items.size).toBe(0);
    expect((await config.read()).keys.map((record) => record.label)).toEqual(['TAKEN']);
  });

  it('renames, edits and hands the active role over when a key leaves its region', async () => {
    const { vault, config } = setup();
    const a = (await vault.add({ secret: key(1), label: 'a', regionId: 'sg' })).record;
    const b = (await vault.add({ secret: key(2), label: 'b', regionId: 'sg' })).record;
    await vault.rename('a', 'alpha');
    await expect(vault.rename('alpha', 'B')).rejects.toThrow(/already used/);
    const moved = await vault.edit('alpha', {
      regionId: 'us',
      workspaceId: 'llm-abcd1234',
      accountId: '1234567890',
    });
    expect(moved).toMatchObject({
      label: 'alpha',
      regionId: 'us-east-1',
      workspaceId: 'llm-abcd1234',
      accountId: '1234567890',
    });
    expect((await config.read()).settings.activeKeyByRegion).toEqual({
      'ap-southeast-1': b.id,
      'us-east-1': a.id,
    });
    expect(await vault.edit('alpha', { accountId: null })).not.toHaveProperty('accountId');
  });

  it('removes metadata and secret, passing the active role to another key of the region', async () => {
    const { vault, secrets, config } = setup();
    const a = (await vault.add({ secret: key(1), label: 'a', regionId: 'sg' })).record;
    const b = (await vault.add({ secret: key(2), label: 'b', regionId: 'sg' })).record;
    await vault.remove('a');
    expect(secrets.items.has(a.id)).toBe(false);
    expect((await config.read()).settings.activeKeyByRegion['ap-southeast-1']).toBe(b.id);
    await vault.remove(b.id);
    expect((await config.read()).settings.activeKeyByRegion).toEqual({});
    await expect(vault.remove('a')).rejects.toThrow(
      /No key is labelled or identified 'a'. No keys are stored yet/,
    );
  });

  it('says how to recover when the keychain lost a secret', async () => {
    const { vault, secrets } = setup();
    const a = (await vault.add({ secret: key(1), label: 'a', regionId: 'sg' })).record;
    secrets.items.delete(a.id);
    await expect(vault.secretOf(await vault.find('a'))).rejects.toThrow(
      expect.objectContaining({
        code: 'secret-missing',
        message: expect.stringMatching(/has no secret for 'a'.*deleted outside Model Studio Keys\.$/),
        params: { label: 'a', keyId: expect.any(String) },
      }),
    );
  });

  it('warns past the seed’s soft limits but still stores', async () => {
    const { vault } = setup();
    for (let n = 1; n <= 20; n++) await vault.add({ secret: key(n), label: `k${n}`, regionId: 'sg' });
    const { notices } = await vault.add({ secret: key(21), label: 'k21', regionId: 'sg' });
    expect(notices).toEqual([
      {
        code: 'keys-per-workspace',
        message: expect.stringMatching(
          /21 keys are now stored for workspace 'default' in Singapore; Model Studio allows 20/,
        ),
        params: { count: 21, limit: 20 },
      },
    ]);

    const account = { accountId: '1234567890', regionId: 'cn' };
    for (let n = 1; n <= 10; n++) {
      const { notices: quiet } = await vault.add({
        secret: key(100 + n),
        label: `w${n}`,
        workspaceId: `llm-work${n}`,
        ...account,
      });
      expect(quiet).toEqual([]);
    }
    const eleventh = await vault.add({
      secret: key(200),
      label: 'w11',
      workspaceId: 'llm-work11',
      ...account,
    });
    expect(eleventh.notices).toEqual([
      expect.objectContaining({
        code: 'workspaces-per-account',
        message: expect.stringMatching(/keys in 11 workspaces; Model Studio allows 10 per account/),
      }),
    ]);
  });

  it('keeps a key’s plan next to its region: sk-sp- keys are Coding Plan unless told Token Plan', async () => {
    const { vault } = setup();
    const plan = `sk-sp-${key(1).slice(3)}`;
    const coding = await vault.add({ secret: plan, label: 'coding', regionId: 'cn' });
    expect(coding.record).toMatchObject({ plan: 'coding', shape: 'plan' });
    expect(coding.notices).toEqual([]);
    const token = await vault.add({
      secret: `sk-sp-${key(2).slice(3)}`,
      label: 'token',
      regionId: 'sg',
      plan: 'token',
    });
    expect(token.record).toMatchObject({ plan: 'token', regionId: 'ap-southeast-1' });
    const moved = await vault.edit('coding', { regionId: 'sg', plan: 'token' });
    expect(moved).toMatchObject({ plan: 'token', regionId: 'ap-southeast-1' });
  });

  it('says so when a key is stored under a plan its shape does not suggest, and stores it', async () => {
    const { vault } = setup();
    const { record, notices } = await vault.add({
      secret: key(1),
      label: 'odd',
      regionId: 'sg',
      plan: 'token',
    });
    expect(record.plan).toBe('token');
    expect(notices).toEqual([
      {
        code: 'plan-mismatch',
        message: expect.stringMatching(
          /Stored as a Token Plan key, although keys of this shape usually belong to the Pay-as-you-go/,
        ),
        params: { label: 'odd', plan: 'token', usualPlans: ['payg'] },
      },
    ]);
  });

  it('refuses a plan key where its plan has no endpoint, and a Tokyo key without its workspace', async () => {
    const { vault, secrets } = setup();
    await expect(
      vault.add({ secret: `sk-sp-${key(1).slice(3)}`, label: 'x', regionId: 'us' }),
    ).rejects.toMatchObject({
      code: 'plan-unavailable',
      message: expect.stringMatching(/Coding Plan has no endpoint in US \(Virginia\)/),
    });
    await expect(vault.add({ secret: key(2), label: 'y', regionId: 'tokyo' })).rejects.toMatchObject({
      code: 'workspace-required',
    });
    const tokyo = await vault.add({
      secret: key(3),
      label: 'z',
      regionId: 'tokyo',
      workspaceId: 'llm-abcd1234',
    });
    expect(tokyo.record).toMatchObject({ regionId: 'ap-northeast-1', plan: 'payg' });
    await expect(vault.edit('z', { workspaceId: 'default' })).rejects.toMatchObject({
      code: 'workspace-required',
    });
    await expect(vault.edit('z', { regionId: 'us', plan: 'coding' })).rejects.toMatchObject({
      code: 'plan-unavailable',
    });
    expect(secrets.items.size).toBe(1);
  });

  it('stores keys of every shape, masked with their family prefix', async () => {
    const { vault } = setup();
    const shapes = {
      classic: key(1),
      workspace: fakeKey('workspace'),
      plan: fakeKey('plan'),
      unusual: fakeKey('unusual'),
    };
    for (const [shape, secret] of Object.entries(shapes)) {
      const { record } = await vault.add({ secret, label: shape, regionId: 'sg' });
      expect(record).toMatchObject({ shape, fingerprint: secret.slice(-4) });
      expect(await vault.secretOf(record)).toBe(secret);
    }
  });
});
