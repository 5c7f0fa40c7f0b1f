import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOnPath, loginPath } from '../../main/core/platform/login-path.js';
import { onPath } from '../fixtures/system.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('the login shell’s PATH', () => {
  const directory = useTempDirectory();

  /** A "shell" that answers like a login shell whose rc files set PATH (and print noise). */
  function fakeShell(script: string): string {
    const shell = path.join(directory(), 'fake-shell');
    writeFileSync(shell, `#!/bin/sh\n${script}\n`);
    chmodSync(shell, 0o755);
    return shell;
  }

  it('asks the user’s shell as a login shell, ignoring whatever else its rc files print', async () => {
    // Takes `-i -l -c <script>` like sh would: prints a banner, sets PATH as an rc file would, runs the script.
    const shell = fakeShell(
      'echo "motd"; PATH=/opt/from-rc/bin:/usr/bin; export PATH; eval "$4"; echo " bye"',
    );
    expect(await loginPath({ SHELL: shell, PATH: '/usr/bin' }, 'linux')).toBe('/opt/from-rc/bin:/usr/bin');
  });

  it.runIf(onPath('bash'))('asks a real login shell', async () => {
    const found = await loginPath({ SHELL: '/bin/bash', PATH: '/usr/bin:/bin', HOME: directory() }, 'linux');
    expect(found.split(':')).toContain('/usr/bin');
  });

  it('falls back to the process PATH on Windows, without a shell, or when the shell hangs', async () => {
    expect(await loginPath({ PATH: 'C:\\bin' }, 'win32')).toBe('C:\\bin');
    expect(await loginPath({ PATH: '/usr/bin' }, 'linux')).toBe('/usr/bin');
    const hanging = fakeShell('sleep 30');
    const started = Date.now();
    expect(await loginPath({ SHELL: hanging, PATH: '/usr/bin' }, 'linux', 300)).toBe('/usr/bin');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('finds a command on a PATH, only when it is an executable file', () => {
    const bin = path.join(directory(), 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'qwen'), '#!/bin/sh\n');
    chmodSync(path.join(bin, 'qwen'), 0o755);
    writeFileSync(path.join(bin, 'not-executable'), '');
    mkdirSync(path.join(bin, 'a-directory'));
    const search = `/nowhere:${bin}`;
    expect(findOnPath('qwen', search, 'linux')).toBe(path.join(bin, 'qwen'));
    expect(findOnPath('not-executable', search, 'linux')).toBeUndefined();
    expect(findOnPath('a-directory', search, 'linux')).toBeUndefined();
    expect(findOnPath(path.join(bin, 'qwen'), '', 'linux')).toBe(path.join(bin, 'qwen'));
  });
});
