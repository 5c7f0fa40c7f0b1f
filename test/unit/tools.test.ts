import { describe, expect, it } from 'vitest';
import { type Plan, REGIONS } from '../../main/core/model-studio/catalog.js';
import { endpointsFor, placementsFor } from '../../main/core/model-studio/regions.js';
import { BUILT_IN_TOOLS } from '../../main/core/tools/tool-catalog.js';
import {
  allTools,
  assertPlanServes,
  childEnvironment,
  commandFor,
  envFor,
  requireTool,
  settingsFor,
  type ToolContext,
  validateCustomTool,
} from '../../main/core/tools/tool-presets.js';
import type { CustomTool } from '../../main/core/config/config-schema.js';
import { fakeKey } from '../fixtures/fake-keys.js';

const endpoints = {
  family: 'dashscope' as const,
  compatible: 'https://h/compatible-mode/v1',
  native: 'https://h/api/v1',
  anthropic: 'https://h/apps/anthropic',
};
const context: ToolContext = {
  secret: 'sk-secret',
  endpoints,
  regionId: 'ap-southeast-1',
  workspaceId: 'default',
  plan: 'payg',
  defaultModel: 'qwen-plus',
};

describe('envFor', () => {
  it('gives OpenClaw a Token Plan key in the one variable its Token Plan provider reads, too', () => {
    const openclaw = requireTool('openclaw');
    const payg = Object.keys(envFor(openclaw, context).variables);
    expect(payg).toEqual(['QWEN_API_KEY', 'MODELSTUDIO_API_KEY', 'DASHSCOPE_API_KEY']);
    expect(envFor(openclaw, { ...context, plan: 'token' }).variables).toEqual({
      QWEN_API_KEY: 'sk-secret',
      MODELSTUDIO_API_KEY: 'sk-secret',
      DASHSCOPE_API_KEY: 'sk-secret',
      QWEN_TOKEN_PLAN_API_KEY: 'sk-secret',
    });
  });

  it('gives the default preset the DashScope and OpenAI variables', () => {
    expect(envFor(requireTool(), context)).toEqual({
      variables: {
        DASHSCOPE_API_KEY: 'sk-secret',
        DASHSCOPE_HTTP_BASE_URL: 'https://h/api/v1',
        OPENAI_API_KEY: 'sk-secret',
        OPENAI_BASE_URL: 'https://h/compatible-mode/v1',
      },
      unavailable: [],
    });
  });

  it('points Claude Code at the Anthropic-compatible base by Bearer token, with a Model Studio model for every alias', () => {
    expect(envFor(requireTool('claude-code'), context).variables).toEqual({
      ANTHROPIC_BASE_URL: 'https://h/apps/anthropic',
      ANTHROPIC_AUTH_TOKEN: 'sk-secret',
      ANTHROPIC_MODEL: 'qwen3-coder-plus',
      ANTHROPIC_DEFAULT_HAIKU_MODEL: 'qwen3-coder-plus',
      ANTHROPIC_DEFAULT_SONNET_MODEL: 'qwen3-coder-plus',
      ANTHROPIC_DEFAULT_OPUS_MODEL: 'qwen3-coder-plus',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    });
    expect(requireTool('claude-code').variables).not.toHaveProperty('ANTHROPIC_API_KEY');
  });

  it('gives OpenCode its provider as JSON, the key only by reference to a variable', () => {
    const { OPENCODE_CONFIG_CONTENT, DASHSCOPE_API_KEY } = envFor(requireTool('opencode'), context).variables;
    expect(DASHSCOPE_API_KEY).toBe('sk-secret');
    expect(JSON.parse(OPENCODE_CONFIG_CONTENT ?? '')).toEqual({
      provider: {
        modelstudio: {
          npm: '@ai-sdk/openai-compatible',
          name: 'Model Studio',
          options: { baseURL: 'https://h/compatible-mode/v1', apiKey: '{env:DASHSCOPE_API_KEY}' },
          models: { 'qwen3-coder-plus': { name: 'qwen3-coder-plus' } },
        },
      },
      model: 'modelstudio/qwen3-coder-plus',
    });
    expect(OPENCODE_CONFIG_CONTENT).not.toContain('sk-secret');
  });

  it('leaves out what a plan without a native API cannot fill, and says which', () => {
    const plan = { ...context, endpoints: { ...endpoints, family: 'token' as const, native: null } };
    expect(envFor(requireTool(), plan)).toEqual({
      variables: {
        DASHSCOPE_API_KEY: 'sk-secret',
        OPENAI_API_KEY: 'sk-secret',
        OPENAI_BASE_URL: 'https://h/compatible-mode/v1',
      },
      unavailable: ['DASHSCOPE_HTTP_BASE_URL'],
    });
    expect(envFor(requireTool('claude-code'), plan).unavailable).toEqual([]);
  });

  it('lets the user’s model for a tool win over the preset’s', () => {
    expect(
      envFor(requireTool('qwen-code'), { ...context, toolModel: 'qwen3-max' }).variables.OPENAI_MODEL,
    ).toBe('qwen3-max');
  });

  it('fills every built-in preset for every region, plan and override, with no hole left', () => {
    const overrides = {
      'ap-southeast-1': 'http://gw/sg',
      'workspace:eu-central-1': 'http://gw/{workspaceId}',
    };
    for (const plan of ['payg', 'coding', 'token'] as Plan[]) {
      for (const { region } of placementsFor([plan], 'llm-abcd1234')) {
        for (const environmentOverrides of [{}, overrides]) {
          const key = { ...context, regionId: region.id, workspaceId: 'llm-abcd1234' };
          const found = endpointsFor({
            regionId: region.id,
            plan,
            workspaceId: 'llm-abcd1234',
            environmentOverrides,
          });
          for (const tool of BUILT_IN_TOOLS) {
            const { variables } = envFor(tool, { ...key, endpoints: found });
            for (const value of Object.values(variables)) expect(value).not.toMatch(/\{\{|undefined|null/);
            for (const part of commandFor(tool, { ...key, endpoints: found }) ?? [])
              expect(part).not.toMatch(/\{\{/);
          }
        }
      }
    }
    expect(REGIONS.length).toBe(6);
  });

  it('has unique ids, and no key on any command line', () => {
    expect(new Set(BUILT_IN_TOOLS.map((tool) => tool.id)).size).toBe(BUILT_IN_TOOLS.length);
    for (const tool of BUILT_IN_TOOLS) expect(JSON.stringify(tool.command ?? [])).not.toContain('{{apiKey}}');
  });

  it('names the known tools when one is unknown', () => {
    expect(() => requireTool('vim')).toThrow(/Unknown tool 'vim'.*default, openai/);
  });
});

describe('commands and settings', () => {
  it('gives Codex its provider on the command line, the key by the name of its variable', () => {
    expect(commandFor(requireTool('codex'), context)).toEqual([
      'codex',
      '-c',
      'model_provider="modelstudio"',
      '-c',
      'model_providers.modelstudio.name="Model Studio"',
      '-c',
      'model_providers.modelstudio.base_url="https://h/compatible-mode/v1"',
      '-c',
      'model_providers.modelstudio.env_key="DASHSCOPE_API_KEY"',
      '-c',
      'model_providers.modelstudio.wire_api="responses"',
      '-m',
      'qwen3-max',
    ]);
    expect(commandFor(requireTool('aider'), context)).toEqual([
      'aider',
      '--model',
      'openai/qwen3-coder-plus',
    ]);
  });

  it.each([
    ['cline', ['OpenAI Compatible', 'https://h/compatible-mode/v1', 'sk-secret', 'qwen3-coder-plus']],
    [
      'chatbox',
      [
        'OpenAI API Compatible',
        'https://h/compatible-mode',
        '/v1/chat/completions',
        'sk-secret',
        'qwen-plus',
      ],
    ],
    ['dify', ['OpenAI-API-compatible', 'qwen-plus', 'sk-secret', 'https://h/compatible-mode/v1']],
    [
      'cherry-studio',
      ['Alibaba Cloud Bailian (阿里云百炼)', 'sk-secret', 'https://h/compatible-mode/v1', 'qwen-plus'],
    ],
  ])('fills in %s’s settings page, marking the key’s field', (id, values) => {
    const fields = settingsFor(requireTool(id), context);
    expect(fields.map((field) => field.value)).toEqual(values);
    expect(fields.filter((field) => field.secret).map((field) => field.value)).toEqual(['sk-secret']);
    for (const field of fields) expect(field.where).not.toBe('');
  });

  it('says before anything is pasted that a tool does not serve a key’s plan', () => {
    expect(() => assertPlanServes(requireTool('dify'), 'coding')).toThrow(
      expect.objectContaining({
        code: 'plan-unsupported',
        message: expect.stringMatching(
          /Dify does not work with a Coding Plan key\. Alibaba serves the Coding Plan to coding agents only/,
        ),
      }),
    );
    expect(() => assertPlanServes(requireTool('codex'), 'token')).toThrow(
      /Codex CLI does not work with a Token Plan key/,
    );
    expect(() => assertPlanServes(requireTool('claude-code'), 'coding')).not.toThrow();
  });
});

describe('tools of the user’s own', () => {
  const mine = {
    id: 'my-agent',
    name: 'My agent',
    variables: { MY_KEY: '{{apiKey}}', MY_URL: '{{baseUrl}}/chat' },
  };

  it('render like built-in ones, on top of a base preset when asked', () => {
    const tools = allTools([
      mine,
      { id: 'openai-plus', name: 'OpenAI plus', base: 'openai', variables: { EXTRA: '{{regionId}}' } },
    ]);
    expect(envFor(tools.find((tool) => tool.id === 'my-agent') ?? expect.fail(), context).variables).toEqual({
      MY_KEY: 'sk-secret',
      MY_URL: 'https://h/compatible-mode/v1/chat',
    });
    expect(
      envFor(
        requireTool('openai-plus', [
          { id: 'openai-plus', name: 'x', base: 'openai', variables: { EXTRA: '{{regionId}}' } },
        ]),
        context,
      ).variables,
    ).toEqual({
      OPENAI_API_KEY: 'sk-secret',
      OPENAI_BASE_URL: 'https://h/compatible-mode/v1',
      EXTRA: 'ap-southeast-1',
    });
  });

  it.each([
    [{ ...mine, id: 'My Agent' }, /is not a tool id/],
    [{ ...mine, id: 'qwen-code' }, /'qwen-code' is a built-in tool/],
    [{ ...mine, variables: { 'MY-KEY': '{{apiKey}}' } }, /'MY-KEY' is not a variable name/],
    [
      { ...mine, variables: { MY_KEY: '{{secret}}' } },
      /Unknown placeholder \{\{secret\}\} in MY_KEY\. Known: \{\{apiKey\}\}/,
    ],
    [{ ...mine, command: ['tool', '--key={{apiKey}}'] }, /The command cannot hold \{\{apiKey\}\}/],
    [{ ...mine, variables: {} }, /needs at least one variable/],
    [{ ...mine, base: 'nothing' }, /Unknown base tool 'nothing'/],
  ])('refuses %j', (tool, message) => {
    expect(() => validateCustomTool(tool)).toThrow(message);
  });

  it('refuses a second tool with the same id', () => {
    expect(() => validateCustomTool(mine, [mine])).toThrow(/A tool 'my-agent' exists already/);
  });

  it('refuses what looks like a key in every field, naming the field and never the key', () => {
    for (const key of [
      fakeKey(),
      fakeKey('workspace'),
      fakeKey('plan'),
      fakeKey('unusual'),
      'st-0123456789abcdef',
    ]) {
      const cases: [CustomTool, string][] = [
        [{ ...mine, variables: { MY_KEY: key } }, 'variables.MY_KEY'],
        [{ ...mine, variables: { MY_KEY: `Bearer ${key}` } }, 'variables.MY_KEY'],
        [{ ...mine, variables: { [key]: '{{apiKey}}' } }, 'variables'],
        [{ ...mine, command: ['foo', key] }, 'command.1'],
        [{ ...mine, command: ['foo', `--api-key=${key}`] }, 'command.1'],
        [{ ...mine, name: `agent ${key}` }, 'name'],
        [{ ...mine, id: key.slice(0, 20).toLowerCase() }, 'id'],
        [{ ...mine, base: key }, 'base'],
      ];
      for (const [tool, field] of cases) {
        let thrown: unknown;
        try {
          validateCustomTool(tool);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${field} of ${JSON.stringify(tool)}`).toMatchObject({
          code: 'key-in-tool',
          message: expect.stringContaining(`its ${field} looks like one`),
          params: { field },
        });
        // Not the key, nor any part of its random body.
        expect(JSON.stringify(thrown) + (thrown as Error).message).not.toContain(key.slice(3, 15));
      }
    }
  });

  it('refuses a name with control, line-separator or text-direction characters', () => {
    for (const name of ['a\u202Eb', 'a\u2066b', 'a\u0085b', 'a\u2028b', 'a\u0007b']) {
      expect(() => validateCustomTool({ ...mine, name })).toThrow(
        /control characters, line separators or text-direction/,
      );
    }
  });
});

describe('childEnvironment', () => {
  it('drops every stale variable of the Model Studio families and keeps the rest', () => {
    const parent = {
      PATH: '/bin',
      HOME: '/home/u',
      OPENAI_BASE_URL: 'https://api.openai.com/v1',
      OPENAI_ORG_ID: 'org-1',
      ANTHROPIC_API_KEY: 'old',
      DASHSCOPE_BASE_URL: 'old',
      QWEN_API_KEY: 'old',
      MODELSTUDIO_API_KEY: 'old',
      BAILIAN_TOKEN_PLAN_API_KEY: 'old',
      openai_api_key: 'old',
      MSK_HOME: '/data',
      NOT_OPENAI: 'kept',
      UNSET: undefined,
    };
    expect(childEnvironment(parent, { OPENAI_API_KEY: 'sk-new', OPENAI_BASE_URL: 'https://new' })).toEqual({
      PATH: '/bin',
      HOME: '/home/u',
      MSK_HOME: '/data',
      NOT_OPENAI: 'kept',
      OPENAI_API_KEY: 'sk-new',
      OPENAI_BASE_URL: 'https://new',
    });
  });
});
