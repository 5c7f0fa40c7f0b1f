import { describe, expect, it } from 'vitest';
import {
  childEnvironment,
  envFor,
  requirePreset,
  TOOL_PRESETS,
  variablesWithoutSource,
} from '../../main/core/tools.js';

const endpoints = {
  family: 'dashscope' as const,
  compatible: 'https://h/compatible-mode/v1',
  native: 'https://h/api/v1',
  anthropic: 'https://h/apps/anthropic',
};
const context = { secret: 'sk-secret', endpoints, defaultModel: 'qwen-plus' };

describe('envFor', () => {
  it('gives the default preset the DashScope and OpenAI variables', () => {
    expect(envFor(requirePreset(), context)).toEqual({
      DASHSCOPE_API_KEY: 'sk-secret',
      DASHSCOPE_HTTP_BASE_URL: 'https://h/api/v1',
      OPENAI_API_KEY: 'sk-secret',
      OPENAI_BASE_URL: 'https://h/compatible-mode/v1',
    });
  });

  it('points Claude Code at the Anthropic-compatible base with a coding model', () => {
    expect(envFor(requirePreset('claude-code'), context)).toEqual({
      ANTHROPIC_BASE_URL: 'https://h/apps/anthropic',
      ANTHROPIC_AUTH_TOKEN: 'sk-secret',
      ANTHROPIC_MODEL: 'qwen3-coder-plus',
    });
  });

  it('leaves out what a plan without a native API cannot fill, and says which', () => {
    const plan = { ...context, endpoints: { ...endpoints, family: 'token' as const, native: null } };
    expect(envFor(requirePreset(), plan)).toEqual({
      DASHSCOPE_API_KEY: 'sk-secret',
      OPENAI_API_KEY: 'sk-secret',
      OPENAI_BASE_URL: 'https://h/compatible-mode/v1',
    });
    expect(variablesWithoutSource(requirePreset('dashscope'), plan.endpoints)).toEqual([
      'DASHSCOPE_HTTP_BASE_URL',
    ]);
    expect(variablesWithoutSource(requirePreset('claude-code'), plan.endpoints)).toEqual([]);
    expect(variablesWithoutSource(requirePreset(), endpoints)).toEqual([]);
  });

  it('lets the user’s model for a tool win over the preset’s', () => {
    expect(envFor(requirePreset('qwen-code'), { ...context, toolModel: 'qwen3-max' }).OPENAI_MODEL).toBe(
      'qwen3-max',
    );
  });

  it('has unique preset ids and only known sources', () => {
    expect(new Set(TOOL_PRESETS.map((tool) => tool.id)).size).toBe(TOOL_PRESETS.length);
    for (const tool of TOOL_PRESETS) {
      for (const value of Object.values(envFor(tool, context))) expect(value).not.toBe(undefined);
    }
  });

  it('names the known tools when one is unknown', () => {
    expect(() => requirePreset('vim')).toThrow(/Unknown tool 'vim'.*default, openai/);
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
