import { describe, expect, it } from 'vitest';
import { parseJsonDocument, stringAt, withString } from '../../main/core/import/json-document.js';

const BASE_URL = ['models', 'providers', 'qwen', 'baseUrl'];

describe('setting one string in a settings file', () => {
  it('replaces an existing value’s characters only: comments, order and the rest stay', () => {
    const text = `// OpenClaw
{
  models: {
    providers: {
      qwen: { baseUrl: 'https://coding-intl.dashscope.aliyuncs.com/v1', api: "openai" }, // mine
    },
  },
}
`;
    const edited = withString(text, BASE_URL, 'https://dashscope-us.aliyuncs.com/compatible-mode/v1');
    expect(edited).toBe(
      text.replace(
        "'https://coding-intl.dashscope.aliyuncs.com/v1'",
        '"https://dashscope-us.aliyuncs.com/compatible-mode/v1"',
      ),
    );
  });

  it('adds the missing members under the deepest object there is, indented as it is', () => {
    const text = '{\n    "agents": { "defaults": {} },\n    "models": {\n        "mode": "merge"\n    }\n}\n';
    const edited = withString(text, BASE_URL, 'https://x.example/v1') ?? '';
    expect(edited).toBe(
      '{\n    "agents": { "defaults": {} },\n    "models": {\n        "mode": "merge",\n        "providers": {\n            "qwen": {\n                "baseUrl": "https://x.example/v1"\n            }\n        }\n    }\n}\n',
    );
    expect(stringAt(parseJsonDocument(edited), ...BASE_URL)).toBe('https://x.example/v1');
  });

  it('after a trailing comma, into an empty object, and in an empty file', () => {
    const trailing = withString('{\n  a: 1,\n}\n', ['b'], 'two') ?? '';
    expect(trailing).toBe('{\n  a: 1,\n  "b": "two"\n}\n');
    expect(withString('{}', ['b'], 'two')).toBe('{\n  "b": "two"\n}');
    const empty = withString('', BASE_URL, 'u') ?? '';
    expect(stringAt(parseJsonDocument(empty), ...BASE_URL)).toBe('u');
  });

  it('writes the value as a JSON string, whatever it holds', () => {
    const edited = withString('{"a": "x"}', ['a'], 'quote " backslash \\ newline \n end') ?? '';
    expect(stringAt(parseJsonDocument(edited), 'a')).toBe('quote " backslash \\ newline \n end');
  });

  it('refuses a path through something that is not an object', () => {
    expect(withString('{"models": []}', BASE_URL, 'u')).toBeUndefined();
    expect(
      withString('{"models": {"providers": {"qwen": {"baseUrl": {"x": 1}}}}}', BASE_URL, 'u'),
    ).toBeUndefined();
    expect(withString('[1]', BASE_URL, 'u')).toBeUndefined();
    expect(() => withString('{"models": ', BASE_URL, 'u')).toThrow();
  });
});
