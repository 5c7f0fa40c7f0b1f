import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The core and the command line run under plain Node: Electron stays in main/shell and main/index.ts.
const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message: 'main/core, cli, ipc and i18n run under plain Node: put Electron code in main/shell.',
        },
      ],
      patterns: [
        { group: ['electron/*'], message: 'main/core and main/cli run under plain Node.' },
        { group: ['**/shell/*', '**/shell'], message: 'The core must not depend on the Electron shell.' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  // main/ipc and main/i18n run under plain Node too: the tests drive them without Electron.
  {
    files: ['main/core/**/*.ts', 'main/cli/**/*.ts', 'main/ipc/**/*.ts', 'main/i18n/**/*.ts'],
    rules: noElectron,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every word the window shows comes from the catalogs (main/i18n), in every language.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-z\\u3400-\\u9fff]/]',
          message: "Words in the window come from the i18n catalog: {t('window.…')}.",
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|title|placeholder|alt)$/] > Literal[value=/[A-Za-z]/]',
          message: "Words in the window come from the i18n catalog: {t('window.…')}.",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', '**/main/core/*'],
              message: 'The renderer knows only the IPC contract.',
            },
          ],
        },
      ],
    },
  },
  { files: ['test/**/*.{ts,js}', 'build/**/*.js', '*.config.{ts,js}'], rules: { 'no-console': 'off' } },
);
