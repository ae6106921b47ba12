// The `eslint-plugin-loopguard` entry point: rules, the `recommended`/`strict` flat configs and `disableTypeChecked`,
// usable from ESM and CommonJS `eslint.config.*` files alike (the module is CommonJS with `module.exports = plugin`),
// and the channel a host that runs ESLint's `Linter` itself collects related locations through (`relatedLocations`).
// The configs are typed with ESLint's own `Linter.Config`, so `defineConfig(...)` and `tseslint.config(...)` both take
// them in a TypeScript `eslint.config.ts`.
import type { ESLint, Linter, Rule } from 'eslint';

import {
  type ConfigName,
  configRules,
  disabledRules,
  LINTED_FILES,
  TEST_FILES,
  testFilePatterns,
  testFileRules,
} from './configs';
import { implementingClasses } from './analysis/implementations';
import { helperModuleSource } from './fixes/worker-pool';
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
  /**
   * The rules, typed both as typescript-eslint's rule modules (for `RuleTester`) and as ESLint's (so that
   * `{ plugins: { loopguard } }` type-checks in `defineConfig`); at run time they are both.
   */
  rules: { [Id in keyof typeof rules]: (typeof rules)[Id] & Rule.RuleModule };
  configs: {
    /**
     * The rules whose findings are bugs in any program, for `.ts .tsx .mts .cts .js .jsx .mjs .cjs` files, then what
     * changes in test files (`testFiles`): two config objects, for `defineConfig(...)`, `extends` or a spread.
     */
    recommended: Linter.Config[];
    /** Every rule as an error, for the same files, then what changes in test files. */
    strict: Linter.Config[];
    /**
     * Every Loopguard rule off, for files that have no type information (as typescript-eslint's
     * `disableTypeChecked`): `{ files: ['**\/*.js'], extends: [loopguard.configs.disableTypeChecked] }`.
     */
    disableTypeChecked: Linter.Config;
  };
  /** The globs the shipped configs take for test code: `*.test.*`, `*.spec.*`, `test/`, `tests/`, `__tests__/`. */
  testFiles: readonly string[];
  /**
   * `recommended` and `strict` with other globs for test code, e.g.
   * `loopguard.configsWithTestFiles([...loopguard.testFiles, 'e2e/**']).recommended`.
   */
  configsWithTestFiles(testFiles: readonly string[]): Pick<LoopguardPlugin['configs'], ConfigName>;
  /**
   * The related-locations channel, version 1 (see `related-locations-channel.ts`): `collect(verify)` runs a synchronous
   * `Linter.verify` with a collector installed in the process-wide registry at `globalThis[key]`, and returns what every
   * copy of this plugin published meanwhile. ESLint itself ignores this property.
   */
  /**
   * The text of the shared helper module a suggestion of `no-unbounded-concurrency` imports when its `helperModule`
   * option is set (the suggestion's `data.helperModule` is the module's absolute path, `data.concurrency` its
   * limit), for a host that applies such suggestions to write the module when it is missing, as `loopguard lint
   * --fix-unsafe` does; the plugin itself writes nothing.
   */
  helperModuleSource: typeof helperModuleSource;
  /**
   * The classes whose methods the rules follow a call of a method of an interface or abstract class into (its
   * implementations, when there are a few), which the code linted need not name: a host that keeps results by what
   * each lint read (`loopguard lint --cache`) reads them too. ESLint itself ignores this property.
   */
  implementingClasses: typeof implementingClasses;
  relatedLocations: {
    key: symbol;
    version: typeof RELATED_LOCATIONS_VERSION;
    collect: typeof collectRelatedLocations;
  };
}

const plugin: LoopguardPlugin = {
  meta: { name, version },
  rules: rules as LoopguardPlugin['rules'],
  configs: {} as LoopguardPlugin['configs'],
  testFiles: TEST_FILES,
  configsWithTestFiles: (testFiles) => ({
    recommended: sharedConfig('recommended', testFiles),
    strict: sharedConfig('strict', testFiles),
  }),
  helperModuleSource,
  implementingClasses,
  relatedLocations: {
    key: Symbol.for(RELATED_LOCATIONS_KEY),
    version: RELATED_LOCATIONS_VERSION,
    collect: collectRelatedLocations,
  },
};

// The configs refer to the plugin object itself, so they are filled in after it exists. ESLint's `Plugin` type
// describes rules more loosely than typescript-eslint's rule modules do, hence the one cast.
const plugins = { loopguard: plugin as unknown as ESLint.Plugin };
plugin.configs.recommended = sharedConfig('recommended', TEST_FILES);
plugin.configs.strict = sharedConfig('strict', TEST_FILES);
plugin.configs.disableTypeChecked = {
  name: 'loopguard/disable-type-checked',
  plugins,
  rules: disabledRules(),
};

function sharedConfig(name: ConfigName, testFiles: readonly string[]): Linter.Config[] {
  if (
    !Array.isArray(testFiles) ||
    testFiles.some((glob) => typeof glob !== 'string' || glob === '')
  )
    throw new TypeError('eslint-plugin-loopguard: testFiles must be an array of glob strings');
  return [
    { name: `loopguard/${name}`, files: [...LINTED_FILES], plugins, rules: configRules(name) },
    {
      name: `loopguard/${name}/test-files`,
      files: testFilePatterns(testFiles),
      rules: testFileRules(name),
    },
  ];
}

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
