// HTTP to Model Studio through undici: keep-alive connections, at most `maxConnectionsPerOrigin`
// per host, so a burst of checks queues for a free connection instead of opening new ones.
// Every request has a timeout that covers the body too, a cap on how much of the body is read,
// and an optional cancel signal. What comes back is an Answer, never a throw; no header (so no
// key) ever appears in one.
import type { Agent, Response } from 'undici';

export type Answer =
  | {
      kind: 'http';
      status: number;
      /** The parsed JSON body, when it was JSON and within the size cap. */
      json: unknown;
      /** Why `json` is missing although a body came. */
      problem?: 'malformed' | 'oversized';
      retryAfterSeconds?: number;
      latencyMs: number;
    }
  | { kind: 'network'; reason: string; latencyMs: number }
  | { kind: 'timeout'; latencyMs: number }
  | { kind: 'cancelled' };

export interface ClientOptions {
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** Connections kept per host; requests beyond wait for one. */
  maxConnectionsPerOrigin?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 4;

// undici is loaded with the first request: a command that asks Model Studio nothing (msk list,
// msk env) never pays for it.
const importUndici = () => import('undici');
let undici: ReturnType<typeof importUndici> | undefined;
const loadUndici = (): ReturnType<typeof importUndici> => (undici ??= importUndici());

// One pool per connection cap, shared by every client: connections outlive a single check.
const agents = new Map<number, Agent>();
const agentFor = async (connections: number): Promise<Agent> => {
  const { Agent } = await loadUndici();
  let agent = agents.get(connections);
  if (!agent) agents.set(connections, (agent = new Agent({ connections, keepAliveTimeout: 30_000 })));
  return agent;
};

export class ModelStudioClient {
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  private readonly connections: number;

  constructor(options: ClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.connections = options.maxConnectionsPerOrigin ?? DEFAULT_MAX_CONNECTIONS_PER_ORIGIN;
  }

  get(url: string, secret: string, signal?: AbortSignal): Promise<Answer> {
    return this.request('GET', url, secret, signal);
  }

  post(url: string, secret: string, signal?: AbortSignal): Promise<Answer> {
    return this.request('POST', url, secret, signal);
  }

  private async request(method: string, url: string, secret: string, cancel?: AbortSignal): Promise<Answer> {
    if (cancel?.aborted) return { kind: 'cancelled' };
    // Loaded before the clock starts: a first request's latency and timeout are Model Studio's.
    let client: [Awaited<ReturnType<typeof importUndici>>, Agent];
    try {
      client = await Promise.all([loadUndici(), agentFor(this.connections)]);
    } catch (error) {
      return { kind: 'network', reason: networkReason(error), latencyMs: 0 };
    }
    const [{ fetch }, dispatcher] = client;
    if (cancel?.aborted) return { kind: 'cancelled' };
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    const failed = (error: unknown): Answer =>
      cancel?.aborted
        ? { kind: 'cancelled' }
        : timeout.aborted
          ? { kind: 'timeout', latencyMs: latency() }
          : { kind: 'network', reason: networkReason(error), latencyMs: latency() };
    try {
      const response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${secret}`, accept: 'application/json' },
        signal,
        dispatcher,
      });
      const latencyMs = latency();
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
      const body = await readCapped(response, this.maxBodyBytes);
      const base = {
        kind: 'http' as const,
        status: response.status,
        latencyMs,
        ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
      };
      if (body === 'oversized') return { ...base, json: undefined, problem: 'oversized' };
      if (body === '') return { ...base, json: undefined };
      try {
        return { ...base, json: JSON.parse(body) };
      } catch {
        return { ...base, json: undefined, problem: 'malformed' };
      }
    } catch (error) {
      return failed(error);
    }
  }
}

/** Reads at most `limit` bytes; a larger body is abandoned, not buffered. */
async function readCapped(response: Response, limit: number): Promise<string | 'oversized'> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    return 'oversized';
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return 'oversized';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Retry-After is seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** "connection refused", "host not found", … from fetch's error cause. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_SOCKET: 'connection closed',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
  };
  return (
    (cause?.code && reasons[cause.code]) ??
    cause?.message ??
    (error instanceof Error ? error.message : String(error))
  );
}
