import { describe, expect, it } from 'vitest';
import { MskError } from '../../main/core/base/errors.js';
import { notice } from '../../main/core/base/notices.js';
import { renderError, renderNotice } from '../../main/cli/messages.js';

describe('msk words the core’s errors and notices with the command that helps', () => {
  it.each([
    [
      new MskError('no-active-key', 'No active key in Singapore: no keys are stored yet.', {
        keysInRegion: [],
        keyCount: 0,
      }),
      "No active key in Singapore: no keys are stored yet; add one with 'msk add --label <name> --region <region>'.",
    ],
    [
      new MskError('no-active-key', 'No active key in US (Virginia): no key is stored for it.', {
        keysInRegion: [],
        keyCount: 2,
      }),
      "No active key in US (Virginia): no key is stored for it; switch with 'msk region <region>' or name a key with --key.",
    ],
    [
      new MskError(
        'no-active-key',
        'No active key in Singapore: none of its keys (a, b) is chosen as active.',
        {
          keysInRegion: ['a', 'b'],
          keyCount: 2,
        },
      ),
      "No active key in Singapore: none of its keys (a, b) is chosen as active; run 'msk use <label>' to choose one of: a, b.",
    ],
    [
      new MskError(
        'account-refused',
        "This AccessKey may not call ListApiKeys (modelstudio:ListApiKeys): add that action to the RAM user's policy.",
        { reason: 'permission', permission: 'modelstudio:ListApiKeys' },
      ),
      "This AccessKey may not call ListApiKeys (modelstudio:ListApiKeys): add that action to the RAM user's policy; 'msk account status' prints the whole policy.",
    ],
    [
      new MskError('account-refused', "'x' still holds API keys: delete them first.", {
        reason: 'workspace-has-keys',
      }),
      "'x' still holds API keys: delete them first.",
    ],
    [
      new MskError('secret-missing', "The keychain has no secret for 'a' (item x): it was deleted.", {
        label: 'a',
        keyId: 'x',
      }),
      "The keychain has no secret for 'a' (item x): it was deleted; if you still have the key, run 'msk remove x --yes' and add it again.",
    ],
    [
      new MskError('clipboard-unavailable', 'No clipboard is available: install xclip.'),
      'No clipboard is available: install xclip; use --print to write the key to stdout instead.',
    ],
    [new MskError('unknown-key', 'No key is labelled x.'), 'No key is labelled x.'],
  ])('%s', (error, line) => {
    expect(renderError(error)).toBe(line);
  });

  it('adds advice to notices by code, and leaves others as they are', () => {
    expect(renderNotice(notice('plan-mismatch', 'Stored as a Token Plan key.', { label: 'odd' }))).toBe(
      "Stored as a Token Plan key; run 'msk check odd' to be sure.",
    );
    expect(renderNotice(notice('keys-per-workspace', '21 keys.'))).toBe('21 keys.');
  });
});
