// Calls to Model Studio's management OpenAPI for one account: signed by Alibaba Cloud's own library
// (@alicloud/openapi-core, ACS3-HMAC-SHA256), sent to the region's management host (or where
// MSK_OPENAPI_ENDPOINTS says), and every refusal turned into one plain `account-refused` line that
// says what to do: a wrong AccessKey, a secret that does not sign, a clock that is off, a permission
// missing (and which), throttling (retried a few times first), the service not activated, the
// network. Lists are read page by page. Nothing here ever puts a secret into an error.
import { setTimeout as sleep } from 'node:timers/promises';
import { MskError, messageOf } from '../base/errors.js';
import type { OpenApiEndpoints } from '../config/environment.js';
import {
  BSS_API,
  type BssAction,
  MANAGEMENT_API,
  type ManagementAction,
  managementHost,
  type ServiceSite,
} from '../model-studio/catalog.js';
import { redactKeys } from '../model-studio/key-format.js';

/** The credential a call is signed with. */
export interface AccessCredential {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS credentials carry a token too. */
  securityToken?: string | undefined;
}

export interface CallOptions {
  /** Replaces `{id}` in the action's path. */
  id?: string;
  query?: Record<string, string | number | undefined>;
  body?: Record<string, unknown>;
  signal?: AbortSignal;
}

/** Why the service said no, for surfaces that word it themselves. */
export type RefusalReason =
  | 'unknown-access-key'
  | 'bad-secret'
  | 'clock'
  | 'permission'
  | 'throttled'
  | 'not-activated'
  | 'not-found'
  /** DeleteWorkspace: the default workspace, or one that still holds keys. */
  | 'default-workspace'
  | 'workspace-has-keys'
  | 'refused';

/** How many times a throttled call is tried again, and the longest wait between tries. */
const THROTTLING_RETRIES = 3;
const MAX_THROTTLING_WAIT_MS = 5_000;

/**
 * Errors of a connection the other end closed under us: the library keeps connections alive, and
 * one the service (or a proxy) dropped while idle fails the next request sent on it.
 */
const DROPPED_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);

/** More pages than any account holds (10 workspaces, 20 keys each, at 100 a page): a service going round. */
const MAX_PAGES = 1_000;

/** What msk uses of Alibaba Cloud's library: its client, and the shapes of a call. */
interface OpenApiLibrary {
  Client: new (config: object) => {
    callApi(params: object, request: object, runtime: object): Promise<{ body?: unknown }>;
  };
  Config: new (map: Record<string, unknown>) => object;
  Params: new (map: Record<string, unknown>) => object;
  OpenApiRequest: new (map: Record<string, unknown>) => object;
}

// Loaded with the first call: `msk account` and the window's Account view are all that need it.
let loading: Promise<OpenApiLibrary> | undefined;
const openApi = (): Promise<OpenApiLibrary> =>
  (loading ??= import('@alicloud/openapi-core').then((loaded) => {
    // CommonJS seen from an ES module: the client class is `default`, once or twice over.
    const module = loaded as unknown as { default: { default?: unknown }; $OpenApiUtil: object };
    const utilities = (module.$OpenApiUtil ??
      (module.default as unknown as { $OpenApiUtil: object }).$OpenApiUtil) as Omit<OpenApiLibrary, 'Client'>;
    return { ...utilities, Client: (module.default.default ?? module.default) as OpenApiLibrary['Client'] };
  }));

export class ManagementClient {
  constructor(
    private readonly credential: () => Promise<AccessCredential>,
    private readonly endpoints: OpenApiEndpoints = {},
    private readonly options: { timeoutMs?: number; sleep?: (ms: number) => Promise<void> } = {},
  ) {}

  /** One call in `regionId`; the answer's body. */
  call(regionId: string, action: ManagementAction, options: CallOptions = {}): Promise<unknown> {
    const facts: { method: string; path: string; body?: 'form' } = MANAGEMENT_API.actions[action];
    const { method, path } = facts;
    return this.retried(
      {
        action,
        version: MANAGEMENT_API.version,
        style: 'ROA',
        body: facts.body ?? 'json',
        method,
        path: path.replace('{id}', encodeURIComponent(options.id ?? '')),
        endpoint: this.endpoints[regionId],
        host: managementHost(regionId),
        regionId,
        where: regionId,
        ramAction: `modelstudio:${action}`,
      },
      options,
    );
  }

  /**
   * One call to BSS OpenAPI (RPC) on `site`'s billing host (MSK_OPENAPI_ENDPOINTS' `bss` when
   * set); the answer's body.
   */
  callBss(
    site: ServiceSite,
    action: BssAction,
    options: Omit<CallOptions, 'id' | 'body'> = {},
  ): Promise<unknown> {
    const { method, path } = BSS_API.actions[action];
    return this.retried(
      {
        action,
        version: BSS_API.version,
        style: 'RPC',
        body: 'json',
        method,
        path,
        endpoint: this.endpoints.bss,
        host: BSS_API.hosts[site],
        regionId: MANAGEMENT_API.sites[site].home,
        where: BSS_API.hosts[site],
        ramAction: `${BSS_API.ramPrefix}:${action}`,
      },
      options,
    );
  }

  private async retried(target: Target, options: CallOptions): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(target, options);
      } catch (error) {
        if (options.signal?.aborted) throw refusalOf(error, target.action, target.where, target.ramAction);
        // A read is sent once more on a fresh connection; a change is not, as it may have arrived.
        if (attempt === 0 && target.method === 'GET' && droppedConnection(error)) continue;
        const wait = throttledFor(error);
        if (wait === undefined || attempt >= THROTTLING_RETRIES)
          throw refusalOf(error, target.action, target.where, target.ramAction);
        await (this.options.sleep ?? sleep)(Math.min(MAX_THROTTLING_WAIT_MS, wait * 2 ** attempt));
      }
    }
  }

  /**
   * Every row of a paged list (`maxResults`/`nextToken`), page by page: `rows` picks a page's rows
   * out of its body.
   */
  async list<T>(
    regionId: string,
    action: ManagementAction,
    rows: (body: unknown) => T[],
    options: CallOptions = {},
  ): Promise<T[]> {
    const all: T[] = [];
    // A service that hands back a token it gave before would be asked forever.
    const seen = new Set<string>();
    let nextToken: string | undefined;
    do {
      const body = await this.call(regionId, action, {
        ...options,
        query: { ...options.query, maxResults: MANAGEMENT_API.pageSize, nextToken },
      });
      all.push(...rows(body));
      const next = (body as { nextToken?: unknown } | null)?.nextToken;
      nextToken = typeof next === 'string' && next !== '' ? next : undefined;
      if (nextToken !== undefined && (seen.has(nextToken) || seen.size >= MAX_PAGES))
        throw new MskError(
          'service-refused',
          `${action} in ${regionId} kept answering with more pages; stopped after ${seen.size + 1}.`,
          { action, regionId },
        );
      if (nextToken !== undefined) seen.add(nextToken);
    } while (nextToken !== undefined && !options.signal?.aborted);
    return all;
  }

  private async once(target: Target, options: CallOptions): Promise<unknown> {
    const library = await openApi();
    const url = target.endpoint === undefined ? undefined : new URL(target.endpoint);
    const protocol = url ? url.protocol.replace(':', '').toUpperCase() : 'HTTPS';
    const { accessKeyId, accessKeySecret, securityToken } = await this.credential();
    const client = new library.Client(
      new library.Config({
        accessKeyId,
        accessKeySecret,
        ...(securityToken !== undefined && { securityToken }),
        endpoint: url ? url.host : target.host,
        protocol,
        regionId: target.regionId,
        readTimeout: this.options.timeoutMs ?? 15_000,
        connectTimeout: Math.min(this.options.timeoutMs ?? 15_000, 10_000),
      }),
    );
    const pathname = `${url ? url.pathname.replace(/\/$/, '') : ''}${target.path}`;
    const query = Object.fromEntries(
      Object.entries(options.query ?? {})
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([name, value]) => [name, String(value)]),
    );
    const response = await client.callApi(
      new library.Params({
        action: target.action,
        version: target.version,
        protocol,
        pathname,
        method: target.method,
        authType: 'AK',
        style: target.style,
        reqBodyType: target.body === 'form' ? 'formData' : 'json',
        bodyType: 'json',
      }),
      new library.OpenApiRequest({ query, ...(options.body && { body: options.body }) }),
      // Throttling is retried here, where the wait is bounded and the user's cancel is heard.
      { autoretry: false },
    );
    return response.body ?? {};
  }
}

/** Where one call goes, and what it is called for RAM. */
interface Target {
  action: string;
  version: string;
  style: 'ROA' | 'RPC';
  /** How a request's body is sent: Alibaba's SDK sends some actions' bodies as a form. */
  body: 'json' | 'form';
  method: string;
  /** The path, its `{id}` filled in. */
  path: string;
  /** MSK_OPENAPI_ENDPOINTS' URL for it, when set. */
  endpoint: string | undefined;
  host: string;
  regionId: string;
  /** The region or host a refusal names. */
  where: string;
  ramAction: string;
}

interface ServiceError {
  code?: string;
  statusCode?: number;
  message?: string;
  retryAfter?: number;
  data?: { Message?: string; message?: string; Recommend?: string };
}

const asServiceError = (error: unknown): ServiceError | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && 'statusCode' in error
    ? (error as ServiceError)
    : undefined;

const droppedConnection = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  DROPPED_CONNECTION.has(String((error as { code?: unknown }).code));

/** ms to wait before trying a throttled call again; undefined when the error is no throttling. */
function throttledFor(error: unknown): number | undefined {
  const service = asServiceError(error);
  if (!service || !/Throttling/i.test(service.code ?? '')) return undefined;
  return Math.max(200, (service.retryAfter ?? 0) * 1000 || 500);
}

/** The service's own sentence, without its request-id suffix, and no key in it. */
function serviceSentence(service: ServiceError): string {
  const text = service.data?.Message ?? service.data?.message ?? service.message ?? '';
  return redactKeys(
    text
      .replace(/^code: \d+, /, '')
      .replace(/ request id: .*$/, '')
      .trim(),
  );
}

/** A network error as one sentence: the library glues "GET <url> failed." onto Node's message. */
const networkSentence = (error: unknown): string =>
  messageOf(error).replace(/\s*(GET|POST|PUT|DELETE) (https?:\/\/\S+) failed\.$/, ' ($1 $2)');

/** Whether `error` is the service's refusal for `reason` (a permission missing, a region not activated…). */
export const refusedFor = (error: unknown, reason: RefusalReason): boolean =>
  error instanceof MskError && error.code === 'account-refused' && error.params.reason === reason;

/** An error of the library (or the network) as one line the user can act on. */
export function refusalOf(
  error: unknown,
  action: string,
  regionId: string,
  ramAction = `modelstudio:${action}`,
): MskError {
  if (error instanceof MskError) return error;
  const service = asServiceError(error);
  if (!service) {
    return new MskError(
      'network',
      `${ramAction.startsWith(`${BSS_API.ramPrefix}:`) ? "Alibaba Cloud's billing API at" : "Model Studio's management API in"} ${regionId} could not be reached: ${redactKeys(networkSentence(error))}.`,
      { action, regionId },
    );
  }
  const code = service.code ?? '';
  const said = serviceSentence(service);
  const refuse = (reason: RefusalReason, message: string, extra: Record<string, string> = {}) =>
    new MskError('account-refused', message, { reason, code, action, regionId, ...extra });
  if (/^InvalidAccessKeyId/i.test(code))
    return refuse(
      'unknown-access-key',
      'Alibaba Cloud does not know this AccessKey ID (deleted, disabled, or of the other site): check it in the RAM console.',
    );
  if (/SignatureDoesNotMatch|IncompleteSignature/i.test(code))
    return refuse(
      'bad-secret',
      'The AccessKey secret does not match its ID: the signature was refused. Connect again with the right secret.',
    );
  if (/TimeStamp|RequestTimeTooSkewed|Expired/i.test(code))
    return refuse(
      'clock',
      "The signature carries this computer's time and Alibaba Cloud refused it as too far off: set the clock right (automatic time), then try again.",
    );
  // Before the permission's 403: the service says not activated with a 403 too.
  if (/NotActivated|NotOpen|ServiceNotEnabled/i.test(code))
    return refuse(
      'not-activated',
      `Model Studio is not activated for this account in ${regionId}: activate it in the console first.`,
    );
  if (/Forbidden|NoPermission|AccessDenied/i.test(code) || service.statusCode === 403)
    return refuse(
      'permission',
      `This AccessKey may not call ${action} (${ramAction}): add that action to the RAM user's policy.`,
      { permission: ramAction },
    );
  if (/Throttling/i.test(code))
    return refuse(
      'throttled',
      'Alibaba Cloud is limiting calls from this account right now: try again in a minute.',
    );
  if (service.statusCode === 404 || /NotFound|NotExist/i.test(code))
    return refuse('not-found', said || `${action} found nothing of that id.`);
  return refuse('refused', `${action} was refused (${code || service.statusCode}): ${said}`);
}
