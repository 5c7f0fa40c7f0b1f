// The leak test: a scripted session of msk — add, bind, copy, check, temp-key, exec, env, launch
// (two tools, two terminals), a check against a service that echoes the key back, backup create
// and restore, doctor and doctor --fix — in a throwaway HOME, on the real keychain and the real X
// clipboard; then a session of tools through `msk gateway run` against a service that quotes the
// key back in its refusals, answers, streams and headers; then an Alibaba Cloud account's session
// (connect, a key made, listed, rotated, disabled, enabled, deleted). Afterwards no file under
// HOME, no command line of any process in the session, nothing a tool got from the gateway and no
// snapshot the window is sent may hold any key (nor the AccessKey's secret), whole or in part. A
// child's environment (that is how a tool gets its key) and the clipboard tool's stdin may; so may
// what `env` and `copy --print` write to stdout, as they are asked to.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckRunner } from '../../main/core/actions/checks.js';
import { createServices } from '../../main/core/keys/services.js';
import { StatePublisher } from '../../main/core/state/state-publisher.js';
import { TERMINALS } from '../../main/core/tools/terminals.js';
import { createRouter } from '../../main/ipc/router.js';
import { testContext } from '../fixtures/app-context.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { type PrivateDisplay, startPrivateDisplay } from '../fixtures/electron-stand-in/private-display.js';
import { fakePrograms } from '../fixtures/fake-programs.js';
import { freePort } from '../fixtures/free-port.js';
import { keychainPart, keytar } from '../fixtures/keychain.js';
import { removeService } from '../fixtures/keytar.js';
import { startModelStudioOpenApi } from '../fixtures/model-studio-openapi/server.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { MSK, type Run, runMsk, withoutUnset } from '../fixtures/msk.js';
import { onPath, systemPart } from '../fixtures/system.js';

// A clipboard of its own (a private Xvfb display): other test files share and clear the default one.
const parts =
  keychainPart() &&
  systemPart('Xvfb and xclip', onPath('Xvfb') && onPath('xclip'), 'apt-get install xvfb xclip');

const PASSPHRASE = 'leak test passphrase';
/** The variables a tool shim reports (as digests: the log itself must stay clean). */
const KEY_VARIABLES = ['OPENAI_API_KEY', 'DASHSCOPE_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'LEAKY_KEY'];
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Loaded into every node process of the session (NODE_OPTIONS): logs the process's own argv and
 * the argv of every child it spawns, so a key on any command line in the chain is seen.
 */
const ARGV_HOOK = `
const { appendFileSync } = require('node:fs');
const { ChildProcess } = require('node:child_process');
const log = (entry) => appendFileSync(process.env.LEAK_LOG, JSON.stringify({ pid: process.pid, ...entry }) + '\\n');
log({ kind: 'process', argv: process.argv });
const spawn = ChildProcess.prototype.spawn;
ChildProcess.prototype.spawn = function (options) {
  log({ kind: 'spawn', file: options.file, argv: options.args });
  return spawn.call(this, options);
};
`;

/**
 * A PATH shim: logs its argv, then acts as `role` says — a clipboard tool passed on to the real
 * one (or a sink without one), a terminal that runs the `sh -c …` it was given and reports how it
 * ended, or a tool that reports digests of the key variables it got.
 */
const shim = (
  name: string,
  role: 'delegate' | 'sink' | 'terminal' | 'tool',
  real = '',
) => `#!${process.execPath}
const { appendFileSync } = require('node:fs');
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const [name, role, real, keyVariables] = ${JSON.stringify([name, role, real, KEY_VARIABLES])};
const args = process.argv.slice(2);
const log = (entry) => appendFileSync(process.env.LEAK_LOG, JSON.stringify({ pid: process.pid, name, ...entry }) + '\\n');
const digest = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
if (role === 'tool') {
  const digests = Object.fromEntries(keyVariables.filter((v) => process.env[v]).map((v) => [v, digest(process.env[v])]));
  log({ kind: 'shim', argv: args, digests });
  process.exit(0);
}
log({ kind: 'shim', argv: args });
if (role === 'sink' || (role === 'delegate' && !real)) {
  process.stdin.on('data', () => undefined).on('end', () => process.exit(0));
} else if (role === 'delegate') {
  spawn(real, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 1));
} else {
  const at = args.findIndex((arg, index) => arg === 'sh' && args[index + 1] === '-c');
  if (at < 0) { log({ kind: 'terminal-done', code: null, screen: 'no sh -c in argv' }); process.exit(2); }
  const child = spawn(args[at], args.slice(at + 1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let screen = '';
  child.stdout.on('data', (chunk) => (screen += chunk));
  child.stderr.on('data', (chunk) => (screen += chunk));
  child.on('close', (code) => { log({ kind: 'terminal-done', code, screen }); process.exit(0); });
}
`;

/** Everything that would give a key away: itself, encoded, and every 12 characters of its random part. */
function tracesOf(label: string, secret: string): { what: string; text: string }[] {
  const random = secret.replace(/^sk-(?:ws-|sp-)?/, '');
  const windows = Array.from({ length: random.length - 11 }, (_, index) => ({
    what: `characters ${index}–${index + 11} of ${label}'s random part`,
    text: random.slice(index, index + 12),
  }));
  return [
    { what: `${label}'s key`, text: secret },
    { what: `${label}'s key in base64`, text: Buffer.from(secret).toString('base64') },
    { what: `${label}'s key in hex`, text: Buffer.from(secret).toString('hex') },
    ...windows,
  ];
}

/** Every file under `root` (dotfiles included) with its bytes; a symlink counts as its target's name. */
function filesUnder(root: string): { file: string; bytes: Buffer }[] {
  return readdirSync(root, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) return [{ file, bytes: Buffer.from(readlinkSync(file)) }];
    return entry.isFile() ? [{ file, bytes: readFileSync(file) }] : [];
  });
}

/**
 * A Model Studio that echoes the key it was sent in its errors, as real services do: a 401
 * "Incorrect API key provided: sk-…" for `invalid`, a 500 naming the key for any other.
 */
async function startEchoingService(invalid: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const key = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const [status, code, message] =
      key === invalid
        ? [401, 'invalid_api_key', `Incorrect API key provided: ${key}. You can find your API-Key at …`]
        : [500, 'internal_error', `Could not serve ${key} right now`];
    const body = JSON.stringify({
      error: { message, type: code, param: null, code },
      request_id: randomUUID(),
    });
    request.resume().on('end', () => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface LogEntry {
  kind: 'process' | 'spawn' | 'shim' | 'terminal-done';
  name?: string;
  argv?: string[];
  digests?: Record<string, string>;
  code?: number | null;
  screen?: string;
}

describe.runIf(parts)('no key leaks from a session of msk', () => {
  let x: PrivateDisplay;
  let server: FakeModelStudio;
  let echoing: { server: Server; origin: string };
  // HOME is scanned; `outside` holds the shims and their log, which are scanned separately.
  let home: string;
  let outside: string;
  let argvLog: string;
  let env: Record<string, string | undefined>;
  let dataDirectory: string;
  let project: string;
  const service = `msk-leak-${randomUUID()}`;
  const restoredService = `msk-leak-restored-${randomUUID()}`;
  const secrets = { personal: fakeKey(), second: fakeKey('workspace'), late: fakeKey() };
  /** The account session's secrets: its AccessKey's, and each value its keys had (read from the keychain). */
  const accountSecrets: Record<string, string> = {};
  /** A key typed into a tool of the user's own by mistake (on msk's command line, so not in `secrets`). */
  const typedByMistake = fakeKey();
  /** stdout and stderr of every msk run but the two whose stdout is the key on purpose. */
  const outputs: { args: string[]; text: string }[] = [];

  beforeAll(async () => {
    x = await startPrivateDisplay();
    server = await startModelStudio();
    echoing = await startEchoingService(secrets.personal);
    server.addKey('ap-southeast-1', secrets.personal);
    server.addKey('ap-southeast-1', secrets.second);
    server.addKey('us-east-1', secrets.late);

    home = mkdtempSync(path.join(os.tmpdir(), 'msk-leak-home-'));
    outside = mkdtempSync(path.join(os.tmpdir(), 'msk-leak-outside-'));
    argvLog = path.join(outside, 'argv.jsonl');
    const hook = path.join(outside, 'argv-hook.cjs');
    writeFileSync(hook, ARGV_HOOK);
    for (const folder of ['.config', '.local/share', '.cache', '.local/state', 'tmp', 'project']) {
      mkdirSync(path.join(home, folder), { recursive: true });
    }
    project = path.join(home, 'project');
    // No MSK_HOME: the data directory is the default one, under XDG_CONFIG_HOME in this HOME.
    dataDirectory = path.join(home, '.config', 'Model Studio Keys');

    const realXclip = spawnSync('sh', ['-c', 'command -v xclip'], { encoding: 'utf8' }).stdout.trim();
    const terminals = [...new Set(TERMINALS.filter((t) => t.platform === 'linux').map((t) => t.program))];
    const bin = fakePrograms(outside, {
      xclip: shim('xclip', 'delegate', realXclip),
      xsel: shim('xsel', 'sink'),
      'wl-copy': shim('wl-copy', 'sink'),
      'wl-paste': shim('wl-paste', 'sink'),
      ...Object.fromEntries(terminals.map((program) => [program, shim(program, 'terminal')])),
      qwen: shim('qwen', 'tool'),
      claude: shim('claude', 'tool'),
      'leak-tool': shim('leak-tool', 'tool'),
      'argv-logger': shim('argv-logger', 'tool'),
    });

    env = {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local/share'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_STATE_HOME: path.join(home, '.local/state'),
      // Anything written to a temp file lands in HOME too, and is scanned.
      TMPDIR: path.join(home, 'tmp'),
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      SHELL: '/bin/sh',
      MSK_HOME: undefined,
      MSK_KEYCHAIN_SERVICE: service,
      MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides),
      NODE_OPTIONS: `--require=${hook}`,
      LEAK_LOG: argvLog,
      // X11 only, and no desktop: `auto` then picks xdg-terminal-exec (a shim).
      DISPLAY: x.display,
      WAYLAND_DISPLAY: undefined,
      XDG_CURRENT_DESKTOP: undefined,
    };
  });

  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => echoing?.server.close(resolve));
    await x?.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
    await removeService(service);
    await removeService(restoredService);
  });

  /** Runs msk in the project folder; its output is scanned later unless it is the key on purpose. */
  async function msk(
    args: string[],
    options: { input?: string; env?: Record<string, string | undefined>; keyOnStdout?: boolean } = {},
  ): Promise<Run> {
    const run = await runMsk(args, { ...env, ...options.env }, options.input, project);
    outputs.push({ args, text: `${options.keyOnStdout ? '' : run.stdout}\n${run.stderr}` });
    return run;
  }
  const ok = async (args: string[], options: Parameters<typeof msk>[1] = {}) => {
    const run = await msk(args, options);
    expect(run.code, `msk ${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run;
  };
  const readClipboard = () =>
    spawnSync('xclip', ['-selection', 'clipboard', '-o'], {
      encoding: 'utf8',
      env: { ...process.env, DISPLAY: x.display },
    }).stdout;
  const logged = (): LogEntry[] =>
    readFileSync(argvLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogEntry);
  const shimRuns = (name: string) => logged().filter((entry) => entry.kind === 'shim' && entry.name === name);
  const terminalsDone = () => logged().filter((entry) => entry.kind === 'terminal-done');

  /** Where any trace of any key appears in `text`: a list of findings, empty when clean. */
  const findIn = (where: string, content: string | Buffer): string[] =>
    [...Object.entries(secrets), ...Object.entries(accountSecrets)].flatMap(([label, secret]) =>
      tracesOf(label, secret)
        .filter(({ text }) => content.includes(text))
        .map(({ what }) => `${where}: ${what}`),
    );

  it('runs the scripted session, every step succeeding', async () => {
    // add: the key on stdin, never in argv.
    await ok(['add', '-l', 'personal', '-r', 'sg'], { input: `${secrets.personal}\n` });
    await ok(['add', '-l', 'second', '-r', 'sg'], { input: secrets.second });
    await ok(['config', 'set', 'clipboardClearSeconds', '1']);
    await ok(['bind', 'personal', '--tool', 'qwen-code']);
    await ok(['status']);

    // copy: onto the real clipboard (through the xclip shim), cleared by the detached clearer.
    await ok(['copy', 'personal']);
    expect(readClipboard()).toBe(secrets.personal);
    await expect.poll(readClipboard, { timeout: 10_000, interval: 100 }).toBe('');
    expect((await ok(['copy', '--print', 'personal'], { keyOnStdout: true })).stdout).toBe(
      `${secrets.personal}\n`,
    );

    // check, against the imitation.
    const checked = await ok(['check', '--all', '--json']);
    expect((JSON.parse(checked.stdout) as { status: string }[]).map((result) => result.status)).toEqual([
      'ok',
      'ok',
    ]);

    // temp-key: printed, and copied (then cleared).
    expect((await ok(['temp-key', 'personal', '--print'])).stdout).toMatch(/^st-[0-9a-f]{32}\n$/);
    await ok(['temp-key', 'personal']);
    expect(readClipboard()).toMatch(/^st-[0-9a-f]{32}$/);
    await expect.poll(readClipboard, { timeout: 10_000, interval: 100 }).toBe('');

    // exec: the key reaches the command's environment only.
    await ok(['exec', '--key', 'personal', '--', 'argv-logger', 'one', '--two']);
    expect(shimRuns('argv-logger')).toEqual([
      expect.objectContaining({
        argv: ['one', '--two'],
        digests: { OPENAI_API_KEY: sha256(secrets.personal), DASHSCOPE_API_KEY: sha256(secrets.personal) },
      }),
    ]);
    await ok(['exec', '--key', 'second', '--tool', 'claude-code', '--', 'claude', '-p', 'hi']);
    expect(shimRuns('claude').at(-1)?.digests).toEqual({ ANTHROPIC_AUTH_TOKEN: sha256(secrets.second) });

    // env: the key on stdout, as asked.
    expect(
      (await ok(['env', '--key', 'personal', '--shell', 'bash'], { keyOnStdout: true })).stdout,
    ).toContain(secrets.personal);

    // launch: Qwen Code in the detected terminal, then a tool of our own in xterm. Each terminal
    // shim runs what it was given (sh → msk exec → the tool) and logs when that has ended.
    const launched = await ok(['launch', 'qwen-code', '--key', 'personal', '--', '--yolo']);
    expect(launched.stderr).toBe(
      "Started Qwen Code with 'personal' in Default terminal (xdg-terminal-exec).\n",
    );
    await expect.poll(() => terminalsDone().length, { timeout: 15_000, interval: 100 }).toBe(1);
    await ok(['tools', 'add', 'leaky', '--command', 'leak-tool --flag', '--var', 'LEAKY_KEY={{apiKey}}']);
    // A key typed into a tool instead of {{apiKey}}: refused in every field, never stored.
    for (const args of [
      ['--var', `LEAKY_KEY=${typedByMistake}`],
      ['--var', 'LEAKY_KEY={{apiKey}}', '--command', `leak-tool ${typedByMistake}`],
      ['--var', 'LEAKY_KEY={{apiKey}}', '--name', `oops ${typedByMistake}`],
    ]) {
      const refused = await msk(['tools', 'add', 'oops', ...args]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^msk: A tool of your own cannot hold a key/);
    }
    await ok(['launch', 'leaky', '--key', 'second', '--terminal', 'xterm']);
    await expect.poll(() => terminalsDone().length, { timeout: 15_000, interval: 100 }).toBe(2);
    expect(terminalsDone().map((done) => done.screen)).toEqual([
      expect.stringContaining('[Qwen Code ended (status 0).'),
      expect.stringContaining('[leaky ended (status 0).'),
    ]);
    expect(shimRuns('qwen')).toEqual([
      expect.objectContaining({
        argv: ['--yolo'],
        digests: expect.objectContaining({ OPENAI_API_KEY: sha256(secrets.personal) }),
      }),
    ]);
    expect(shimRuns('leak-tool')).toEqual([
      expect.objectContaining({ argv: ['--flag'], digests: { LEAKY_KEY: sha256(secrets.second) } }),
    ]);
    expect(shimRuns('xdg-terminal-exec')).toHaveLength(1);
    expect(shimRuns('xterm')).toHaveLength(1);

    // A service that echoes the key in its error: what is printed and stored is masked. (The
    // classifier's unit test covers the masking itself; this covers the CLI, config.json and the
    // snapshot, all scanned below.)
    const echoed = await msk(['check', '--all', '--json'], {
      env: {
        MSK_ENDPOINT_OVERRIDES: JSON.stringify(
          Object.fromEntries(
            Object.entries(server.overrides).map(([host, url]) => [
              host,
              url.replace(/^http:\/\/127\.0\.0\.1:\d+/, echoing.origin),
            ]),
          ),
        ),
      },
    });
    expect(echoed.code).toBe(1);
    const echoedResults = JSON.parse(echoed.stdout) as { status: string; message: string }[];
    // The 401's own words are not shown; the 500's are, masked.
    expect(echoedResults.map((result) => result.status)).toEqual(['invalid-key', 'server-error']);
    expect(echoedResults[1]?.message).toContain(`Could not serve sk-…${secrets.second.slice(-4)} right now`);
    expect(findIn('msk check against an echoing service', echoed.stdout + echoed.stderr)).toEqual([]);

    // backup create (passphrase on stdin), and restore into another keychain service and data folder.
    const backup = path.join(home, 'backups', 'keys.msk-backup');
    mkdirSync(path.dirname(backup));
    await ok(['backup', 'create', backup], { input: `${PASSPHRASE}\n` });
    for (const [label, secret] of Object.entries(secrets)) {
      expect(readFileSync(backup).includes(secret), `${label}'s key in the backup file`).toBe(false);
    }
    const restored = { MSK_HOME: path.join(home, 'restored'), MSK_KEYCHAIN_SERVICE: restoredService };
    await ok(['backup', 'restore', backup], { input: `${PASSPHRASE}\n`, env: restored });
    expect((await ok(['copy', '--print', 'second'], { env: restored, keyOnStdout: true })).stdout).toBe(
      `${secrets.second}\n`,
    );

    // doctor: all well; then a key added just before the data file is damaged is a keychain item
    // with no record, which --fix recovers (asking the imitation for its region) from a backup.
    expect((await ok(['doctor'])).stdout).not.toMatch(/PROBLEM/);
    await ok(['add', '-l', 'late', '-r', 'us'], { input: secrets.late });
    const config = path.join(dataDirectory, 'config.json');
    const text = readFileSync(config, 'utf8');
    writeFileSync(config, text.slice(0, text.length / 2));
    const damaged = await msk(['doctor']);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(/^PROBLEM data-file: /m);
    expect(damaged.stdout).toMatch(/^PROBLEM orphans: /m);
    await ok(['doctor', '--fix']);
    await ok(['doctor', '--json']);
    const listed = JSON.parse((await ok(['list', '--json'])).stdout) as { label: string }[];
    expect(listed).toHaveLength(3);
    expect(listed.map((key) => key.label)).toEqual(expect.arrayContaining(['personal', 'second']));
  }, 120_000);

  it('runs tools through the gateway against a service that quotes the key back: they get none of it', async () => {
    const quoting = await startModelStudio();
    quoting.addKey('ap-southeast-1', secrets.personal, { quotesKey: true });
    quoting.addKey('ap-southeast-1', secrets.second, { behaviour: 'model-denied', quotesKey: true });
    const answered = (await ok(['gateway', 'token', 'add', 'chat-tool', '--key', 'personal'])).stdout.trim();
    const denied = (await ok(['gateway', 'token', 'add', 'denied-tool', '--key', 'second'])).stdout.trim();
    const port = await freePort();
    let log = '';
    const gateway = spawn(process.execPath, [MSK, 'gateway', 'run', '--port', String(port)], {
      env: withoutUnset({
        ...process.env,
        ...env,
        MSK_ENDPOINT_OVERRIDES: JSON.stringify(quoting.overrides),
      }),
      cwd: project,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    gateway.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    try {
      await expect.poll(() => log, { timeout: 15_000, interval: 50 }).toContain('Gateway on ');
      /** What a tool gets for one request: status, headers and body, as it reads them. */
      const ask = (route: string, token: string, body?: unknown) =>
        new Promise<{ status: number; headers: unknown; body: string }>((resolve, reject) => {
          const sent = httpRequest(`http://127.0.0.1:${port}${route}`, {
            method: body === undefined ? 'GET' : 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          });
          sent.on('response', (response) => {
            let text = '';
            response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
            );
          });
          sent.on('error', reject);
          sent.end(body === undefined ? undefined : JSON.stringify(body));
        });
      const chat = { model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }] };
      const got = [
        await ask('/v1/chat/completions', answered, chat),
        await ask('/v1/chat/completions', answered, { ...chat, stream: true }),
        await ask('/v1/models', answered),
        await ask('/api/v1/services/aigc/text-generation/generation', answered, {
          model: 'qwen-plus',
          input: { prompt: 'hi' },
        }),
        await ask('/v1/chat/completions', denied, chat),
        await ask('/anthropic/v1/messages', denied, { ...chat, max_tokens: 10 }),
        await ask('/api/v1/tokens?expire_in_seconds=1800', answered, {}),
      ];
      expect(got.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 403, 403, 403]);
      // The service was sent the keys and quoted them back; the tools got them masked.
      expect(new Set(quoting.requests.map((request) => request.authorization))).toEqual(
        new Set([`Bearer ${secrets.personal}`, `Bearer ${secrets.second}`]),
      );
      expect(got[0]?.body).toContain(`key sk-…${secrets.personal.slice(-4)}`);
      expect(got[4]?.body).toContain(`Access denied for API key sk-…${secrets.second.slice(-4)}`);
      expect(got[6]?.body).not.toMatch(/st-[0-9a-f]{8}/);
      expect(findIn('what the tools got through the gateway', JSON.stringify(got))).toEqual([]);
    } finally {
      gateway.kill('SIGINT');
      await new Promise((resolve) => gateway.once('exit', resolve));
      outputs.push({ args: ['gateway', 'run'], text: log });
      await quoting.close();
    }
    expect(log).toContain('Gateway stopped; usage recorded.');
  }, 60_000);

  it('runs an account session: connect, keys made, listed, rotated, disabled, enabled and deleted', async () => {
    const openapi = await startModelStudioOpenApi({ modelStudio: server });
    try {
      const account = openapi.addAccount();
      const [workspace] = account.seed('ap-southeast-1', { workspaces: 1, keysPerWorkspace: 3 });
      const pair = account.accessKey();
      accountSecrets['the AccessKey'] = pair.accessKeySecret;
      const options = { env: { MSK_OPENAPI_ENDPOINTS: JSON.stringify(openapi.overrides) } };
      await ok(['account', 'connect', '--access-key-id', pair.accessKeyId, '--site', 'international'], {
        ...options,
        input: `${pair.accessKeySecret}\n`,
      });
      const made = JSON.parse(
        (
          await ok(
            [
              'account',
              'create-key',
              '--workspace',
              workspace?.workspaceName ?? '',
              '-l',
              'from-account',
              '--json',
            ],
            options,
          )
        ).stdout,
      ) as { keyId: string; check: { status: string } };
      expect(made.check.status).toBe('ok');
      const value = async () => (await keytar.getPassword(service, made.keyId)) ?? '';
      accountSecrets['the created key'] = await value();
      await ok(['account', 'keys'], options);
      await ok(['account', 'keys', '--json'], options);
      await ok(['account', 'rotate', 'from-account', '--yes'], options);
      accountSecrets['the rotated key'] = await value();
      expect(accountSecrets['the rotated key']).not.toBe(accountSecrets['the created key']);
      await ok(['account', 'disable', 'from-account', '--yes'], options);
      await ok(['account', 'enable', 'from-account', '--yes'], options);
      await ok(['account', 'delete-key', 'from-account', '--yes', '--forget'], options);
      await ok(['account', 'disconnect', 'default', '--yes'], options);
    } finally {
      await openapi.close();
    }
  });

  it('leaves no key in any file under HOME, nor in any file name', () => {
    const files = filesUnder(home);
    // The session wrote what it should have: the data file, its backups, the binding, the backup.
    const names = files.map(({ file }) => path.relative(home, file));
    expect(names).toEqual(
      expect.arrayContaining([
        '.config/Model Studio Keys/config.json',
        '.config/Model Studio Keys/usage.json',
        'project/.msk.json',
        'backups/keys.msk-backup',
        'restored/config.json',
      ]),
    );
    expect(names.some((name) => /config\.json\.bak/.test(name))).toBe(true);
    const findings = files.flatMap(({ file, bytes }) => [
      ...findIn(file, bytes),
      ...findIn(`the name ${file}`, file),
      ...(bytes.includes(typedByMistake.slice(3, 15)) ? [`${file}: the key typed into a tool`] : []),
    ]);
    expect(findings).toEqual([]);
  });

  it('puts no key on the command line of any process in the session', () => {
    expect(findIn('the argv log', readFileSync(argvLog))).toEqual([]);
    const entries = logged();
    // Every msk run, the msk exec inside each terminal and the clipboard clearers logged their argv.
    const commands = entries
      .filter((entry) => entry.kind === 'process' && entry.argv?.[1] === MSK)
      .map((entry) => entry.argv?.[2]);
    expect(commands.filter((command) => command === 'exec')).toHaveLength(4);
    expect(commands.filter((command) => command === '_clear-clipboard')).toHaveLength(2);
    expect(shimRuns('xclip').length).toBeGreaterThanOrEqual(4);
  });

  it('prints no key but where asked to', () => {
    expect(outputs.flatMap(({ args, text }) => findIn(`msk ${args.join(' ')}`, text))).toEqual([]);
    expect(outputs.filter(({ text }) => text.includes(typedByMistake.slice(3, 15)))).toEqual([]);
  });

  it('sends the window no key: the state snapshot and the other views', async () => {
    const services = createServices({
      dataDirectory,
      keychainService: service,
      endpointOverrides: server.overrides,
    });
    const context = {
      ...testContext(dataDirectory, server.overrides),
      services,
      checks: new CheckRunner(services),
      state: new StatePublisher(services.config),
    };
    const router = createRouter(context);
    const call = async (name: string, args?: unknown) => [name, args, await router.call(name, args)] as const;
    const views = await Promise.all(
      ['state.get', 'settings.list', 'workspaces.list', 'tools.list', 'regions.endpoints'].map((name) =>
        call(name),
      ),
    );
    for (const [name, , result] of views) expect(result, name).toMatchObject({ ok: true });
    const valueOf = <T>(index: number) => (views[index]?.[2] as { value: T }).value;
    // Per key: its models, and every tool's variables or settings page (the key in them masked).
    const keys = valueOf<{ keys: { id: string }[] }>(0).keys;
    const tools = valueOf<{ id: string; kind: string }[]>(3);
    expect(keys).toHaveLength(3);
    expect(tools.map((tool) => tool.id)).toContain('leaky');
    for (const { id: keyId } of keys) {
      views.push(await call('keys.models', { keyId }));
      for (const tool of tools.filter(({ kind }) => kind !== 'export')) {
        views.push(
          await call(tool.kind === 'gui' ? 'tools.settings' : 'tools.variables', { tool: tool.id, keyId }),
        );
      }
    }
    // The window's form, given a stored key where {{apiKey}} belongs: refused, and no copy of
    // config.json holds it afterwards.
    for (const secret of Object.values(secrets)) {
      const saved = await router.call('tools.saveCustom', {
        id: 'pasted',
        name: 'Pasted',
        variables: { AUTH: `Bearer ${secret}` },
      });
      expect(saved).toMatchObject({ ok: false, error: { code: 'key-in-tool' } });
      views.push(['tools.saveCustom', {}, saved]);
    }
    expect(filesUnder(dataDirectory).flatMap(({ file, bytes }) => findIn(file, bytes))).toEqual([]);
    const snapshot = JSON.stringify(views);
    // The keys are there, masked.
    expect(snapshot).toContain(`sk-…${secrets.personal.slice(-4)}`);
    expect(findIn('the snapshot', snapshot)).toEqual([]);
  });
});
