// eslint.config.mjs
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import loopguard from 'eslint-plugin-loopguard';

export default defineConfig(
  tseslint.configs.recommendedTypeChecked,
  loopguard.configs.recommended, // or loopguard.configs.strict
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // Loopguard's no-floating-promises covers typescript-eslint's and more; keep one so nothing is reported twice.
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // JavaScript files no tsconfig includes (this one, for instance) have no type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked, loopguard.configs.disableTypeChecked],
  },
);
