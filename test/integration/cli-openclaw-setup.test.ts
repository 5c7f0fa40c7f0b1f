// `msk tools setup openclaw`: OpenClaw's endpoint for the key's plan and region merged into its
// config (a diff shown, a backup kept, the rest of the file as it was), and its onboarding run by
// reference. The `openclaw` here stands in for the real one's onboarding as it was observed
// (2026.9.6: it rewrites the file as JSON, setting its own default endpoint, and with
// `--secret-input-mode ref` keeps only the variable's name); it notes its arguments and whether
// the key reached it in the variable, never the key.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { fakePrograms } from '../fixtures/fake-programs.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

const ONBOARDING = `#!/bin/sh
# Notes what it was given, then writes what the real onboarding writes (its own default endpoint).
printf '%s\\n' "$*" > "$HOME/onboard-args.txt"
for name in QWEN_API_KEY QWEN_TOKEN_PLAN_API_KEY; do
  eval "value=\\$$name"
  [ -n "$value" ] && printf '%s=%s\\n' "$name" "\${#value}" >> "$HOME/onboard-env.txt"
done
mkdir -p "$HOME/.openclaw"
cp "$HOME/.openclaw/openclaw.json" "$HOME/.openclaw/openclaw.json.bak" 2>/dev/null
printf '{\\n  "models": {\\n    "mode": "merge",\\n    "providers": {\\n      "qwen": {\\n        "baseUrl": "https://coding-intl.dashscope.aliyuncs.com/v1",\\n        "api": "openai-completions",\\n        "models": []\\n      }\\n    }\\n  },\\n  "auth": { "profiles": { "qwen:default": { "provider": "qwen", "mode": "api_key" } } }\\n}\\n' > "$HOME/.openclaw/openclaw.json"
`;

describe.runIf(keychainPart())('msk tools setup openclaw', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  function setUp() {
    home = mskHome();
    const userHome = path.join(home.directory, 'user');
    mkdirSync(userHome);
    const bin = fakePrograms(userHome, { openclaw: ONBOARDING });
    const env = { HOME: userHome, PATH: `${bin}:${process.env.PATH ?? ''}` };
    const config = path.join(userHome, '.openclaw', 'openclaw.json');
    return { userHome, env, config };
  }

  it('onboards a pay-as-you-go key by reference, then writes its region’s endpoint over the default', async () => {
    const { userHome, env, config } = setUp();
    const secret = fakeKey();
    expect((await home.run(['add', '-l', 'virginia', '-r', 'us'], { input: secret })).code).toBe(0);
    const run = await home.run(['tools', 'setup', 'openclaw'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(userHome, 'onboard-args.txt'), 'utf8')).toMatch(
      /^onboard --non-interactive --accept-risk --mode local --secret-input-mode ref .*--auth-choice qwen-standard-api-key\n$/,
    );
    // The key reached onboarding in the variable only.
    expect(readFileSync(path.join(userHome, 'onboard-env.txt'), 'utf8')).toBe(
      `QWEN_API_KEY=${secret.length}\n`,
    );
    expect(run.stdout).toContain(
      '-        "baseUrl": "https://coding-intl.dashscope.aliyuncs.com/v1",\n+        "baseUrl": "https://dashscope-us.aliyuncs.com/compatible-mode/v1",',
    );
    const written = readFileSync(config, 'utf8');
    expect(written).toContain('"baseUrl": "https://dashscope-us.aliyuncs.com/compatible-mode/v1"');
    expect(written).toContain('"auth": { "profiles"');
    // The file as onboarding left it, kept beside it; the key in no file.
    const backups = readdirSync(path.dirname(config)).filter((name) => name.includes('.msk-backup-'));
    expect(backups).toHaveLength(1);
    expect(statSync(path.join(path.dirname(config), backups[0] ?? '')).mode & 0o777).toBe(0o600);
    for (const name of readdirSync(path.dirname(config)))
      expect(readFileSync(path.join(path.dirname(config), name), 'utf8')).not.toContain(secret);
    expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('gives a Token Plan key its own provider and variable; China’s onboarding choice for a Beijing key', async () => {
    const { userHome, env, config } = setUp();
    expect(
      (await home.run(['add', '-l', 'tokens', '-r', 'cn', '--plan', 'token'], { input: fakeKey('plan') }))
        .code,
    ).toBe(0);
    const dry = await home.run(['tools', 'setup', 'openclaw', '--dry-run'], { env });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain(
      'provider qwen-token-plan at https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1, the key read from QWEN_TOKEN_PLAN_API_KEY',
    );
    expect(dry.stderr).toMatch(/Would run: openclaw onboard .*--auth-choice qwen-token-plan-cn\n/);
    expect(existsSync(config)).toBe(false);
    expect(existsSync(path.join(userHome, 'onboard-args.txt'))).toBe(false);
    const run = await home.run(['tools', 'setup', 'openclaw'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(userHome, 'onboard-env.txt'), 'utf8')).toMatch(
      /^QWEN_API_KEY=\d+\nQWEN_TOKEN_PLAN_API_KEY=\d+\n$/,
    );
    expect(readFileSync(config, 'utf8')).toContain(
      '"qwen-token-plan": {\n        "baseUrl": "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1"',
    );
  });

  it("names a project's binding once, whether onboarding runs or not", async () => {
    const { userHome, env } = setUp();
    expect((await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: fakeKey() })).code).toBe(0);
    expect((await home.run(['add', '-l', 'project', '-r', 'sg'], { input: fakeKey() })).code).toBe(0);
    const project = path.join(userHome, 'project');
    mkdirSync(project);
    expect((await home.run(['bind', 'project'], { cwd: project })).code).toBe(0);
    for (const args of [['--dry-run'], []]) {
      const run = await home.run(['tools', 'setup', 'openclaw', ...args], { env, cwd: project });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.match(/Using 'project', bound by /g)).toHaveLength(1);
    }
  });

  it('follows a config the user keeps elsewhere through a link: the file it names is changed, the link kept', async () => {
    const { userHome, env, config } = setUp();
    expect((await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: fakeKey() })).code).toBe(0);
    const dotfiles = path.join(userHome, 'dotfiles');
    mkdirSync(dotfiles);
    mkdirSync(path.dirname(config));
    const kept = path.join(dotfiles, 'openclaw.json');
    writeFileSync(kept, '{ "models": { "providers": { "qwen": { "baseUrl": "x" } } } }\n');
    symlinkSync(kept, config);
    const run = await home.run(['tools', 'setup', 'openclaw', '--no-onboard'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(config).isSymbolicLink()).toBe(true);
    expect(readFileSync(kept, 'utf8')).toContain(
      '"baseUrl": "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"',
    );
    expect(readdirSync(dotfiles).filter((name) => name.includes('.msk-backup-'))).toHaveLength(1);
    expect(readdirSync(path.dirname(config))).toEqual(['openclaw.json']);
  });

  it('without onboarding, merges into a JSON5 file the user wrote, keeping its comments; a broken file is left alone', async () => {
    const { env, config } = setUp();
    expect(
      (await home.run(['add', '-l', 'coding', '-r', 'sg', '--plan', 'coding'], { input: fakeKey('plan') }))
        .code,
    ).toBe(0);
    mkdirSync(path.dirname(config));
    const mine = "// mine\n{\n  agents: { defaults: { model: { primary: 'qwen/qwen3.5-plus' } } },\n}\n";
    writeFileSync(config, mine);
    const run = await home.run(['tools', 'setup', 'openclaw', '--no-onboard'], { env });
    expect(run.code, run.stderr).toBe(0);
    const written = readFileSync(config, 'utf8');
    expect(
      written.startsWith(
        "// mine\n{\n  agents: { defaults: { model: { primary: 'qwen/qwen3.5-plus' } } },\n",
      ),
    ).toBe(true);
    expect(written).toContain('"baseUrl": "https://coding-intl.dashscope.aliyuncs.com/v1"');
    // Again: nothing to change, nothing written.
    const again = await home.run(['tools', 'setup', 'openclaw', '--no-onboard'], { env });
    expect(again.stderr).toMatch(/openclaw\.json has that endpoint already\.\n$/);

    writeFileSync(config, '{ models: [1, }');
    const broken = await home.run(['tools', 'setup', 'openclaw', '--no-onboard'], { env });
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(
      /openclaw\.json is not a config OpenClaw can read \(line 1: .*\); fix it, then set it up again\./,
    );
    expect(readFileSync(config, 'utf8')).toBe('{ models: [1, }');
  });
});
