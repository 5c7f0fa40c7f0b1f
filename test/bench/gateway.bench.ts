// `npm run bench`: what the local gateway costs a tool, laid out as users run it: the gateway is
// `msk gateway run` (the built CLI) in a process of its own, its key added with `msk add` into the
// real keychain and its token made with `msk gateway token add`; the tools (undici clients, one
// keep-alive connection each) and the Model Studio imitation (answering at once) are in this
// process. Direct runs (the real key, straight to the imitation) and gateway runs (the token,
// through the gateway) alternate, so the machine's noise hits both. Targets (issue 13):
// - added latency at 50 clients sending 1,000 requests/s together (open loop: each on its own
//   schedule, every 50 ms from a random phase, whether or not its last answer is in): gateway p50 −
//   direct p50 ≤ 1 ms, p99 − p99 ≤ 5 ms;
// - time to the first streamed byte: gateway median − direct median ≤ 2 ms;
// - throughput with 50 clients back to back (closed loop, saturation): ≥ 1,000 requests/s (as
//   1000 ÷ throughput ≤ 1 ms per request);
// - memory flat over 100,000 requests: the gateway process's RSS growth from the 10,000th request
//   to the 100,000th ≤ 10 MB, each sample taken with the load paused, after a full GC asked of the
//   gateway through its inspector (woken by Node's SIGUSR1 once the latency figures are taken; the
//   gateway starts with --inspect-port=127.0.0.1:0, which changes nothing until then): sampled under
//   load without it, V8's lazily grown heap moved the RSS by tens of MB from one run to the next.
// Beside them, for reference: a bare pass-through proxy in a process of its own (node:http in,
// undici out, no checks, no metering, no log), the floor any Node gateway stands on; the gateway's
// CPU time per request. The figures that need the gateway process need a Secret Service: `npm run
// bench` runs in a private gnome-keyring session; without one they are skipped, and said so.
// One figure runs the gateway in this process instead (startGateway, a counting MemorySecretStore):
// its keychain reads while its usage is flushed, which no process outside it can count. Every
// figure is measured once, by its benchmark, and recorded in afterAll.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, WebSocket } from 'undici';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { addGatewayToken } from '../../main/core/actions/gateway.js';
import { startGateway } from '../../main/core/gateway/gateway-server.js';
import { UsageStore } from '../../main/core/gateway/usage-store.js';
import { createServices, endpointsForKey } from '../../main/core/keys/services.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keytar, removeService } from '../fixtures/keytar.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { startModelStudio } from '../fixtures/model-studio-server.js';
import { describeSamples, type Figure, recordFigures } from './figures.js';
import { freePort } from '../fixtures/free-port.js';
import { ensureBuiltCli } from './built-cli.js';

const SECTION = 'Gateway';
const MSK = path.resolve('out/cli/msk.js');
const CLIENTS = 50;
/** Each client sends every INTERVAL_MS: CLIENTS × 1000 / INTERVAL_MS requests/s together. */
const INTERVAL_MS = 50;
const RATE = (CLIENTS * 1000) / INTERVAL_MS;
/**
 * Before the rounds each side is warmed: WARMUP_REQUESTS back to back (its code compiled, its heap
 * grown), then WARMUP_MS at the rate.
 */
const WARMUP_REQUESTS = 5000;
const WARMUP_MS = 1000;
/** Rounds of the latency comparison: ROUND_MS of open-loop load direct, via the floor, via the gateway. */
const ROUNDS = 6;
const ROUND_MS = 2000;
const SEQUENTIAL_REQUESTS = 500;
const FIRST_BYTE_REQUESTS = 200;
const DIRECT_SATURATION_MS = 2000;
const MEMORY_REQUESTS = 100_000;
const MEMORY_SAMPLES_AT = [10_000, 50_000, 100_000];
/** Requests through the gateway in this process, its usage flushed every 200 ms meanwhile. */
const KEYCHAIN_REQUESTS = 20_000;
const BUDGET = { p50: 1, p99: 5, firstByte: 2, msPerRequest: 1, growthKB: 10_240 };

const server = await startModelStudio();
server.latencyMs = 0;
server.streamDelayMs = 0;
const secret = fakeKey();
server.addKey('ap-southeast-1', secret);

type Side = 'direct' | 'floor' | 'gateway' | 'in-process';
interface Target {
  name: Side;
  origin: string;
  path: string;
  authorization: string;
}
const failures: Record<Side, number> = { direct: 0, floor: 0, gateway: 0, 'in-process': 0 };

// ---- The gateway in this process: its keychain reads. ----

/** The keychain port, counting the gateway's reads (it should read a secret once and keep it). */
class CountingSecretStore extends MemorySecretStore {
  reads = 0;
  override get(keyId: string) {
    this.reads += 1;
    return super.get(keyId);
  }
}
const inProcessHome = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-gateway-'));
const keychain = new CountingSecretStore();
const services = createServices(
  { dataDirectory: inProcessHome, keychainService: 'unused', endpointOverrides: server.overrides },
  keychain,
);
await services.vault.add({ secret, label: 'bench', regionId: 'sg' });
const { token: inProcessToken } = await addGatewayToken(services, { name: 'bench', keys: ['bench'] });
const config = await services.config.read();
const record = config.keys[0];
if (!record) throw new Error('The key was not added.');
const inProcessProblems: string[] = [];
const inProcessStatuses = new Map<number, number>();
const inProcessGateway = await startGateway({
  services,
  usage: new UsageStore(inProcessHome, {
    flushDelayMs: 200,
    onProblem: (problem) => inProcessProblems.push(problem.message),
  }),
  port: 0,
  onEvent: (event) => {
    if (event.kind === 'problem') inProcessProblems.push(event.message);
    else inProcessStatuses.set(event.status, (inProcessStatuses.get(event.status) ?? 0) + 1);
  },
});

const directUrl = new URL(
  `${endpointsForKey(services.environment, config, record).compatible.replace(/\/$/, '')}/chat/completions`,
);
const direct: Target = {
  name: 'direct',
  origin: directUrl.origin,
  path: directUrl.pathname,
  authorization: `Bearer ${secret}`,
};
const inProcess: Target = {
  name: 'in-process',
  origin: new URL(inProcessGateway.url).origin,
  path: '/v1/chat/completions',
  authorization: `Bearer ${inProcessToken}`,
};

// ---- The gateway and the floor in processes of their own. ----

const service = `Model Studio Keys bench ${randomUUID()}`;
const home = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-gateway-child-'));
const env = {
  ...process.env,
  MSK_HOME: home,
  MSK_KEYCHAIN_SERVICE: service,
  MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides),
};
let keychainSkipped = '';

/** A process of ours that logs to stderr: its log is parsed a line at a time, never kept whole. */
interface Child {
  process: ChildProcess;
  /** stderr up to the line that said it listens. */
  started: string;
  statuses: Map<number, number>;
  /** The first lines that are not a request's (a problem, say), and how many there were. */
  other: string[];
  otherCount: number;
  lines: number;
  tail: string;
  /** The inspector's WebSocket URL, once SIGUSR1 woke it. */
  inspector?: string;
}

/** Starts `args` under this Node and resolves once a stderr line includes `ready`. */
async function startChild(args: string[], childEnv: NodeJS.ProcessEnv, ready: string): Promise<Child> {
  const child: Child = {
    process: spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] }),
    started: '',
    statuses: new Map(),
    other: [],
    otherCount: 0,
    lines: 0,
    tail: '',
  };
  let isReady = false;
  let partial = '';
  child.process.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      child.lines += 1;
      if (!isReady) {
        child.started += `${line}\n`;
        isReady = line.includes(ready);
        continue;
      }
      const status = / → (\d{3})/.exec(line)?.[1];
      const inspector = /^Debugger listening on (ws:\S+)/.exec(line)?.[1];
      if (inspector !== undefined) child.inspector = inspector;
      // Node's own words about its inspector are not the gateway's.
      if (inspector !== undefined || /^(For help, see|Debugger attached|Debugger ending)/.test(line))
        continue;
      child.tail = line;
      if (status !== undefined)
        child.statuses.set(Number(status), (child.statuses.get(Number(status)) ?? 0) + 1);
      else if ((child.otherCount += 1) <= 5) child.other.push(line);
    }
  });
  for (let waited = 0; !isReady; waited += 20) {
    if (waited > 15_000 || child.process.exitCode !== null)
      throw new Error(`${args.join(' ')} did not start: ${child.started}${partial}`);
    await sleep(20);
  }
  return child;
}

/** Stops a child (`signal`, then SIGKILL after 10 s): how it ended, and how long it took. */
async function stopChild(child: Child | undefined, signal: NodeJS.Signals): Promise<string> {
  if (!child) return 'not started';
  const { process: running } = child;
  if (running.exitCode !== null || running.signalCode !== null)
    return `had ended (${running.exitCode ?? running.signalCode})`;
  const exited = once(running, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const started = performance.now();
  running.kill(signal);
  const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
  const [code, killedBy] = await exited;
  clearTimeout(timer);
  return `${code === null ? `killed by ${killedBy}` : `exit ${code}`} ${Math.round(performance.now() - started)} ms after ${signal}`;
}

/**
 * A full garbage collection in a child, asked through its inspector (woken by SIGUSR1 the first
 * time; a session is open only for the call); its heap's used bytes after it.
 */
async function collectGarbage(child: Child): Promise<number> {
  if (child.inspector === undefined) {
    child.process.kill('SIGUSR1');
    for (let waited = 0; child.inspector === undefined; waited += 20) {
      if (waited > 5000) throw new Error('The gateway did not open its inspector.');
      await sleep(20);
    }
  }
  const socket = new WebSocket(child.inspector);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  const answers = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) answers.get(message.id)?.(message.result ?? {});
  });
  let id = 0;
  const call = (method: string): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      id += 1;
      answers.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  const { usedSize } = await call('Runtime.getHeapUsage');
  socket.close();
  return Number(usedSize);
}

/** `msk …` as a user types it, here; its stdout. */
function msk(args: string[], input?: string): string {
  const run = spawnSync(process.execPath, [MSK, ...args], {
    env,
    encoding: 'utf8',
    ...(input !== undefined && { input }),
  });
  if (run.status !== 0) throw new Error(`msk ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

// The floor: what a pass-through proxy costs with nothing of the gateway's own (no Host, Origin or
// token checks, no metering, no usage, no log line), the key put on every request.
const FLOOR = `
const http = require('node:http');
const { Agent } = require('undici');
const upstream = new URL(process.env.FLOOR_UPSTREAM);
const agent = new Agent({ connections: 128, keepAliveTimeout: 30000, pipelining: 1 });
const server = http.createServer((incoming, outgoing) => {
  (async () => {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const answer = await agent.request({
      origin: upstream.origin,
      path: upstream.pathname,
      method: 'POST',
      headers: {
        authorization: process.env.FLOOR_AUTHORIZATION,
        'content-type': incoming.headers['content-type'] || 'application/json',
        'content-length': String(body.length),
      },
      body,
    });
    outgoing.writeHead(answer.statusCode, {
      'content-type': String(answer.headers['content-type'] || 'application/json'),
    });
    for await (const chunk of answer.body) outgoing.write(chunk);
    outgoing.end();
  })().catch(() => outgoing.destroy());
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => process.stderr.write('Floor on ' + server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;

let gatewayChild: Child | undefined;
let floorChild: Child | undefined;
let viaGateway: Target | undefined;
let floor: Target | undefined;
let buildNote = '';

beforeAll(async () => {
  if (ensureBuiltCli(MSK)) buildNote = 'built for this run';
  try {
    await keytar.setPassword(service, 'probe', 'probe');
    await keytar.deletePassword(service, 'probe');
  } catch (error) {
    keychainSkipped = `no Secret Service reachable (${String(error)}); npm run bench starts a private one`;
    return;
  }
  msk(['add', '--label', 'k', '--region', 'sg', '--plan', 'payg'], secret);
  const token = msk(['gateway', 'token', 'add', 'bench', '--key', 'k']).trim();
  const port = await freePort();
  gatewayChild = await startChild(
    ['--inspect-port=127.0.0.1:0', MSK, 'gateway', 'run', '--port', String(port)],
    env,
    'Gateway on ',
  );
  idleKB = statusKB(gatewayChild, 'VmRSS');
  viaGateway = {
    name: 'gateway',
    origin: `http://127.0.0.1:${port}`,
    path: '/v1/chat/completions',
    authorization: `Bearer ${token}`,
  };
  floorChild = await startChild(
    ['-e', FLOOR],
    { ...process.env, FLOOR_UPSTREAM: directUrl.href, FLOOR_AUTHORIZATION: direct.authorization },
    'Floor on ',
  );
  floor = {
    name: 'floor',
    origin: `http://127.0.0.1:${/Floor on (\d+)/.exec(floorChild.started)?.[1] ?? ''}`,
    path: '/v1/chat/completions',
    authorization: viaGateway.authorization,
  };
}, 60_000);

// ---- The tools: one keep-alive connection each. ----

const connections = new Map<string, Client[]>();
/** The CLIENTS connections to a target, made once. */
const connectionsTo = (target: Target): Client[] => {
  let made = connections.get(target.origin);
  if (!made) {
    made = Array.from(
      { length: CLIENTS },
      () => new Client(target.origin, { keepAliveTimeout: 30_000, pipelining: 1 }),
    );
    connections.set(target.origin, made);
  }
  return made;
};

const SMALL = JSON.stringify({ model: 'qwen-plus', messages: [{ role: 'user', content: 'Hi' }] });
const STREAMED = JSON.stringify({
  model: 'qwen-plus',
  messages: [{ role: 'user', content: 'Hi' }],
  stream: true,
});

/** One non-streamed chat completion on `connection`, its answer read whole; its ms (NaN when it failed). */
async function complete(target: Target, connection: Client): Promise<number> {
  const started = performance.now();
  try {
    const { statusCode, body } = await connection.request({
      path: target.path,
      method: 'POST',
      headers: { authorization: target.authorization, 'content-type': 'application/json' },
      body: SMALL,
    });
    await body.text();
    if (statusCode !== 200) failures[target.name] += 1;
  } catch {
    failures[target.name] += 1;
    return Number.NaN;
  }
  // The imitation records every request; cleared so its records do not count as memory.
  if (server.requests.length >= 1000) server.requests.length = 0;
  return performance.now() - started;
}

/** One streamed chat completion: ms to its first body chunk (the answer is read to its end). */
async function firstByte(target: Target, connection: Client): Promise<number> {
  const started = performance.now();
  const { statusCode, body } = await connection.request({
    path: target.path,
    method: 'POST',
    headers: { authorization: target.authorization, 'content-type': 'application/json' },
    body: STREAMED,
  });
  let first = Number.NaN;
  let text = '';
  for await (const chunk of body) {
    if (Number.isNaN(first)) first = performance.now() - started;
    text += String(chunk);
  }
  if (statusCode !== 200 || !text.includes('[DONE]')) failures[target.name] += 1;
  return first;
}

interface OpenRun {
  samples: number[];
  sent: number;
  ms: number;
  /** How late this process sent, past each request's time: the load generator keeping up. */
  lateness: number[];
  /** The gateway process's CPU ms over the run, when it was the target. */
  cpuMs?: number;
}

/**
 * Open loop: each client sends every INTERVAL_MS from a random phase for `durationMs`, whether or
 * not its last answer is in (a request waits only for its connection); each request's ms are
 * timed from when it was sent.
 */
async function openLoop(target: Target, durationMs: number): Promise<OpenRun> {
  const answers: Promise<void>[] = [];
  const run: OpenRun = { samples: [], sent: 0, ms: 0, lateness: [] };
  const cpuBefore = target.name === 'gateway' ? cpuMsOf(gatewayChild) : Number.NaN;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    connectionsTo(target).map(async (connection) => {
      for (let next = started + Math.random() * INTERVAL_MS; next < end; next += INTERVAL_MS) {
        const wait = next - performance.now();
        if (wait > 0) await sleep(wait);
        run.lateness.push(performance.now() - next);
        answers.push(
          complete(target, connection).then((ms) => {
            if (Number.isFinite(ms)) run.samples.push(ms);
          }),
        );
      }
    }),
  );
  await Promise.all(answers);
  run.ms = performance.now() - started;
  run.sent = answers.length;
  if (target.name === 'gateway') run.cpuMs = cpuMsOf(gatewayChild) - cpuBefore;
  return run;
}

/**
 * Closed loop: CLIENTS clients, each sending its next request when its last is answered, `total`
 * in all or until `untilMs` passes. At each count in `pauseAt`, sending stops, the requests under
 * way are answered, and `whilePaused` runs; the time paused is not counted in `ms`.
 */
async function closedLoop(
  target: Target,
  options: {
    total: number;
    untilMs?: number;
    samples?: number[];
    pauseAt?: readonly number[];
    whilePaused?: (count: number) => Promise<void>;
  },
): Promise<{ ms: number; answered: number }> {
  let sent = 0;
  let answered = 0;
  let pausedMs = 0;
  let paused: Promise<void> | undefined;
  const started = performance.now();
  const deadline = started + (options.untilMs ?? Number.POSITIVE_INFINITY);
  const pause = async (count: number) => {
    const pausedAt = performance.now();
    while (sent > answered) await sleep(5);
    await options.whilePaused?.(count);
    pausedMs += performance.now() - pausedAt;
  };
  await Promise.all(
    connectionsTo(target).map(async (connection) => {
      while (sent < options.total && performance.now() < deadline + pausedMs) {
        if (paused) {
          await paused;
          continue;
        }
        sent += 1;
        const ms = await complete(target, connection);
        answered += 1;
        if (Number.isFinite(ms)) options.samples?.push(ms);
        if (options.pauseAt?.includes(answered)) paused = pause(answered).finally(() => (paused = undefined));
      }
    }),
  );
  return { ms: performance.now() - started - pausedMs, answered };
}

// ---- The gateway process, seen from outside. ----

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10;
  }
})();
/** A process's CPU time (user + system) so far, in ms, from /proc; NaN elsewhere. */
function cpuMsOf(child: Child | undefined): number {
  try {
    const stat = readFileSync(`/proc/${child?.process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime: fields 14 and 15 of the line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}
/** A line of /proc/<pid>/status in KB (VmRSS, VmHWM); NaN elsewhere. */
function statusKB(child: Child | undefined, field: string): number {
  try {
    const status = readFileSync(`/proc/${child?.process.pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** A percentile of samples (nearest rank). */
function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}
const median = (samples: readonly number[]): number => describeSamples(samples).median;

const rounds: { direct: OpenRun; floor: OpenRun; gateway: OpenRun }[] = [];
const sequential = { direct: [] as number[], gateway: [] as number[] };
const firstBytes = { direct: [] as number[], gateway: [] as number[] };
let directSaturation: { ms: number; answered: number } | undefined;
const saturation = { samples: [] as number[], cpuMs: Number.NaN };
let memoryRun: { ms: number; answered: number } | undefined;
/** The gateway's RSS and heap after a full GC, at about each of MEMORY_SAMPLES_AT (`at` answered). */
const memory: { at: number; rssKB: number; heapKB: number }[] = [];
let idleKB = Number.NaN;
let peakKB = Number.NaN;
let keychainRun: { ms: number; answered: number; reads: number } | undefined;
const timings: Record<string, number> = {};
/** Each measurement runs once, however often the runner calls its benchmark. */
const done = new Set<string>();
const measureOnce = async (name: string, measure: () => Promise<void>): Promise<void> => {
  if (done.has(name)) return;
  done.add(name);
  const started = performance.now();
  await measure();
  timings[name] = performance.now() - started;
};
const ONCE = { iterations: 1, warmupIterations: 0, time: 0 } as const;

describe(`gateway process vs direct, imitation at 0 ms, ${CLIENTS} keep-alive clients`, () => {
  bench(
    `added latency at ${RATE} requests/s (open loop)`,
    () =>
      measureOnce('latency', async () => {
        if (!viaGateway || !floor) return;
        for (const target of [direct, floor, viaGateway]) {
          await closedLoop(target, { total: WARMUP_REQUESTS });
          await openLoop(target, WARMUP_MS);
        }
        for (let round = 0; round < ROUNDS; round++) {
          const order = [direct, floor, viaGateway];
          if (round % 2 === 1) order.reverse();
          const runs = new Map<Side, OpenRun>();
          for (const target of order) runs.set(target.name, await openLoop(target, ROUND_MS));
          const [directRun, floorRun, gatewayRun] = [
            runs.get('direct'),
            runs.get('floor'),
            runs.get('gateway'),
          ];
          if (directRun && floorRun && gatewayRun)
            rounds.push({ direct: directRun, floor: floorRun, gateway: gatewayRun });
        }
        // One request at a time: the gateway's own cost, with nothing else going on.
        const [toDirect, toGateway] = [connectionsTo(direct)[0], connectionsTo(viaGateway)[0]];
        if (!toDirect || !toGateway) return;
        for (let index = 0; index < SEQUENTIAL_REQUESTS; index++) {
          sequential.direct.push(await complete(direct, toDirect));
          sequential.gateway.push(await complete(viaGateway, toGateway));
        }
      }),
    ONCE,
  );
  bench(
    'time to the first streamed byte',
    () =>
      measureOnce('first byte', async () => {
        if (!viaGateway) return;
        const [toDirect, toGateway] = [connectionsTo(direct)[0], connectionsTo(viaGateway)[0]];
        if (!toDirect || !toGateway) return;
        for (let index = 0; index < 20; index++) {
          await firstByte(direct, toDirect);
          await firstByte(viaGateway, toGateway);
        }
        for (let index = 0; index < FIRST_BYTE_REQUESTS; index++) {
          firstBytes.direct.push(await firstByte(direct, toDirect));
          firstBytes.gateway.push(await firstByte(viaGateway, toGateway));
        }
      }),
    ONCE,
  );
  bench(
    `throughput and memory over ${MEMORY_REQUESTS} requests (closed loop)`,
    () =>
      measureOnce('saturation', async () => {
        if (!viaGateway) return;
        // This process's own ceiling: the clients and the imitation, with no gateway between.
        directSaturation = await closedLoop(direct, {
          total: Number.POSITIVE_INFINITY,
          untilMs: DIRECT_SATURATION_MS,
        });
        const child = gatewayChild;
        if (!child) return;
        // The inspector woken now, so that each sample has it.
        await collectGarbage(child);
        let collectingMs = 0;
        const cpuBefore = cpuMsOf(child);
        memoryRun = await closedLoop(viaGateway, {
          total: MEMORY_REQUESTS,
          samples: saturation.samples,
          pauseAt: MEMORY_SAMPLES_AT,
          whilePaused: async (count) => {
            const cpu = cpuMsOf(child);
            const heapBytes = await collectGarbage(child);
            memory.push({ at: count, rssKB: statusKB(child, 'VmRSS'), heapKB: heapBytes / 1024 });
            collectingMs += cpuMsOf(child) - cpu;
          },
        });
        saturation.cpuMs = cpuMsOf(child) - cpuBefore - collectingMs;
        peakKB = statusKB(child, 'VmHWM');
      }),
    ONCE,
  );
  bench(
    `in this process: keychain reads over ${KEYCHAIN_REQUESTS} requests`,
    () =>
      measureOnce('keychain reads', async () => {
        const before = keychain.reads;
        const run = await closedLoop(inProcess, { total: KEYCHAIN_REQUESTS });
        keychainRun = { ...run, reads: keychain.reads - before };
      }),
    ONCE,
  );
});

afterAll(async () => {
  const gatewayStop = await stopChild(gatewayChild, 'SIGINT');
  await stopChild(floorChild, 'SIGTERM');
  // What the gateway recorded, read as a user would once it stopped.
  let recorded = Number.NaN;
  if (gatewayChild) {
    try {
      const report = JSON.parse(msk(['usage', '--json'])) as { rows: { requests: number }[] };
      recorded = report.rows.reduce((sum, row) => sum + row.requests, 0);
    } catch {
      recorded = Number.NaN;
    }
  }
  await inProcessGateway.close();
  await Promise.all([...connections.values()].flat().map((connection) => connection.close()));
  await server.close();
  await removeService(service).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
  rmSync(inProcessHome, { recursive: true, force: true });

  const rate = (requests: number, ms: number) => (requests * 1000) / ms;
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  const verdict = (value: number, budget: number) =>
    Number.isNaN(value) ? 'skipped' : value <= budget ? 'met' : 'MISSED';
  const skipped = keychainSkipped ? `skipped: ${keychainSkipped}` : '';
  /** A figure of the gateway process: its budget dropped, and said why, when it was skipped. */
  const child = (figure: Figure): Figure => {
    if (!skipped) return figure;
    const { budget: _budget, spread: _spread, spreadKind: _kind, samples: _samples, ...rest } = figure;
    return { ...rest, median: Number.NaN, note: skipped };
  };

  const pooled = (side: 'direct' | 'floor' | 'gateway') => rounds.flatMap((round) => round[side].samples);
  const p50s = rounds.map((round) => median(round.gateway.samples) - median(round.direct.samples));
  const p99s = rounds.map(
    (round) => percentile(round.gateway.samples, 0.99) - percentile(round.direct.samples, 0.99),
  );
  const floorP50s = rounds.map((round) => median(round.floor.samples) - median(round.direct.samples));
  const floorP99s = rounds.map(
    (round) => percentile(round.floor.samples, 0.99) - percentile(round.direct.samples, 0.99),
  );
  const sentRate = (side: 'direct' | 'floor' | 'gateway') =>
    rate(
      rounds.reduce((sum, round) => sum + round[side].sent, 0),
      rounds.reduce((sum, round) => sum + round[side].ms, 0),
    );
  const lateness = rounds.flatMap((round) =>
    [round.direct, round.floor, round.gateway].flatMap((run) => run.lateness),
  );
  const openCpuPerRequest =
    rounds.reduce((sum, round) => sum + (round.gateway.cpuMs ?? 0), 0) /
    rounds.reduce((sum, round) => sum + round.gateway.sent, 0);
  const openCpuShare =
    rounds.reduce((sum, round) => sum + (round.gateway.cpuMs ?? 0), 0) /
    rounds.reduce((sum, round) => sum + round.gateway.ms, 0);
  const sequentialAdded = median(sequential.gateway) - median(sequential.direct);
  const firstByteAdded = median(firstBytes.gateway) - median(firstBytes.direct);
  const perSecond = memoryRun ? rate(memoryRun.answered, memoryRun.ms) : Number.NaN;
  const directPerSecond = directSaturation
    ? rate(directSaturation.answered, directSaturation.ms)
    : Number.NaN;
  const saturationCpuPerRequest = memoryRun ? saturation.cpuMs / memoryRun.answered : Number.NaN;
  const saturationCpuShare = memoryRun ? saturation.cpuMs / memoryRun.ms : Number.NaN;
  const [firstSample, lastSample] = [memory[0], memory.at(-1)];
  const growthKB =
    firstSample && lastSample && memory.length === MEMORY_SAMPLES_AT.length
      ? lastSample.rssKB - firstSample.rssKB
      : Number.NaN;
  const heapGrowthKB = firstSample && lastSample ? lastSample.heapKB - firstSample.heapKB : Number.NaN;
  const mb = (kB: number) => `${(kB / 1024).toFixed(1)} MB`;
  const samplesSaid = (field: 'rssKB' | 'heapKB') =>
    memory.map((sample) => `${mb(sample[field])} at ${sample.at.toLocaleString('en')}`).join(', ');
  const total = Object.values(timings).reduce((sum, value) => sum + value, 0);
  const statuses = (counts: Map<number, number>) =>
    [...counts].map(([status, count]) => `${count} × ${status}`).join(', ') || 'none';
  const answered = gatewayChild ? statuses(gatewayChild.statuses) : 'none';
  const answers = gatewayChild ? [...gatewayChild.statuses.values()].reduce((sum, n) => sum + n, 0) : 0;
  const logged = gatewayChild
    ? `${gatewayChild.otherCount} other log line${gatewayChild.otherCount === 1 ? '' : 's'}${gatewayChild.other.length > 0 ? ` (${gatewayChild.other.join(' | ')})` : ''}`
    : '';
  const stopped = gatewayChild ? `${gatewayStop}, last line '${gatewayChild.tail}'` : 'not started';
  const atRounds = `${ROUNDS} alternated rounds of ${ROUND_MS / 1000} s a side, ${CLIENTS} clients each sending every ${INTERVAL_MS} ms (sent: direct ${Math.round(sentRate('direct'))}/s, gateway ${Math.round(sentRate('gateway'))}/s)`;

  const figures: Figure[] = [
    child({
      section: SECTION,
      name: `Added latency, p50, ${CLIENTS} clients at ${RATE.toLocaleString('en')} requests/s (gateway p50 − direct p50)`,
      unit: 'ms',
      ...describeSamples(p50s),
      budget: BUDGET.p50,
      note: `msk gateway run in a process of its own; median of ${atRounds}; all rounds pooled: direct p50 ${ms(median(pooled('direct')))}, gateway p50 ${ms(median(pooled('gateway')))}`,
    }),
    child({
      section: SECTION,
      name: `Added latency, p99, ${CLIENTS} clients at ${RATE.toLocaleString('en')} requests/s (gateway p99 − direct p99)`,
      unit: 'ms',
      ...describeSamples(p99s),
      budget: BUDGET.p99,
      note: `median of the ${ROUNDS} rounds; all rounds pooled: direct p99 ${ms(percentile(pooled('direct'), 0.99))}, gateway p99 ${ms(percentile(pooled('gateway'), 0.99))}; this process sent its requests at most ${ms(percentile(lateness, 0.99))} late (p99)`,
    }),
    child({
      section: SECTION,
      name: `Floor: added latency, p50, ${CLIENTS} clients at ${RATE.toLocaleString('en')} requests/s, of a bare pass-through proxy (floor p50 − direct p50)`,
      unit: 'ms',
      ...describeSamples(floorP50s),
      note: `node:http in, undici out, nothing checked, metered or logged, in a process of its own, in the same rounds: floor p50 ${ms(median(pooled('floor')))}; added p99 ${ms(median(floorP99s))} (pooled p99 ${ms(percentile(pooled('floor'), 0.99))})`,
    }),
    child({
      section: SECTION,
      name: `Gateway CPU time per request at ${RATE.toLocaleString('en')} requests/s`,
      unit: 'ms',
      median: openCpuPerRequest,
      note: `user + system time of the gateway process (/proc) over the open-loop rounds: ${Math.round(openCpuShare * 100)}% of one core`,
    }),
    child({
      section: SECTION,
      name: 'Added latency, p50, one request at a time (gateway p50 − direct p50)',
      unit: 'ms',
      median: sequentialAdded,
      samples: SEQUENTIAL_REQUESTS,
      note: `no load: direct p50 ${ms(median(sequential.direct))}, gateway p50 ${ms(median(sequential.gateway))}; p99 ${ms(percentile(sequential.direct, 0.99))} vs ${ms(percentile(sequential.gateway, 0.99))}`,
    }),
    child({
      section: SECTION,
      name: 'Time to the first streamed byte (gateway median − direct median)',
      unit: 'ms',
      median: firstByteAdded,
      samples: FIRST_BYTE_REQUESTS,
      budget: BUDGET.firstByte,
      note: `stream: true, one at a time, alternated, through the gateway process: direct ${ms(median(firstBytes.direct))}, gateway ${ms(median(firstBytes.gateway))}`,
    }),
    child({
      section: SECTION,
      name: `Throughput through the gateway, ${CLIENTS} clients back to back, requests/s`,
      unit: 'count',
      median: Math.round(perSecond),
      note: `closed loop (saturation): ${memoryRun?.answered ?? 0} requests in ${((memoryRun?.ms ?? 0) / 1000).toFixed(1)} s, p50 ${ms(median(saturation.samples))}, p99 ${ms(percentile(saturation.samples, 0.99))}; the gateway used ${Math.round(saturationCpuShare * 100)}% of one core, ${ms(saturationCpuPerRequest)} of CPU a request; direct, this process alone manages ${Math.round(directPerSecond)}/s; the budget (≥ 1,000/s) is the next figure`,
    }),
    child({
      section: SECTION,
      name: `Gateway time per request at ${CLIENTS} clients back to back (1000 ÷ requests/s)`,
      unit: 'ms',
      median: 1000 / perSecond,
      budget: BUDGET.msPerRequest,
      note: '≤ 1 ms per request is ≥ 1,000 requests/s; the clients and the imitation share this process',
    }),
    child({
      section: SECTION,
      name: `Gateway process RSS growth over ${MEMORY_REQUESTS.toLocaleString('en')} requests (from the ${MEMORY_SAMPLES_AT[0]?.toLocaleString('en')}th to the last)`,
      unit: 'KB',
      median: Math.round(growthKB),
      budget: BUDGET.growthKB,
      note: `VmRSS of msk gateway run in the closed-loop run above, load paused and a full GC asked through its inspector before each sample: ${samplesSaid('rssKB')}; its heap used then ${samplesSaid('heapKB')} (growth ${Math.round(heapGrowthKB)} KB); ${mb(idleKB)} idle at start, peak (VmHWM) ${mb(peakKB)}`,
    }),
    {
      section: SECTION,
      name: `Keychain reads by a gateway over ${KEYCHAIN_REQUESTS.toLocaleString('en')} requests, its usage written every 200 ms`,
      unit: 'count',
      median: keychainRun?.reads ?? Number.NaN,
      note: `startGateway in this process with a counting MemorySecretStore (no process outside can count them), ${CLIENTS} clients back to back, ${Math.round(rate(keychainRun?.answered ?? 0, keychainRun?.ms ?? Number.NaN))}/s. Read once and kept: a config re-read (the data directory changed) empties the cache, so more than 1 means the gateway re-read its settings under load (as it did on every usage.json write before the watcher ignored it); answers: ${statuses(inProcessStatuses)}`,
    },
  ];
  recordFigures('gateway', figures);

  const line = (what: string, text: string) => `  ${what.padEnd(30)} ${text}`;
  const lines = [
    '',
    `Gateway process (msk gateway run${buildNote ? `, ${buildNote}` : ''}) vs direct; imitation at 0 ms; ${CLIENTS} keep-alive clients`,
    ...(skipped
      ? [line('gateway process figures', skipped)]
      : [
          line(
            `added p50 at ${RATE}/s`,
            `${ms(median(p50s))} (rounds ${p50s.map((value) => value.toFixed(3)).join(', ')}) budget ≤ ${BUDGET.p50} ms ${verdict(median(p50s), BUDGET.p50)}`,
          ),
          line(
            `added p99 at ${RATE}/s`,
            `${ms(median(p99s))} (rounds ${p99s.map((value) => value.toFixed(3)).join(', ')}) budget ≤ ${BUDGET.p99} ms ${verdict(median(p99s), BUDGET.p99)}`,
          ),
          line(
            '  pooled',
            `direct p50 ${ms(median(pooled('direct')))} p99 ${ms(percentile(pooled('direct'), 0.99))}; gateway p50 ${ms(median(pooled('gateway')))} p99 ${ms(percentile(pooled('gateway'), 0.99))}; sent ${Math.round(sentRate('direct'))}/s, ${Math.round(sentRate('gateway'))}/s; send lateness p99 ${ms(percentile(lateness, 0.99))}`,
          ),
          line(`floor at ${RATE}/s`, `p50 +${ms(median(floorP50s))}, p99 +${ms(median(floorP99s))}`),
          line(
            'gateway CPU at 1000/s',
            `${ms(openCpuPerRequest)} a request, ${Math.round(openCpuShare * 100)}% of a core`,
          ),
          line('added p50, one at a time', `${ms(sequentialAdded)}`),
          line(
            'first streamed byte',
            `+${ms(firstByteAdded)} (direct ${ms(median(firstBytes.direct))}, gateway ${ms(median(firstBytes.gateway))}) budget ≤ ${BUDGET.firstByte} ms ${verdict(firstByteAdded, BUDGET.firstByte)}`,
          ),
          line(
            'throughput (closed loop)',
            `${Math.round(perSecond)}/s (direct ${Math.round(directPerSecond)}/s), p50 ${ms(median(saturation.samples))} p99 ${ms(percentile(saturation.samples, 0.99))}; gateway CPU ${ms(saturationCpuPerRequest)} a request, ${Math.round(saturationCpuShare * 100)}% of a core; budget ≥ 1000/s ${verdict(1000 / perSecond, BUDGET.msPerRequest)}`,
          ),
          line(
            'gateway RSS after a full GC',
            `${samplesSaid('rssKB')}; growth ${Math.round(growthKB)} KB budget ≤ ${BUDGET.growthKB} KB ${verdict(growthKB, BUDGET.growthKB)}; idle at start ${mb(idleKB)}, peak ${mb(peakKB)}`,
          ),
          line(
            'gateway heap after a full GC',
            `${samplesSaid('heapKB')}; growth ${Math.round(heapGrowthKB)} KB`,
          ),
          line(
            'gateway log',
            `${answered}; ${logged}; stopped: ${stopped}; usage recorded: ${recorded} of ${answers} answers`,
          ),
        ]),
    line(
      'in-process keychain reads',
      `${keychainRun?.reads ?? 'none'} over ${keychainRun?.answered ?? 0} requests (${Math.round(rate(keychainRun?.answered ?? 0, keychainRun?.ms ?? Number.NaN))}/s); answers: ${statuses(inProcessStatuses)}; problems: ${inProcessProblems.length === 0 ? 'none' : inProcessProblems.slice(0, 3).join(' | ')}`,
    ),
    line('failed requests', JSON.stringify(failures)),
    line(
      'time',
      `${Object.entries(timings)
        .map(([name, value]) => `${name} ${(value / 1000).toFixed(1)} s`)
        .join(', ')}; total ${(total / 1000).toFixed(1)} s`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
}, 60_000);
