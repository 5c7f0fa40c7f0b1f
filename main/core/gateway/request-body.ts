// The request body as it goes upstream. A token limited to one model gets that model in every
// request — so its body must be one the gateway can read and rewrite: uncompressed JSON (in any
// spelling of its media type), always sent re-serialised, so `model` appears once whatever parser
// Model Studio uses (JSON.parse takes the last of two, another parser may take the first). A
// streamed chat completion asks for its usage (the gateway meters it) unless the tool did.
import type { GatewayToken } from '../config/config-schema.js';

export type PreparedBody =
  | {
      ok: true;
      body: Buffer;
      /** The model asked for ('' when none is named), for usage. */
      model: string;
      /** The gateway asked for the usage chunk the tool did not ask for: it is taken out again. */
      stripUsageChunk: boolean;
      /** Written by the gateway: sent as `application/json`, whatever the tool called it. */
      rewritten: boolean;
    }
  | { ok: false; status: 400 | 415; message: string };

export interface BodyHeaders {
  'content-type'?: string | undefined;
  'content-encoding'?: string | undefined;
}

/** `application/json` or `application/…+json`, in any case, its parameters aside. */
const isJsonType = (contentType: string | undefined): boolean =>
  /^application\/(?:[\w.-]+\+)?json$/i.test((contentType ?? '').split(';')[0]?.trim() ?? '');

const isUncompressed = (encoding: string | undefined): boolean =>
  encoding === undefined || /^\s*(?:identity)?\s*$/i.test(encoding);

export function prepareBody(
  body: Buffer,
  headers: BodyHeaders,
  token: GatewayToken,
  pathname: string,
): PreparedBody {
  const limited = token.model !== undefined;
  const asIs = {
    ok: true,
    body,
    model: token.model ?? '',
    stripUsageChunk: false,
    rewritten: false,
  } as const;
  if (body.length === 0) return asIs;
  const unreadable = (status: 400 | 415, what: string): PreparedBody =>
    limited
      ? {
          ok: false,
          status,
          message: `The token '${token.name}' may use only ${token.model}, and this request ${what}: send uncompressed JSON (Content-Type: application/json) so the gateway can hold it to its model.`,
        }
      : asIs;
  if (!isJsonType(headers['content-type'])) return unreadable(415, 'is not JSON');
  if (!isUncompressed(headers['content-encoding'])) return unreadable(415, 'is compressed');
  let json: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return unreadable(400, 'is not a JSON object');
    json = parsed as Record<string, unknown>;
  } catch {
    return unreadable(400, 'cannot be read as JSON');
  }
  let rewritten = limited;
  if (limited) json.model = token.model;
  let stripUsageChunk = false;
  const options = json.stream_options as { include_usage?: unknown } | undefined;
  if (pathname.endsWith('/chat/completions') && json.stream === true && options?.include_usage !== true) {
    json.stream_options = { ...options, include_usage: true };
    stripUsageChunk = rewritten = true;
  }
  return {
    ok: true,
    body: rewritten ? Buffer.from(JSON.stringify(json)) : body,
    model: typeof json.model === 'string' ? json.model : '',
    stripUsageChunk,
    rewritten,
  };
}
