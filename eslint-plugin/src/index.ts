// The `eslint-plugin-loopguard` entry point: rules and the `recommended`/`strict` flat configs, usable from ESM and
// CommonJS `eslint.config.*` files alike (the module is CommonJS with `module.exports = plugin`), and the channel a
// host that runs ESLint's `Linter` itself collects related locations through (`relatedLocations`).
import type { TSESLint } from '@typescript-eslint/utils';

import { configRules } from './configs';
import {
  collectRelatedLocations,
  RELATED_LOCATIONS_KEY,
  RELATED_LOCATIONS_VERSION,
  type RelatedLocation as ChannelRelatedLocation,
  type RelatedLocationsRecord as ChannelRelatedLocationsRecord,
} from './related-locations-channel';
import {
  type RuleId as Id,
  type RuleMessageIds as MessageIds,
  type RuleOptions as Options,
  rules,
} from './rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

interface LoopguardPlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config };
  /**
   * The related-locations channel, version 1 (see `related-locations-channel.ts`): `collect(verify)` runs a synchronous
   * `Linter.verify` with a collector installed in the process-wide registry at `globalThis[key]`, and returns what every
   * copy of this plugin published meanwhile. ESLint itself ignores this property.
   */
  relatedLocations: {
    key: symbol;
    version: typeof RELATED_LOCATIONS_VERSION;
    collect: typeof collectRelatedLocations;
  };
}

const plugin: LoopguardPlugin = {
  meta: { name, version },
  rules,
  configs: {} as LoopguardPlugin['configs'],
  relatedLocations: {
    key: Symbol.for(RELATED_LOCATIONS_KEY),
    version: RELATED_LOCATIONS_VERSION,
    collect: collectRelatedLocations,
  },
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

// Types for TypeScript users, through the plugin's namespace (`import loopguard from 'eslint-plugin-loopguard'`, then
// `loopguard.RuleOptions['no-floating-promises']`): each rule's options and message ids by rule id, and the channel's
// types for hosts (`loopguard.RelatedLocation`).
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace plugin {
  export type RuleId = Id;
  export type RuleOptions = Options;
  export type RuleMessageIds = MessageIds;
  export type RelatedLocation = ChannelRelatedLocation;
  export type RelatedLocationsRecord = ChannelRelatedLocationsRecord;
}

export = plugin;
