import { describe, expect, it } from 'vitest';
import { ObservedSecretStore } from '../../main/core/state/observed-secret-store.js';
import type { Problem } from '../../main/core/state/snapshot.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';

describe('ObservedSecretStore', () => {
  it('reports a locked keychain once, and its recovery once, answering exactly as the keychain does', async () => {
    const inner = new MemorySecretStore();
    const reports: (Problem | null)[] = [];
    const store = new ObservedSecretStore(inner, (problem) => reports.push(problem));
    await store.set('a', 'secret');
    expect(reports).toEqual([]);
    inner.failWrites = true;
    await expect(store.set('b', 'x')).rejects.toMatchObject({ code: 'keychain-locked' });
    await expect(store.set('c', 'x')).rejects.toMatchObject({ code: 'keychain-locked' });
    expect(reports).toEqual([{ code: 'keychain-locked', message: 'The keychain is locked (test).' }]);
    inner.failWrites = false;
    expect(await store.get('a')).toBe('secret');
    expect(await store.get('missing')).toBeNull();
    expect(reports).toEqual([{ code: 'keychain-locked', message: 'The keychain is locked (test).' }, null]);
  });
});
