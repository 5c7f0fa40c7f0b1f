// A secret store that says when the keychain is in trouble (locked, unavailable) and when it is
// fine again, so the app can show the problem — and its fix — instead of failing one click at a
// time. Wraps the real store; changes nothing about what it answers.
import { isMskError, type ErrorCode } from '../base/errors.js';
import type { SecretStore } from '../keys/secret-store.js';
import type { Problem } from './snapshot.js';

const KEYCHAIN_TROUBLE: readonly ErrorCode[] = ['keychain-locked', 'keychain-unavailable'];

export class ObservedSecretStore implements SecretStore {
  private reported: Problem | null = null;

  constructor(
    private readonly inner: SecretStore,
    private readonly onProblem: (problem: Problem | null) => void,
  ) {}

  get(keyId: string) {
    return this.observe(() => this.inner.get(keyId));
  }

  set(keyId: string, secret: string) {
    return this.observe(() => this.inner.set(keyId, secret));
  }

  delete(keyId: string) {
    return this.observe(() => this.inner.delete(keyId));
  }

  list() {
    return this.observe(() => this.inner.list());
  }

  private async observe<T>(operation: () => Promise<T>): Promise<T> {
    try {
      const result = await operation();
      this.report(null);
      return result;
    } catch (error) {
      if (isMskError(error) && KEYCHAIN_TROUBLE.includes(error.code)) {
        this.report({ code: error.code, message: error.message });
      }
      throw error;
    }
  }

  private report(problem: Problem | null): void {
    if (problem?.code === this.reported?.code) return;
    this.reported = problem;
    this.onProblem(problem);
  }
}
