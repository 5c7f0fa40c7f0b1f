// The house's rules (.dependency-cruiser.cjs, run by `npm run lint`) hold for the code, and they
// bite: a tree of a few files, each breaking one rule, is refused rule by rule, and the same tree
// without those imports passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const CONFIG = path.resolve('.dependency-cruiser.cjs');
const DEPCRUISE = path.resolve('node_modules/.bin/depcruise');

function cruise(cwd: string, ...targets: string[]) {
  const run = spawnSync(DEPCRUISE, [...targets, '--config', CONFIG], { cwd, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Each file: its path, then what it imports. */
function tree(root: string, files: Record<string, string[]>): void {
  writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true } }),
  );
  for (const [file, imports] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    const lines = imports.map((target, index) => {
      const relative = path.relative(path.dirname(file), target).replace(/\.ts$/, '.js');
      return `import * as m${index} from '${relative.startsWith('.') ? relative : `./${relative}`}';\nvoid m${index};`;
    });
    writeFileSync(path.join(root, file), `${lines.join('\n')}\nexport const here = 1;\n`);
  }
}

describe('the layering', () => {
  const directory = useTempDirectory();

  it('holds for the code as it is', () => {
    const { code, output } = cruise(process.cwd(), 'main', 'renderer/src');
    expect(output).toMatch(/no dependency violations found/);
    expect(code).toBe(0);
    // A whole-tree cruise: seconds on a busy machine.
  }, 60_000);

  it('refuses an import against each rule, and says which rule', () => {
    const root = directory();
    tree(root, {
      // A lower layer reaching up into the use cases.
      'main/core/base/errors.ts': ['main/core/actions/keys.ts'],
      'main/core/actions/keys.ts': [],
      // A cycle between two use cases.
      'main/core/actions/a.ts': ['main/core/actions/b.ts'],
      'main/core/actions/b.ts': ['main/core/actions/a.ts'],
      // A file loose at main/core's top.
      'main/core/loose.ts': ['main/core/base/errors.ts'],
      'main/core/actions/uses-loose.ts': ['main/core/loose.ts'],
      // The window reaching into the core.
      'renderer/src/view.ts': ['main/core/base/errors.ts'],
      // The shared folder importing main.
      'main/shared/words.ts': ['main/core/actions/keys.ts'],
      // The IPC layer importing the shell, the shell an IPC internal.
      'main/ipc/router.ts': ['main/shell/tray.ts'],
      'main/shell/tray.ts': ['main/ipc/router.ts'],
      'main/ipc/index.ts': [],
    });
    const { code, output } = cruise(root, 'main', 'renderer');
    expect(code).not.toBe(0);
    for (const rule of [
      'core-base-below-platform',
      'no-circular',
      'core-folders-only',
      'core-folders-only-imported',
      'renderer-sees-only-shared',
      'shared-imports-neither-side',
      'ipc-below-the-shell',
      'ipc-through-its-door',
    ]) {
      expect(output, rule).toContain(`error ${rule}:`);
    }
  });

  it('lets the same kind of tree through when every import goes down', () => {
    const root = directory();
    tree(root, {
      'main/core/base/errors.ts': [],
      'main/core/actions/keys.ts': ['main/core/base/errors.ts', 'main/shared/words.ts'],
      'main/shared/words.ts': [],
      'renderer/src/view.ts': ['main/shared/words.ts'],
      'main/ipc/router.ts': ['main/core/actions/keys.ts'],
      'main/ipc/index.ts': ['main/ipc/router.ts'],
      'main/shell/tray.ts': ['main/ipc/index.ts'],
    });
    const { code, output } = cruise(root, 'main', 'renderer');
    expect(output).toMatch(/no dependency violations found/);
    expect(code).toBe(0);
  });
});

describe('docs/ARCHITECTURE.md', () => {
  const folders = (root: string): string[] =>
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => {
        const folder = `${root}/${entry.name}`;
        return [folder, ...folders(folder)];
      });

  it('names every folder of main/ and renderer/src', () => {
    const map = readFileSync('docs/ARCHITECTURE.md', 'utf8');
    const missing = [...folders('main'), ...folders('renderer/src')].filter(
      (folder) => !map.includes(`\`${folder}\``),
    );
    expect(missing).toEqual([]);
  });
});
