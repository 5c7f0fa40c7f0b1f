// Calls to Model Studio's management OpenAPI for one account: signed by Alibaba Cloud's own library
// (@alicloud/openapi-core, ACS3-HMAC-SHA256), sent to the region's management host (or where
// MSK_OPENAPI_ENDPOINTS says), and every refusal turned into one plain `account-refused` line that
// says what to do: a wrong AccessKey, a secret that does not sign, a clock that is off, a permission
// missing (and which), throttling (retried a few times first), the service not activated, the
// network. Lists are read page by page. Nothing here ever puts a secret into an error.
import { MskError, messageOf } from '../base/errors.js';
import type { OpenApiEndpoints } from '../config/environment.js';
import { MANAGEMENT_API, type ManagementAction, managementHost } from '../model-studio/catalog.js';
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
  | 'refused';

/** How many times a throttled call is tried again, and the longest wait between tries. */
const THROTTLING_RETRIES = 3;
const MAX_THROTTLING_WAIT_MS = 5_000;

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
  async call(regionId: string, action: ManagementAction, options: CallOptions = {}): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(regionId, action, options);
      } catch (error) {
        const wait = throttledFor(error);
        if (wait === undefined || attempt >= THROTTLING_RETRIES || options.signal?.aborted)
          throw refusalOf(error, action, regionId);
        await (this.options.sleep ?? delay)(Math.min(MAX_THROTTLING_WAIT_MS, wait * 2 ** attempt));
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
    let nextToken: string | undefined;
    do {
      const body = await this.call(regionId, action, {
        ...options,
        query: { ...options.query, maxResults: MANAGEMENT_API.pageSize, nextToken },
      });
      all.push(...rows(body));
      const next = (body as { nextToken?: unknown }).nextToken;
      nextToken = typeof next === 'string' && next !== '' ? next : undefined;
    } while (nextToken !== undefined && !options.signal?.aborted);
    return all;
  }

  private async once(regionId: string, action: ManagementAction, options: CallOptions): Promise<unknown> {
    const library = await openApi();
    const facts: { method: string; path: string; body?: 'form' } = MANAGEMENT_API.actions[action];
    const { method, path } = facts;
    const target = this.endpoints[regionId];
    const url = target === undefined ? undefined : new URL(target);
    const protocol = url ? url.protocol.replace(':', '').toUpperCase() : 'HTTPS';
    const { accessKeyId, accessKeySecret, securityToken } = await this.credential();
    const client = new library.Client(
      new library.Config({
        accessKeyId,
        accessKeySecret,
        ...(securityToken !== undefined && { securityToken }),
        endpoint: url ? url.host : managementHost(regionId),
        protocol,
        regionId,
        readTimeout: this.options.timeoutMs ?? 15_000,
        connectTimeout: Math.min(this.options.timeoutMs ?? 15_000, 10_000),
      }),
    );
    const pathname = `${url ? url.pathname.replace(/\/$/, '') : ''}${path.replace('{id}', encodeURIComponent(options.id ?? ''))}`;
    const query = Object.fromEntries(
      Object.entries(options.query ?? {})
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([name, value]) => [name, String(value)]),
    );
    const response = await client.callApi(
      new library.Params({
        action,
        version: MANAGEMENT_API.version,
        protocol,
        pathname,
        method,
        authType: 'AK',
        style: 'ROA',
        reqBodyType: facts.body === 'form' ? 'formData' : 'json',
        bodyType: 'json',
      }),
      new library.OpenApiRequest({ query, ...(options.body && { body: options.body }) }),
      // Throttling is retried here, where the wait is bounded and the user's cancel is heard.
      { autoretry: false },
    );
    return response.body ?? {};
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

/** Whether `error` is the service's refusal for `reason` (a permission missing, a region not activated…). */
export const refusedFor = (error: unknown, reason: RefusalReason): boolean =>
  error instanceof MskError && error.code === 'account-refused' && error.params.reason === reason;

/** An error of the library (or the network) as one line the user can act on. */
export function refusalOf(error: unknown, action: ManagementAction, regionId: string): MskError {
  if (error instanceof MskError) return error;
  const service = asServiceError(error);
  if (!service) {
    return new MskError(
      'network',
      `Model Studio's management API in ${regionId} could not be reached: ${redactKeys(messageOf(error))}.`,
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
  if (/Forbidden|NoPermission|AccessDenied/i.test(code) || service.statusCode === 403)
    return refuse(
      'permission',
      `This AccessKey may not call ${action} (modelstudio:${action}): add that action to the RAM user's policy (msk account status prints the whole policy).`,
      { permission: `modelstudio:${action}` },
    );
  if (/Throttling/i.test(code))
    return refuse(
      'throttled',
      'Alibaba Cloud is limiting calls from this account right now: try again in a minute.',
    );
  if (/NotActivated|NotOpen|ServiceNotEnabled/i.test(code))
    return refuse(
      'not-activated',
      `Model Studio is not activated for this account in ${regionId}: activate it in the console first.`,
    );
  if (service.statusCode === 404 || /NotFound|NotExist/i.test(code))
    return refuse('not-found', said || `${action} found nothing of that id.`);
  return refuse('refused', `${action} was refused (${code || service.statusCode}): ${said}`);
}
