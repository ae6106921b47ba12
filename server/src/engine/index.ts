// The engine's public surface, shared by the CLI and the language server.
export { applyFixes, type TextFix } from './apply-fixes';
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
export { findFiles, isLintableFile, SKIPPED_FOLDERS } from './files';
export { forgetResolvedImports } from './import-graph';
export { LintCache, resolveCacheLocation } from './lint-cache';
export {
  ConfigLoadError,
  LINTABLE_EXTENSIONS,
  loadConfigFile,
  type LintConfigSource,
} from './lint-config';
export type { ConfigProblem } from './project-registry';
export { Projects } from './projects';
export type { LintMessage, LintResult } from './results';
export type { RuleCrash } from './verify';
export { normalizePath } from './project';
