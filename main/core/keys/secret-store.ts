// Where secrets live: a port with one real adapter, the OS keychain through @github/keytar.
// One item per key: service "Model Studio Keys" (or MSK_KEYCHAIN_SERVICE), account = key id.
import type * as keytarTypes from '@github/keytar';
import { MskError, messageOf } from '../base/errors.js';
import { keychainServiceName } from '../config/environment.js';

export interface SecretStore {
  get(keyId: string): Promise<string | null>;
  set(keyId: string, secret: string): Promise<void>;
  /** True when an item was removed. */
  delete(keyId: string): Promise<boolean>;
  /** Every item of the service (doctor: orphans, duplicates); reads every secret, so only on request. */
  list(): Promise<{ keyId: string; secret: string }[]>;
}

type Keytar = typeof keytarTypes;

/** A harmless item written and removed to learn whether the keychain takes writes. */
const PROBE_ACCOUNT = 'model-studio-keys-probe';

// Loaded on first use: listing keys must work, and start fast, without the native module. The
// bundles (msk's chunks, the app's main process) are CommonJS and have require; only an ES module
// (the tests' sources) asks node:module, which loads Node's ES module loader with it (on Node 22,
// about 0.7 ms of `msk env`).
let keytarModule: Keytar | undefined;
function keytar(): Keytar {
  keytarModule ??= (
    typeof require === 'function'
      ? require
      : process.getBuiltinModule('node:module').createRequire(import.meta.url)
  )('@github/keytar') as Keytar;
  return keytarModule;
}

export class KeychainSecretStore implements SecretStore {
  constructor(
    readonly service: string = keychainServiceName(),
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async get(keyId: string): Promise<string | null> {
    const secret = await this.call(() => keytar().getPassword(this.service, keyId));
    // A locked keyring whose unlock prompt fails or is dismissed also answers "nothing": make
    // sure the keychain is usable before anyone is told the secret is gone.
    if (secret === null) await this.assertUsable();
    return secret;
  }

  set(keyId: string, secret: string): Promise<void> {
    return this.call(() => keytar().setPassword(this.service, keyId, secret));
  }

  delete(keyId: string): Promise<boolean> {
    return this.call(() => keytar().deletePassword(this.service, keyId));
  }

  async list(): Promise<{ keyId: string; secret: string }[]> {
    const items = await this.call(() => keytar().findCredentials(this.service));
    return items
      .filter((item) => item.account !== PROBE_ACCOUNT)
      .map((item) => ({ keyId: item.account, secret: item.password }));
  }

  /** Throws the keychain's own trouble (locked, unavailable), if it has any. */
  private assertUsable(): Promise<void> {
    return this.call(async () => {
      await keytar().setPassword(this.service, PROBE_ACCOUNT, 'probe');
      await keytar().deletePassword(this.service, PROBE_ACCOUNT);
    });
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw keychainError(error, this.platform);
    }
  }
}

/** Turns a keychain failure into one line that says how to fix it on this OS. */
export function keychainError(error: unknown, platform: NodeJS.Platform): MskError {
  const detail = messageOf(error);
  const locked = /locked|unlock|interaction is not allowed|passphrase/i.test(detail);
  if (locked) {
    const hint =
      platform === 'darwin'
        ? 'unlock your login keychain in Keychain Access'
        : platform === 'win32'
          ? 'sign in to Windows again so Credential Manager is available'
          : 'unlock the login keyring (Seahorse "Passwords and Keys", or log in to your desktop session)';
    return new MskError('keychain-locked', `The keychain is locked (${detail}): ${hint}, then try again.`);
  }
  const hint =
    platform === 'darwin'
      ? 'make sure the login keychain exists in Keychain Access'
      : platform === 'win32'
        ? 'make sure Windows Credential Manager is running'
        : 'install and start a Secret Service such as GNOME Keyring (gnome-keyring) or KWallet, inside a D-Bus session';
  return new MskError('keychain-unavailable', `The keychain is unavailable (${detail}): ${hint}.`);
}
