// An account's credential, read when a call needs it and never copied anywhere: an AccessKey pair the
// user gave (its secret a keychain item of its own, beside the keys), an aliyun CLI profile by name
// (~/.aliyun/config.json, where it is), or Alibaba Cloud's standard chain (environment variables,
// the CLI's current profile, ~/.alibabacloud/credentials, an ECS RAM role).
import { MskError, messageOf } from '../base/errors.js';
import type { AccountRecord } from '../config/config-schema.js';
import type { SecretStore } from '../keys/secret-store.js';
import type { AccessCredential } from './management-client.js';

/**
 * The keychain item an account's AccessKey secret is kept under. Key items are named by a key's
 * UUID: this prefix keeps them apart, and tells `msk doctor` the item is an account's.
 */
export const ACCOUNT_SECRET_PREFIX = 'account:';
export const accountSecretItem = (accountId: string): string => `${ACCOUNT_SECRET_PREFIX}${accountId}`;

/** An AccessKey ID as surfaces show it: enough to recognise (`LTAI…7f3c`), not the whole ID. */
export const shortAccessKeyId = (accessKeyId: string): string =>
  `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;

/** What the credentials library gives (a provider's answer). */
interface ProvidedCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

interface CredentialsLibrary {
  CLIProfileCredentialsProvider: {
    builder(): { withProfileName(name: string): { build(): Provider } };
  };
  DefaultCredentialsProvider: { builder(): { build(): Provider } };
}
interface Provider {
  getCredentials(): Promise<ProvidedCredential>;
}

// Loaded with the first account call that needs it: an AccessKey in the keychain does not.
let loading: Promise<CredentialsLibrary> | undefined;
const credentialsLibrary = (): Promise<CredentialsLibrary> =>
  (loading ??= import('@alicloud/credentials').then(
    (loaded) => ((loaded as { default?: unknown }).default ?? loaded) as unknown as CredentialsLibrary,
  ));

export async function readCredential(
  account: AccountRecord,
  secrets: SecretStore,
): Promise<AccessCredential> {
  const { credential } = account;
  if (credential.kind === 'access-key') {
    const secret = await secrets.get(accountSecretItem(account.id));
    if (secret === null) {
      throw new MskError(
        'secret-missing',
        `The keychain has no AccessKey secret for the account '${account.name}' any more: connect it again.`,
        { account: account.name },
      );
    }
    return { accessKeyId: credential.accessKeyId, accessKeySecret: secret };
  }
  const library = await credentialsLibrary();
  const provider =
    credential.kind === 'profile'
      ? library.CLIProfileCredentialsProvider.builder().withProfileName(credential.profile).build()
      : library.DefaultCredentialsProvider.builder().build();
  try {
    const found = await provider.getCredentials();
    return {
      accessKeyId: found.accessKeyId,
      accessKeySecret: found.accessKeySecret,
      ...(found.securityToken && { securityToken: found.securityToken }),
    };
  } catch (error) {
    throw new MskError(
      'account-refused',
      credential.kind === 'profile'
        ? `The aliyun CLI profile '${credential.profile}' gives no credential (${messageOf(error)}): check ~/.aliyun/config.json, or run 'aliyun configure --profile ${credential.profile}'.`
        : `Alibaba Cloud's standard credential chain found nothing (${messageOf(error)}): set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or connect with --access-key-id or --profile.`,
      { reason: 'no-credential', account: account.name },
    );
  }
}
