// The repository lints itself: typescript-eslint's type-checked rules plus Loopguard's own `strict` config
// (from the built plugin, so `npm run lint` runs after `npm run build`).
import { defineConfig, globalIgnores } from 'eslint/config';
import loopguard from 'eslint-plugin-loopguard';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    'extension/out/**',
    '**/node_modules/**',
    'examples/**',
    'test/fixtures/**',
    '.cache/**',
    'bench/projects/**',
    'bench/.work/**',
  ]),
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, loopguard.configs.strict],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A command-line run, the language server's lint worker thread, a test and the benchmark driver do one thing at a
    // time: nothing else waits on their event loop while the engine reads files synchronously (the worker exists so
    // that the thread serving the LSP connection never does). The engine and the connection thread are checked.
    files: [
      'server/src/cli/**/*.ts',
      'server/src/language-server/worker/**/*.ts',
      'test/**/*.ts',
      'bench/src/**/*.ts',
    ],
    rules: { 'loopguard/no-blocking-in-async': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
