// The autostart entry read by a real desktop-entry launcher: GLib's (GNOME's session and `gio
// launch` share it) starts the program with exactly the arguments given, however odd the path.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartFile, setAutostart } from '../../main/core/desktop/linux-autostart.js';
import { fakePrograms } from '../fixtures/fake-programs.js';
import { runProcess } from '../fixtures/msk.js';
import { onPath, systemPart } from '../fixtures/system.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const gio = systemPart('gio', onPath('gio'), 'apt-get install libglib2.0-bin');

describe.runIf(gio)('the autostart entry under GLib’s launcher', () => {
  const directory = useTempDirectory();

  it('starts the app with its arguments intact: spaces, quotes, $, backslashes, %, newlines', async () => {
    const report = path.join(directory(), 'argv.txt');
    // No % in the program's own path: GLib looks the program up before expanding %% (a GLib quirk).
    const odd = `Model Studio "Keys" $HOME \`x\` back\\slash it's (1) #;&|<>*?~`;
    const bin = fakePrograms(path.join(directory(), odd), {
      app: `#!/bin/sh\nfor argument in "$@"; do printf '[%s]\\n' "$argument"; done > '${report}'\n`,
    });
    const args = ['--import', `/src/${odd}/register.js`, '%u', '50% off', 'tab\there', 'line\nbreak', ''];
    const file = autostartFile({ XDG_CONFIG_HOME: directory() }, '/nowhere');
    await setAutostart(file, true, [path.join(bin, 'app'), ...args]);

    const launch = await runProcess('gio', ['launch', file], process.env);
    expect(launch.code, launch.stderr).toBe(0);
    await expect.poll(() => existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toBe(args.map((argument) => `[${argument}]\n`).join(''));
  });
});
