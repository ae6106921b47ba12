// The engine's public surface, shared by the CLI and the language server (package `loopguard`'s main export): they
// reach the engine only through this module. The one exception is `file-names.ts`, which the language server's
// connection thread imports directly because importing this module would load TypeScript and ESLint.
export { applyFixes, type TextFix } from './apply-fixes';
export { type ConfigFileLookup, findConfigFile, unsupportedConfigMessage } from './config-files';
export {
  DEFAULT_MAX_FILE_BYTES,
  Engine,
  type EngineOptions,
  type FileOutcome,
  type FixMode,
  type LintOptions,
  type RuleMeta,
} from './engine';
export type { Finding, RelatedLocation } from './findings';
export { isLintableFile, LINTABLE_EXTENSIONS, normalizePath } from './file-names';
export {
  DEFAULT_IGNORED_FOLDERS,
  type FileSearch,
  type FileSearchOptions,
  findFiles,
  type IgnorePatterns,
  type SkippedPath,
} from './files';
export { forgetResolvedImports } from './import-graph';
export { LintCache, resolveCacheLocation } from './lint-cache';
export {
  calculateConfigForFile,
  ConfigLoadError,
  globalIgnores,
  loadConfigFile,
  type LintConfigSource,
  noLoopguardRulesMessage,
  turnsOnLoopguardRules,
} from './lint-config';
export type { ConfigProblem } from './project-registry';
export { Projects } from './projects';
export type { LintMessage, LintResult } from './results';
export { decodeSourceText, type SourceText } from './source-text';
export { LintStopped } from './stop-points';
export { leanTraversalOff } from './region-skipping';
export { enableSyntaxReuse, forgetSyntax } from './syntax-reuse';
export { timed, timingsReport } from './timings';
export {
  applySuppressions,
  DEFAULT_SUPPRESSIONS_FILE,
  pruneSuppressions,
  readSuppressions,
  resolveSuppressionsFile,
  suppress,
  suppressedRulesOf,
  type Suppressions,
  SuppressionsError,
  writeSuppressions,
} from './suppressions';
export type { RuleCrash } from './verify';
export {
  chooseTypeScript,
  isSupported as isSupportedTypeScript,
  SUPPORTED_TYPESCRIPT,
  type TypeScriptChoice,
} from './typescript-choice';
