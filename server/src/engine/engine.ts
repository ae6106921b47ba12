// The lint engine the CLI and the language server share: it owns the TypeScript projects, hands their programs to
// ESLint's `Linter`, applies fixes in passes, and turns every failure into a per-file message instead of a crash.
import * as path from 'node:path';

import { type Rule, Linter } from 'eslint';
import loopguard from 'eslint-plugin-loopguard';
import {
  enableRelatedLocations,
  relatedLocationKey,
  type RelatedLocation,
  takeRelatedLocations,
} from 'eslint-plugin-loopguard/dist/util/related-locations';
import type * as ts from 'typescript';

import { applyFixes, type TextFix } from './apply-fixes';
import { findImporters } from './import-graph';
import { type LintConfigSource, resolveLintConfig, type ResolvedLintConfig } from './lint-config';
import { DocumentOverlay } from './overlay';
import { normalizePath, type Project } from './project';
import { type ConfigProblem, ProjectRegistry } from './project-registry';
import { createFatalResult, createLintResult, type LintMessage, type LintResult } from './results';
import { releaseSyntaxCache } from './syntax-cache';
import { type RuleCrash, verifyGuarded } from './verify';

/**
 * `safe` applies autofixes, which rules offer only where behaviour cannot change; `unsafe` also applies each
 * finding's first (preferred) suggestion, for migrating a codebase at once.
 */
export type FixMode = 'none' | 'safe' | 'unsafe';

export interface EngineOptions {
  /** Where the inferred project (files no tsconfig covers) resolves `node_modules` from. */
  root: string;
  /** The lint config; the built-in `recommended` config when absent. */
  config?: LintConfigSource;
  /**
   * Severities that win over the config's, by rule id (the language server's `loopguard.rules` setting). A rule set
   * to `warn` or `error` keeps the options the config gives it; one the config leaves out runs with its defaults.
   */
  ruleSeverities?: Readonly<Record<string, Linter.RuleSeverity>>;
}

export type FileOutcome =
  | {
      kind: 'linted';
      result: LintResult;
      crashes: RuleCrash[];
      source: string;
      /** Other places that belong to a finding (see `related-locations.ts` in the plugin), by message. */
      related: ReadonlyMap<LintMessage, readonly RelatedLocation[]>;
    }
  | { kind: 'ignored' }
  | { kind: 'config-problem'; problem: ConfigProblem };

export type RuleMeta = Rule.RuleMetaData;
export type { RelatedLocation };

interface VerifiedFile {
  messages: LintMessage[];
  suppressedMessages: Linter.SuppressedLintMessage[];
  crashes: RuleCrash[];
  related: ReadonlyMap<LintMessage, readonly RelatedLocation[]>;
}

/** Fix passes per file; ESLint uses the same bound. A fix that keeps producing new fixes stops here. */
const MAX_FIX_PASSES = 10;

export class Engine {
  readonly overlay = new DocumentOverlay();
  private readonly registry: ProjectRegistry;
  private readonly config: LintConfigSource;
  private readonly ruleSeverities: Readonly<Record<string, Linter.RuleSeverity>> | undefined;
  private readonly linters = new Map<string, Linter>();
  private readonly resolvedConfigs = new WeakMap<ts.Program, ResolvedLintConfig>();
  /** Versions for the temporary overlay texts of fix passes; negative so they never equal an editor's version. */
  private fixVersion = 0;

  constructor(options: EngineOptions) {
    this.registry = new ProjectRegistry(this.overlay, normalizePath(options.root));
    this.config = options.config ?? { kind: 'builtin', name: 'recommended' };
    this.ruleSeverities = options.ruleSeverities;
    enableRelatedLocations();
  }

  /**
   * Assigns files to projects before linting them one by one, so that every project's program is built once with
   * all of its files. Returns the config problems found (each broken tsconfig once) and the files they claim.
   */
  prepare(filePaths: readonly string[]): Map<string, ConfigProblem> {
    const problems = new Map<string, ConfigProblem>();
    for (const [file, lookup] of this.registry.lookupAll(filePaths)) {
      if ('problem' in lookup) problems.set(file, lookup.problem);
    }
    return problems;
  }

  lintFile(filePath: string, fix: FixMode = 'none'): FileOutcome {
    const file = normalizePath(filePath);
    const lookup = this.registry.lookup(file);
    if ('problem' in lookup) return { kind: 'config-problem', problem: lookup.problem };
    const { project } = lookup;

    let program: ts.Program;
    try {
      program = project.getProgram();
    } catch (error) {
      return { kind: 'linted', result: createFatalResult(file, (error as Error).message), crashes: [], source: '', related: new Map() };
    }
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) {
      return { kind: 'linted', result: createFatalResult(file, 'The file could not be read.'), crashes: [], source: '', related: new Map() };
    }
    const source = sourceFile.text;
    const first = this.verify(program, source, file);
    if (first === 'ignored') return { kind: 'ignored' };
    if (fix === 'none' || !hasFixes(first.messages, fix)) {
      const result = createLintResult(file, first.messages, first.suppressedMessages, source, undefined);
      return { kind: 'linted', result, crashes: first.crashes, source, related: first.related };
    }
    return this.fixFile(project, file, source, first, fix);
  }

  /**
   * The project a file belongs to, without building its program (the lint cache reads its settings, and its
   * program only after the file was linted); `undefined` when a broken tsconfig claims the file.
   */
  projectOf(filePath: string): Project | undefined {
    const lookup = this.registry.lookup(normalizePath(filePath));
    return 'project' in lookup ? lookup.project : undefined;
  }

  /** The metadata of every rule the config can run, keyed by the rule id as it appears in results. */
  rulesMeta(): Record<string, RuleMeta> {
    const plugins: Record<string, { rules?: Record<string, unknown> }>[] =
      this.config.kind === 'builtin' ? [{ loopguard }] : this.config.configs.map((config) => config.plugins ?? {});
    const meta: Record<string, RuleMeta> = {};
    for (const group of plugins) {
      for (const [namespace, plugin] of Object.entries(group)) {
        for (const [name, rule] of Object.entries(plugin.rules ?? {})) {
          const ruleMeta = (rule as { meta?: RuleMeta }).meta;
          if (ruleMeta) meta[`${namespace}/${name}`] = ruleMeta;
        }
      }
    }
    return meta;
  }

  /** Tells every project that a file changed on disk (the language server's watcher, the CLI after writing). */
  fileChanged(filePath: string): void {
    const file = normalizePath(filePath);
    for (const project of this.registry.projects()) project.invalidate(file);
  }

  /**
   * The files among `candidates` that import one of `changed`, directly or transitively, by the programs of the
   * candidates' projects (see `import-graph.ts`): the open files the language server re-lints after a change.
   */
  importersOf(changed: readonly string[], candidates: readonly string[]): string[] {
    const wanted = new Set(candidates.map(normalizePath));
    const programs = new Set<ts.Program>();
    for (const file of wanted) {
      const lookup = this.registry.lookup(file);
      if (!('project' in lookup)) continue;
      try {
        programs.add(lookup.project.getProgram());
      } catch {
        // A project without a program has no import graph to offer; its files are re-linted when it recovers.
      }
    }
    return [...findImporters(programs, changed, wanted)];
  }

  /** Forgets all projects, for instance after a tsconfig changed. */
  resetProjects(): void {
    this.registry.reset();
  }

  private fixFile(
    project: Project,
    file: string,
    source: string,
    first: VerifiedFile,
    fix: Exclude<FixMode, 'none'>,
  ): FileOutcome {
    const before = this.overlay.get(file);
    let text = source;
    let outcome = first;
    try {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const { text: next, applied } = applyFixes(text, collectFixes(outcome.messages, fix));
        if (applied === 0 || next === text) break;
        text = next;
        this.overlay.set(file, text, --this.fixVersion);
        const program = project.getProgram();
        const verified = this.verify(program, text, file);
        if (verified === 'ignored') break;
        outcome = verified;
      }
    } finally {
      // The engine's view returns to the editor buffer or the disk; the caller decides whether to write `output`.
      if (before) this.overlay.set(file, before.text, before.version);
      else this.overlay.delete(file);
    }
    const output = text === source ? undefined : text;
    return {
      kind: 'linted',
      result: createLintResult(file, outcome.messages, outcome.suppressedMessages, source, output),
      crashes: outcome.crashes,
      source,
      related: outcome.related,
    };
  }

  private verify(program: ts.Program, text: string, file: string): VerifiedFile | 'ignored' {
    let config = this.resolvedConfigs.get(program);
    if (!config) {
      config = resolveLintConfig(this.config, program, path.parse(file).root);
      if (this.ruleSeverities) config = { ...config, configs: [...config.configs, { rules: this.ruleSeverities }] };
      this.resolvedConfigs.set(program, config);
    }
    try {
      const outcome = verifyGuarded(this.linterFor(config.cwd), text, config, file);
      const sourceFile = program.getSourceFile(file);
      if (sourceFile) releaseSyntaxCache(sourceFile);
      const recorded = takeRelatedLocations(file);
      if (outcome === 'ignored') return outcome;
      if (this.config.kind === 'builtin') outcome.messages = outcome.messages.filter((message) => !isForeignDirectiveMessage(message));
      const related = new Map<LintMessage, readonly RelatedLocation[]>();
      for (const message of outcome.messages) {
        const locations = message.ruleId && recorded.get(relatedLocationKey(file, message.ruleId, message.line, message.column));
        if (locations) related.set(message, locations);
      }
      const crashMessages: LintMessage[] = outcome.crashes.map((crash) => ({
        ruleId: crash.ruleId,
        severity: 2,
        message: `Rule '${crash.ruleId}' crashed on this file and was skipped: ${crash.message}`,
        line: 1,
        column: 1,
      }));
      return { ...outcome, messages: [...crashMessages, ...outcome.messages], related };
    } catch (error) {
      return {
        messages: [{ ruleId: null, fatal: true, severity: 2, message: `Linting failed: ${(error as Error).message}`, line: 1, column: 1 }],
        suppressedMessages: [],
        crashes: [],
        related: new Map(),
      };
    }
  }

  private linterFor(cwd: string): Linter {
    let linter = this.linters.get(cwd);
    if (!linter) {
      linter = new Linter({ configType: 'flat', cwd });
      this.linters.set(cwd, linter);
    }
    return linter;
  }
}

/**
 * With the built-in config only Loopguard's rules run, so a message naming any other rule can only be ESLint
 * complaining that a disable comment in the user's code names a rule it does not know.
 */
function isForeignDirectiveMessage(message: LintMessage): boolean {
  return message.ruleId !== null && !message.ruleId.startsWith('loopguard/');
}

function hasFixes(messages: readonly LintMessage[], mode: Exclude<FixMode, 'none'> | 'none'): boolean {
  return mode !== 'none' && collectFixes(messages, mode).length > 0;
}

/** The autofix of each message, and with `unsafe` the first suggestion of messages that have no autofix. */
function collectFixes(messages: readonly LintMessage[], mode: Exclude<FixMode, 'none'>): TextFix[] {
  const fixes: TextFix[] = [];
  for (const message of messages) {
    const fix = message.fix ?? (mode === 'unsafe' ? message.suggestions?.[0]?.fix : undefined);
    if (fix) fixes.push(fix);
  }
  return fixes;
}
