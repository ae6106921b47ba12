// The `eslint-plugin-loopguard` entry point: rules and the `recommended`/`strict` flat configs, usable from ESM and
// CommonJS `eslint.config.*` files alike (the module is CommonJS with `module.exports = plugin`).
import type { TSESLint } from '@typescript-eslint/utils';

import { configRules } from './configs';
import { rules } from './rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

interface LoopguardPlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config };
}

const plugin: LoopguardPlugin = {
  meta: { name, version },
  rules,
  configs: {} as LoopguardPlugin['configs'],
};

// The configs refer to the plugin object itself, so they are filled in after it exists.
plugin.configs.recommended = {
  name: 'loopguard/recommended',
  plugins: { loopguard: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: configRules('recommended'),
};
plugin.configs.strict = {
  name: 'loopguard/strict',
  plugins: { loopguard: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: configRules('strict'),
};

export = plugin;
