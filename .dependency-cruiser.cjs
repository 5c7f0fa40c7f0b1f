// The house's rules, checked by `npm run lint` (dependency-cruiser): which part of the code may
// import which. Read with docs/ARCHITECTURE.md, which says what each folder owns; a newcomer can
// learn the layering from the rules below. Type-only imports count like any other.

/**
 * main/core's folders, lowest first: each may import only the folders before it (and its own).
 * base knows nothing; actions, the use cases, sit on top of everything.
 */
const CORE_LAYERS = [
  'base',
  'platform',
  'model-studio',
  'tools',
  'config',
  'keys',
  'calls',
  'account',
  'clipboard',
  'import',
  'gateway',
  'updates',
  'desktop',
  'state',
  'actions',
];

const folder = (name) => `^main/core/${name}/`;

/** One rule per core folder: it does not reach into the folders above it. */
const layerRules = CORE_LAYERS.slice(0, -1).map((name, index) => ({
  name: `core-${name}-below-${CORE_LAYERS[index + 1]}`,
  comment: `main/core/${name} sits below ${CORE_LAYERS.slice(index + 1).join(', ')}: it may import only ${
    index === 0 ? 'nothing of main/core but itself' : CORE_LAYERS.slice(0, index).join(', ')
  } (docs/ARCHITECTURE.md, "main/core").`,
  severity: 'error',
  from: { path: folder(name) },
  to: { path: `^main/core/(${CORE_LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycle anywhere, type-only imports included: a cycle hides which part depends on which.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'core-folders-only',
      comment:
        'main/core holds its code in its domain folders: a file loose at its top level has no place in the layering.',
      severity: 'error',
      from: { path: '^main/core/[^/]+$' },
      to: {},
    },
    {
      name: 'core-folders-only-imported',
      comment: 'Nothing imports a file loose at main/core’s top level: it belongs in a domain folder.',
      severity: 'error',
      from: {},
      to: { path: '^main/core/[^/]+$' },
    },
    {
      name: 'core-stays-core',
      comment:
        'main/core runs under plain Node for the CLI and the tests: it never reaches into the IPC layer, the CLI, the Electron shell or the window.',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: '^(main/(ipc|cli|shell)/|main/(index|preload)\\.ts$|renderer/)' },
    },
    {
      name: 'no-electron-outside-the-shell',
      comment:
        'Only main/shell, main/index.ts and main/preload.ts run inside Electron; core, ipc, cli and shared run under plain Node.',
      severity: 'error',
      from: { path: '^main/(core|ipc|cli|shared)/' },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'shared-imports-neither-side',
      comment:
        'main/shared is what main and the window both import (the IPC contract, channel names, the words and catalogs of i18n): it imports nothing of either.',
      severity: 'error',
      from: { path: '^main/shared/' },
      to: { path: '^(main/(?!shared/)|renderer/)' },
    },
    {
      name: 'renderer-sees-only-shared',
      comment: 'The window is sandboxed web code: of main/ it may import only main/shared.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/(?!shared/)' },
    },
    {
      name: 'renderer-is-web-code',
      comment: 'The window runs sandboxed, without Node or Electron: no built-in module, no electron.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      comment: 'The window reaches main only through the preload’s window.api.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'ipc-below-the-shell',
      comment:
        'main/ipc answers the window for the core; the Electron shell uses it, never the other way round.',
      severity: 'error',
      from: { path: '^main/ipc/' },
      to: { path: '^(main/(shell|cli)/|main/(index|preload)\\.ts$)' },
    },
    {
      name: 'ipc-through-its-door',
      comment: 'The shell and main/index.ts use main/ipc through main/ipc/index.ts only, not its internals.',
      severity: 'error',
      from: { path: '^(main/shell/|main/index\\.ts$)' },
      to: { path: '^main/ipc/(?!index\\.ts$)' },
    },
    {
      name: 'cli-on-the-core',
      comment:
        'msk parses arguments, calls the core and prints: it never uses the IPC layer or the Electron shell.',
      severity: 'error',
      from: { path: '^main/cli/' },
      to: { path: '^(main/(ipc|shell)/|main/(index|preload)\\.ts$|renderer/)' },
    },
    {
      name: 'preload-stays-thin',
      comment:
        'The preload exposes the contract by its names: it imports main/shared and Electron, nothing else of main/.',
      severity: 'error',
      from: { path: '^main/preload\\.ts$' },
      to: { path: '^main/(?!shared/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
