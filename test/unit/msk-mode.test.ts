import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mskArguments, selfAsMsk } from '../../main/shell/msk-mode.js';

describe('the app as msk', () => {
  it('is msk only when --msk comes first: after the executable, or after the app folder unpackaged', () => {
    expect(mskArguments(['/opt/MSK/msk-app', '--msk', 'list', '--json'], true)).toEqual(['list', '--json']);
    expect(mskArguments(['/usr/bin/electron', '/src/msk', '--msk', 'exec', '--', 'qwen'], false)).toEqual([
      'exec',
      '--',
      'qwen',
    ]);
    expect(mskArguments(['/opt/MSK/msk-app'], true)).toBeUndefined();
    // A later --msk is someone else's argument, and an unpackaged run's first is its folder.
    expect(mskArguments(['/opt/MSK/msk-app', '--hidden', '--msk'], true)).toBeUndefined();
    expect(mskArguments(['/usr/bin/electron', '--msk', 'list'], false)).toBeUndefined();
  });

  it('starts itself again as msk: packaged, its executable; unpackaged, with its runtime flags and folder', () => {
    expect(
      selfAsMsk(
        { execPath: '/opt/MSK/msk-app', execArgv: [], argv: ['/opt/MSK/msk-app'] },
        true,
        path.resolve,
      ),
    ).toEqual(['/opt/MSK/msk-app', '--msk']);
    expect(
      selfAsMsk(
        {
          execPath: '/usr/bin/node',
          execArgv: ['--import', 'stand-in.js'],
          argv: ['/usr/bin/node', 'out/main/index.js'],
        },
        false,
        (file) => `/src/${file}`,
      ),
    ).toEqual(['/usr/bin/node', '--import', 'stand-in.js', '/src/out/main/index.js', '--msk']);
  });
});
