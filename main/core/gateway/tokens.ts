// A gateway token: what a tool holds instead of the key. Random, shown once, kept only as its
// SHA-256 — a hash of 256 random bits needs no salt or slow hash, and a lookup by hash takes the
// same time whichever token is asked about.
import { createHash, randomBytes } from 'node:crypto';
import type { Config, GatewayToken, KeyRecord } from '../config/config-schema.js';
import { GATEWAY } from '../model-studio/catalog.js';

/** A new token: the prefix, then 32 random bytes in base64url. */
export const newGatewayToken = (): string => `${GATEWAY.tokenPrefix}${randomBytes(32).toString('base64url')}`;

export const hashGatewayToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The token a request carries, as a client sends an API key: `Authorization: Bearer …` (OpenAI
 * clients), `x-api-key` (Anthropic clients) or `api-key` (Azure-style clients).
 */
export function tokenOf(headers: {
  authorization?: string;
  'x-api-key'?: string | string[];
  'api-key'?: string | string[];
}): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  const given = (value: string | string[] | undefined) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  return bearer ?? given(headers['x-api-key']) ?? given(headers['api-key']);
}

/** The stored keys a token names, in its failover order; keys removed since are left out. */
export const keysOfToken = (config: Config, token: GatewayToken): KeyRecord[] =>
  token.keyIds.flatMap((id) => config.keys.filter((key) => key.id === id));
