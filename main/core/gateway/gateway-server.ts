// The local gateway: a GUI tool talks to http://127.0.0.1:<port>/v1 with a token of its own, and
// the gateway puts the real key on the request on its way to Model Studio — the tool never holds
// the key. It refuses what a web page could send (a foreign Host: DNS rebinding; any Origin),
// streams answers through as they come (with backpressure; a client that goes away cancels the
// request upstream), fails over to the token's next key when one is refused for its rate, quota,
// account or a server error before anything reached the tool, sends a request again once with a
// key's new value when a rotation refused the old one (rotation-wait.ts), and counts tokens per
// tool, key, model and day (never a prompt, an answer or a header). It forwards only what a tool
// needs to use models (request-target.ts), holds a limited token to its model (request-body.ts),
// and masks any key in what it passes back (redaction.ts).
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Agent, Dispatcher } from 'undici';
import type { Config, GatewayToken, KeyRecord } from '../config/config-schema.js';
import { watchConfig, type ConfigWatcher } from '../config/config-watcher.js';
import { isMskError, MskError, messageOf } from '../base/errors.js';
import { GATEWAY, gatewayUrl } from '../model-studio/catalog.js';
import { endpointsForKey, type Services } from '../keys/services.js';
import { activeKey } from '../keys/active-key.js';
import { type TokenUsage, UsageMeter } from './metering.js';
import { Redaction } from './redaction.js';
import { renewedSecret, type RotationWait } from './rotation-wait.js';
import { prepareBody } from './request-body.js';
import { checkTarget } from './request-target.js';
import { hashGatewayToken, keysOfToken, tokenOf } from './tokens.js';
import { decodedBody } from './upstream-body.js';
import { OTHER_MODEL, type UsageEvent, type UsageStore } from './usage-store.js';

export interface GatewayOptions {
  services: Services;
  usage: UsageStore;
  /** The port to listen on: the settings' (gatewayPort) unless given; 0 for any free one. */
  port?: number;
  /** Told of every request (no content), and of trouble that is not a request's. */
  onEvent?: (event: GatewayEvent) => void;
  /** How long to wait for Model Studio to start answering. */
  upstreamTimeoutMs?: number;
  /** How a 401 during a key's rotation waits for the new value. */
  rotationWait?: RotationWait;
}

export type GatewayEvent =
  | {
      kind: 'request';
      tool: string | undefined;
      method: string;
      path: string;
      status: number;
      /** The label of the key that answered. */
      key?: string;
      failedOver: number;
      ms: number;
    }
  | { kind: 'problem'; message: string };

export interface RunningGateway {
  port: number;
  /** The base URL an OpenAI-compatible tool is given. */
  url: string;
  close(): Promise<void>;
}

/** The largest request body taken: enough for long prompts with images as data URLs. */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;
/** How much of a refusal is read to tell a quota or arrears from other refusals. */
const MAX_ERROR_BYTES = 64 * 1024;
// Which refusals another key may not meet: its account's rate, quota or standing, or a server fault.
const FAIL_OVER_BODY = /AllocationQuota|FreeTierOnly|insufficient_quota|quota exceeded|Arrearage|overdue/i;
/**
 * Headers that belong to one connection (an `Expect: 100-continue` is answered here), or carry
 * the tool's credentials: never forwarded. Nor is any other header that holds the token.
 */
const NOT_FORWARDED = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'authorization',
  'x-api-key',
  'api-key',
  'content-length',
  'accept-encoding',
  'origin',
  'referer',
  'cookie',
]);
/** The length goes: a masked key changes it, and a usage chunk taken out. */
const NOT_RETURNED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'set-cookie',
]);

// undici is loaded with the gateway: nothing else in a gateway process needs it sooner.
let agentLoading: Promise<Agent> | undefined;
const agent = (): Promise<Agent> =>
  (agentLoading ??= import('undici').then(
    ({ Agent }) => new Agent({ connections: 128, keepAliveTimeout: 30_000, pipelining: 1 }),
  ));

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { services, usage } = options;
  const say = options.onEvent ?? (() => undefined);
  let config = await services.config.read();
  // A key's secret, read once (and by one read, however many requests wait for it).
  const secrets = new Map<string, Promise<string>>();
  const limiter = new RequestLimiter();
  const dispatcher = await agent();

  // The config is read once and again when the data directory changes, not per request.
  let lastLookup = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | undefined;
  const reread = (): Promise<void> =>
    (reading ??= services.config
      .read()
      .then((next) => {
        config = next;
        // A key's secret is read again after any change (a restore may replace it).
        secrets.clear();
      })
      .catch((error: unknown) =>
        say({ kind: 'problem', message: `Kept the previous settings: ${messageOf(error)}` }),
      )
      .finally(() => (reading = undefined)));
  const watcher: ConfigWatcher = await watchConfig(services.config.directory, () => void reread());
  /**
   * The token presented; one unknown is looked up again in a fresh read (made a moment ago, before
   * the watch told?) — at most 20 times a second, whoever sends unknown tokens. Requests that
   * arrive while a read is under way wait for it: a tool's first requests, sent at once, all pass.
   */
  const findToken = async (hash: string | undefined): Promise<GatewayToken | undefined> => {
    const find = () => config.gateway.tokens.find((candidate) => candidate.hash === hash);
    if (hash === undefined || find()) return find();
    if (reading) await reading;
    if (find() || performance.now() - lastLookup < 50) return find();
    lastLookup = performance.now();
    await reread();
    return find();
  };

  const port = options.port ?? config.settings.gatewayPort;
  /** The names a request may be addressed to: known once listening (a port 0 becomes a real one). */
  const allowedHosts = new Set<string>();
  let listening = port;
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      say({ kind: 'problem', message: messageOf(error) });
      if (!response.headersSent) answerError(response, 500, 'gateway_error', 'The gateway failed.');
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? 'GET';
    const target = request.url ?? '/';
    const report = (status: number, extra: { tool?: string; key?: string; failedOver?: number } = {}) =>
      say({
        kind: 'request',
        tool: extra.tool,
        method,
        path: target.split('?')[0]?.slice(0, 200) ?? '',
        status,
        ...(extra.key !== undefined && { key: extra.key }),
        failedOver: extra.failedOver ?? 0,
        ms: Math.round(performance.now() - started),
      });
    const refuse = (status: number, code: string, message: string, tool?: string) => {
      report(status, tool === undefined ? {} : { tool });
      answerError(response, status, code, message);
    };

    // A page the browser loaded from elsewhere reaches 127.0.0.1 by a name it controls (DNS
    // rebinding) or says where it comes from: neither is a tool on this computer.
    const hosts = request.rawHeaders.filter(
      (name, index) => index % 2 === 0 && name.toLowerCase() === 'host',
    );
    if (hosts.length > 1) return refuse(400, 'bad_request', 'A request has one Host header.');
    if (!allowedHosts.has(request.headers.host ?? ''))
      return refuse(403, 'forbidden_host', `Requests must be addressed to 127.0.0.1:${listening}.`);
    if (request.headers.origin !== undefined)
      return refuse(403, 'forbidden_origin', 'The gateway does not take requests from web pages.');

    const checked = checkTarget(method, target);
    if (!checked.ok) return refuse(checked.status, checked.code, checked.message);

    // One answer for a token that never existed and one revoked: nothing to learn by trying.
    const presented = tokenOf(request.headers);
    const hash = presented === undefined ? undefined : hashGatewayToken(presented);
    const token = await findToken(hash);
    if (!token || presented === undefined) return refuse(401, 'invalid_api_key', 'Invalid gateway token.');
    const wait = limiter.take(token);
    if (wait > 0) {
      response.setHeader('retry-after', String(Math.ceil(wait / 1000)));
      return refuse(
        429,
        'limit_requests',
        `The token '${token.name}' made too many requests; wait a moment.`,
        token.name,
      );
    }

    let keys: KeyRecord[];
    try {
      keys = keysOf(config, token);
    } catch (error) {
      return refuse(503, 'no_key', isMskError(error) ? error.message : messageOf(error), token.name);
    }

    const body = await readBody(request);
    if (body === undefined) {
      return refuse(
        413,
        'request_too_large',
        'The request is larger than the gateway takes (32 MB).',
        token.name,
      );
    }
    const prepared = prepareBody(body, request.headers, token, checked.path);
    if (!prepared.ok) return refuse(prepared.status, 'unreadable_request', prepared.message, token.name);
    const count = (record: KeyRecord, outcome: UsageEvent['outcome'], used?: TokenUsage) =>
      usage.record({ tool: token.name, keyId: record.id, model: prepared.model, outcome, ...used });
    // Refused or failed over: counted, but not by the model the tool named.
    const countRefused = (record: KeyRecord, outcome: UsageEvent['outcome']) =>
      usage.record({ tool: token.name, keyId: record.id, model: OTHER_MODEL, outcome });

    // Cancelled when the tool goes away: the request upstream stops too.
    const cancel = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) cancel.abort();
    });

    let failedOver = 0;
    // Keys already sent again with a value renewed by a rotation: once each.
    const renewed = new Set<string>();
    for (let index = 0; index < keys.length; index++) {
      const record = keys[index] as KeyRecord;
      const base = endpointsForKey(services.environment, config, record)[checked.route.base];
      const last = index === keys.length - 1;
      if (base === null) {
        if (!last) continue;
        report(404, { tool: token.name, failedOver });
        return answerError(
          response,
          404,
          'not_found',
          `The ${record.plan} plan of '${record.label}' has no native API.`,
        );
      }
      const secret = await secretOf(record);
      let upstream: Dispatcher.ResponseData;
      try {
        const origin = new URL(base);
        upstream = await dispatcher.request({
          origin: origin.origin,
          path: origin.pathname.replace(/\/$/, '') + checked.path + checked.query,
          method: method as Dispatcher.HttpMethod,
          headers: forwardedHeaders(request, {
            secret,
            presented,
            body: prepared.body,
            rewritten: prepared.rewritten,
          }),
          body: method === 'GET' || method === 'HEAD' ? null : prepared.body,
          signal: cancel.signal,
          headersTimeout: options.upstreamTimeoutMs ?? 300_000,
          bodyTimeout: 0,
        });
      } catch (error) {
        if (cancel.signal.aborted) return report(499, { tool: token.name, key: record.label, failedOver });
        if (!last) {
          countRefused(record, 'failed-over');
          failedOver += 1;
          continue;
        }
        report(502, { tool: token.name, key: record.label, failedOver });
        return answerError(
          response,
          502,
          'upstream_unreachable',
          `Model Studio could not be reached: ${messageOf(error)}.`,
        );
      }

      const { statusCode } = upstream;
      const answer = decodedBody(upstream);
      if (!answer) {
        upstream.body.destroy();
        report(502, { tool: token.name, key: record.label, failedOver });
        return answerError(
          response,
          502,
          'upstream_unreadable',
          'Model Studio answered in an encoding the gateway cannot read.',
        );
      }
      // Whatever the answer holds, no key reaches the tool: the ones the token may use are masked
      // by their value, anything shaped like a key by its shape.
      const redaction = new Redaction(await secretsOf(keys));
      const headers = redaction.headers(returnedHeaders(upstream.headers));
      if (statusCode >= 400) {
        // Refusals are small: read whole, to tell a quota from a bad request, then failed over or given.
        const { bytes: refusal, whole } = await readCapped(answer, MAX_ERROR_BYTES);
        if (statusCode === 401 && !renewed.has(record.id)) {
          renewed.add(record.id);
          const fresh = await renewedSecret(services, record.id, secret, options.rotationWait);
          if (fresh !== undefined) {
            secrets.set(record.id, Promise.resolve(fresh));
            index -= 1;
            continue;
          }
        }
        const failOver =
          statusCode === 429 || statusCode >= 500 || FAIL_OVER_BODY.test(refusal.toString('utf8'));
        if (failOver && !last) {
          countRefused(record, 'failed-over');
          failedOver += 1;
          continue;
        }
        const masked = redaction.body(refusal, !whole);
        response.writeHead(statusCode, { ...headers, 'content-length': masked.length });
        response.end(masked);
        countRefused(record, 'answered');
        return report(statusCode, { tool: token.name, key: record.label, failedOver });
      }

      const contentType = String(upstream.headers['content-type'] ?? '');
      const meter = new UsageMeter(
        contentType.includes('text/event-stream') ? 'sse' : contentType.includes('json') ? 'json' : 'other',
        prepared.stripUsageChunk,
      );
      // The meter takes out the usage chunk it asked for, then the redaction masks what is left.
      const masking = redaction.stream();
      response.writeHead(statusCode, headers);
      // A stream's first byte must not wait for the first chunk's write.
      response.flushHeaders();
      try {
        for await (const chunk of answer) {
          const out = masking.pass(meter.pass(chunk as Buffer));
          if (out.length > 0 && !response.write(out))
            await once(response, 'drain', { signal: cancel.signal });
        }
      } catch (error) {
        if (!cancel.signal.aborted)
          say({ kind: 'problem', message: `An answer broke off: ${messageOf(error)}` });
        response.destroy();
        const { usage: used } = meter.finish();
        count(record, 'answered', used);
        return report(499, { tool: token.name, key: record.label, failedOver });
      }
      const { rest, usage: used } = meter.finish();
      response.end(Buffer.concat([masking.pass(rest), masking.finish()]));
      count(record, 'answered', used);
      return report(statusCode, { tool: token.name, key: record.label, failedOver });
    }
  }

  function secretOf(record: KeyRecord): Promise<string> {
    let secret = secrets.get(record.id);
    if (!secret) {
      secret = services.vault.secretOf(record);
      secrets.set(record.id, secret);
      // A failed read (a locked keychain) is tried again by the next request.
      secret.catch(() => secrets.delete(record.id));
    }
    return secret;
  }

  /** The secrets of every key the token may use (the one that answered and those it fails over through). */
  async function secretsOf(keys: readonly KeyRecord[]): Promise<string[]> {
    const read = await Promise.allSettled(keys.map(secretOf));
    return read.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  await listen(server, port);
  const bound = (server.address() as AddressInfo).port;
  listening = bound;
  allowedHosts.add(`${GATEWAY.host}:${bound}`).add(`localhost:${bound}`);
  return {
    port: bound,
    url: gatewayUrl(bound),
    close: async () => {
      watcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await usage.flush();
    },
  };
}

/** The keys a token stands for, in the order they are tried. */
export function keysOf(config: Config, token: GatewayToken): KeyRecord[] {
  if (token.keyIds.length === 0) return [activeKey(config)];
  const keys = keysOfToken(config, token);
  if (keys.length === 0)
    throw new MskError(
      'unknown-key',
      `The keys of the token '${token.name}' were removed; give it a key with msk gateway token add.`,
    );
  return keys;
}

function forwardedHeaders(
  request: IncomingMessage,
  sent: { secret: string; presented: string; body: Buffer; rewritten: boolean },
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, given] of Object.entries(request.headers)) {
    if (given === undefined || NOT_FORWARDED.has(name) || name.startsWith('proxy-')) continue;
    const value = Array.isArray(given) ? given.join(', ') : given;
    // Wherever else a client put its token (x-goog-api-key, …), it stays here.
    if (!value.includes(sent.presented)) headers[name] = value;
  }
  // Model Studio takes a Bearer token everywhere (its Anthropic endpoint refuses x-api-key).
  headers.authorization = `Bearer ${sent.secret}`;
  // Answers are metered and masked as they pass: uncompressed.
  headers['accept-encoding'] = 'identity';
  if (sent.rewritten) headers['content-type'] = 'application/json';
  if (sent.body.length > 0) headers['content-length'] = String(sent.body.length);
  return headers;
}

function returnedHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const returned: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !NOT_RETURNED.has(name) && !name.startsWith('access-control-'))
      returned[name] = value;
  }
  return returned;
}

/** An error in the OpenAI-compatible shape, which every client of the gateway reads. */
function answerError(response: ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify({ error: { message, type: code, param: null, code } });
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The whole request body, or undefined past MAX_REQUEST_BYTES. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The body up to about `cap` bytes (whole chunks), and whether that is all of it. */
async function readCapped(
  body: AsyncIterable<unknown>,
  cap: number,
): Promise<{ bytes: Buffer; whole: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let whole = true;
  for await (const chunk of body) {
    if (size < cap) chunks.push(chunk as Buffer);
    else whole = false;
    size += (chunk as Buffer).length;
  }
  return { bytes: Buffer.concat(chunks), whole };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new MskError(
              'busy',
              `Port ${port} on ${GATEWAY.host} is in use (another gateway?); choose another with --port.`,
            )
          : error,
      );
    server.once('error', fail);
    // Loopback only: nothing on the network can reach it.
    server.listen(port, GATEWAY.host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

/** Requests a minute per token: a fixed window per token, counted in memory. */
class RequestLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** 0 when the request may go now, else how many ms until it may. */
  take(token: GatewayToken, now: number = Date.now()): number {
    if (token.requestsPerMinute === undefined) return 0;
    const window = this.windows.get(token.hash);
    if (!window || now - window.start >= 60_000) {
      this.windows.set(token.hash, { start: now, count: 1 });
      return 0;
    }
    if (window.count >= token.requestsPerMinute) return window.start + 60_000 - now;
    window.count += 1;
    return 0;
  }
}
