// Where a GUI tool's gateway token is kept, beside the keys, so that its settings can be copied
// again (config.json keeps only the hash). Apart from tokens.ts: doctor names these items, and
// doctor's imports land in the chunk every msk command loads, where node:crypto has no place.

/** The keychain item of the token with this SHA-256. */
export const gatewayTokenItem = (hash: string): string => `gateway-token:${hash}`;
