// The lint engine the CLI and the language server share: it owns the TypeScript projects, hands their programs to
// ESLint's `Linter`, applies fixes in passes, and turns every failure into a per-file message instead of a crash.
import * as path from 'node:path';

import type { Linter } from 'eslint';
import loopguard from 'eslint-plugin-loopguard';
import type * as ts from 'typescript';

import { applyFixes, type TextFix } from './apply-fixes';
import { ConfiguredRules, type RuleMeta } from './configured-rules';
import {
  type HelperModule,
  type HelperModuleRequest,
  helperModuleRequestOf,
  helperModulesFor,
} from './helper-modules';
import { type Finding, type RelatedLocation, relatedByMessage } from './findings';
import type { LintConfigSource } from './lint-config';
import type { DocumentOverlay } from './overlay';
import { normalizePath } from './file-names';
import { isStackOverflow, type Project } from './project';
import type { ConfigProblem } from './project-registry';
import { Projects } from './projects';
import { createFatalResult, createLintResult, type LintMessage, type LintResult } from './results';
import { LintStopped, stopPointConfig, throwIfStopped } from './stop-points';
import {
  type LintMemory,
  mergeReused,
  type NoReuse,
  planReuse,
  rememberLint,
  type ReusePlan,
} from './region-reuse';
import { skippingRegions } from './region-skipping';
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
  /**
   * The projects to lint in, shared with other engines of the same root (the language server keeps one per workspace
   * folder, so that engines for other configs or severities reuse its programs); new ones for `root` when absent.
   */
  projects?: Projects;
  /** The lint config; the built-in `recommended` config when absent. */
  config?: LintConfigSource;
  /**
   * Rule entries that win over the config's, by rule id (the language server's `loopguard.rules` setting, the CLI's
   * `--rule`). A rule set to `warn` or `error` keeps the options the config gives it, an array replaces them; one the
   * config leaves out runs with its defaults.
   */
  ruleSeverities?: Readonly<Record<string, Linter.RuleEntry>>;
}

/** Limits a lint applies to each file. */
export interface LintOptions {
  /** Files larger than this many bytes are skipped with a warning; 0 lints every file. */
  maxFileBytes?: number;
  /**
   * Asked at safe points (after the program is built, on every node the rules visit); when it returns true the lint
   * throws `LintStopped` and the programs stay as they are (`stop-points.ts`). The language server's worker uses it.
   */
  shouldStop?: () => boolean;
  /**
   * Keep the findings of the parts of the file the change since its last such lint cannot reach, and lint only the
   * rest (`region-reuse.ts`): the language server's worker, which lints each version of an open file. Built-in
   * configs only; the results are those of a whole lint.
   */
  reuseUnchangedRegions?: boolean;
}

/** The default for `LintOptions.maxFileBytes`: larger files are nearly always generated or bundled code. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type FileOutcome =
  | {
      kind: 'linted';
      /** ESLint's result, in the shape `ESLint#lintFiles` gives. */
      result: LintResult;
      /** Each of `result.messages`, in the same order, with its related locations (see `findings.ts`). */
      findings: readonly Finding[];
      crashes: RuleCrash[];
      source: string;
      /**
       * With `unsafe` fixes: the shared helper modules the applied suggestions import (`helper-modules.ts`), for the
       * caller to write when missing along with `result.output`.
       */
      helperModules?: readonly HelperModule[];
    }
  | { kind: 'ignored' }
  | { kind: 'config-problem'; problem: ConfigProblem };

export type { RuleMeta };

interface VerifiedFile {
  messages: LintMessage[];
  suppressedMessages: Linter.SuppressedLintMessage[];
  crashes: RuleCrash[];
  related: ReadonlyMap<LintMessage, readonly RelatedLocation[]>;
}

/** A file being fixed: its text so far and the verification of exactly that text. */
interface FixState {
  index: number;
  file: string;
  project: Project;
  source: string;
  text: string;
  outcome: VerifiedFile;
  /** The parsing error of a pass that was dropped because its fixes broke the file. */
  broken: string | undefined;
  /** The helper modules imported by the suggestions applied in the passes kept. */
  helperModules: HelperModuleRequest[];
}

/** Fix passes per file; ESLint uses the same bound. A fix that keeps producing new fixes stops here. */
const MAX_FIX_PASSES = 10;

/**
 * An engine is its projects (per root: overlay, programs) and its configured rules (per config and severities). The CLI
 * makes one; the language server makes one per config and severities over the shared projects of a workspace folder.
 */
export class Engine {
  readonly projects: Projects;
  private readonly rules: ConfiguredRules;
  /** Per file, what its last lint with `reuseUnchangedRegions` found, for the next one. */
  private readonly memories = new Map<string, LintMemory>();
  /** Why the last lint with `reuseUnchangedRegions` linted the whole file, or how many regions it kept. */
  lastReuse: string | undefined;

  constructor(options: EngineOptions) {
    this.projects = options.projects ?? new Projects(options.root);
    this.rules = new ConfiguredRules(options.config, options.ruleSeverities);
  }

  /** The open buffers, which win over the disk (shared with every engine of the same projects). */
  get overlay(): DocumentOverlay {
    return this.projects.overlay;
  }

  /**
   * Assigns files to projects before linting them one by one, so that every project's program is built once with
   * all of its files. Returns the config problems found (each broken tsconfig once) and the files they claim.
   */
  prepare(filePaths: readonly string[]): Map<string, ConfigProblem> {
    return this.projects.prepare(filePaths);
  }

  lintFile(filePath: string, fix: FixMode = 'none', options: LintOptions = {}): FileOutcome {
    return this.lintFiles([filePath], fix, options)[0]!;
  }

  /**
   * Lints files against one state of the projects and, with `fix`, fixes them in passes: each pass applies the fixes
   * of every file that still has some, then builds each project's program once for all of them. The outcomes come in
   * the order of `filePaths`; nothing is written (callers write `result.output`).
   */
  lintFiles(
    filePaths: readonly string[],
    fix: FixMode = 'none',
    options: LintOptions = {},
  ): FileOutcome[] {
    const outcomes: FileOutcome[] = [];
    const fixing: FixState[] = [];
    filePaths.forEach((filePath, index) => {
      const file = normalizePath(filePath);
      const started = this.startLint(
        file,
        options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
        options.shouldStop,
        fix === 'none' && options.reuseUnchangedRegions === true,
      );
      if ('kind' in started) {
        outcomes[index] = started;
      } else if (fix !== 'none' && hasFixes(started.verified.messages, fix)) {
        const { project, source, verified } = started;
        fixing.push({
          index,
          file,
          project,
          source,
          text: source,
          outcome: verified,
          broken: undefined,
          helperModules: [],
        });
      } else {
        outcomes[index] = lintedOutcome(
          file,
          started.source,
          withNotes(started.project, file, started.verified, []),
          undefined,
        );
      }
    });
    if (fix !== 'none' && fixing.length > 0) this.fixInPasses(fixing, fix);
    for (const state of fixing) {
      const outcome = withNotes(
        state.project,
        state.file,
        state.outcome,
        state.broken ? [brokenFixMessage(state.broken)] : [],
      );
      const fixed = lintedOutcome(
        state.file,
        state.source,
        outcome,
        state.text === state.source ? undefined : state.text,
      );
      if (fixed.kind === 'linted' && state.text !== state.source && state.helperModules.length > 0)
        fixed.helperModules = helperModulesFor(state.helperModules);
      outcomes[state.index] = fixed;
    }
    return outcomes;
  }

  /**
   * The project a file belongs to, without building its program (the lint cache reads its settings, and its
   * program only after the file was linted); `undefined` when a broken tsconfig claims the file.
   */
  projectOf(filePath: string): Project | undefined {
    return this.projects.projectOf(filePath);
  }

  /** The metadata of every rule the config can run, keyed by the rule id as it appears in results. */
  rulesMeta(): Record<string, RuleMeta> {
    return this.rules.rulesMeta();
  }

  /** Tells every project that a file changed on disk (the language server's watcher, the CLI after writing). */
  fileChanged(filePath: string): void {
    this.projects.fileChanged(filePath);
  }

  /**
   * The files among `candidates` that import one of `changed`, directly or transitively, by the programs of the
   * candidates' projects (see `import-graph.ts`): the open files the language server re-lints after a change.
   */
  importersOf(changed: readonly string[], candidates: readonly string[]): string[] {
    return this.projects.importersOf(changed, candidates);
  }

  /** Forgets what the last lint of a file left for the next one (`reuseUnchangedRegions`): its document closed. */
  forgetLint(filePath: string): void {
    this.memories.delete(normalizePath(filePath));
  }

  /** Forgets all projects, for instance after a tsconfig changed. */
  resetProjects(): void {
    this.projects.reset();
  }

  /** The first verification of a file, or its final outcome when it cannot be linted. */
  private startLint(
    file: string,
    maxFileBytes: number,
    shouldStop: (() => boolean) | undefined,
    reuse: boolean,
  ): FileOutcome | { project: Project; source: string; verified: VerifiedFile } {
    const lookup = this.projects.lookup(file);
    if ('problem' in lookup) return { kind: 'config-problem', problem: lookup.problem };
    const { project } = lookup;
    let program: ts.Program;
    try {
      program = project.getProgram();
    } catch (error) {
      return unlintable(
        file,
        isStackOverflow(error)
          ? `TypeScript could not build the program: ${STACK_OVERFLOW}`
          : (error as Error).message,
      );
    }
    if (project.isLeftOut(file))
      return unlintable(
        file,
        `Loopguard could not lint this file: its code is ${STACK_OVERFLOW} Files that import it see it as empty.`,
      );
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) {
      const reason = project.readError(file);
      return unlintable(
        file,
        reason ? `Could not read the file: ${reason}` : 'The file could not be read.',
      );
    }
    const source = sourceFile.text;
    const bytes = Buffer.byteLength(source);
    if (maxFileBytes > 0 && bytes > maxFileBytes) {
      const skipped = lintedOutcome(
        file,
        source,
        {
          messages: [tooLargeMessage(bytes, maxFileBytes)],
          suppressedMessages: [],
          crashes: [],
          related: new Map(),
        },
        undefined,
      );
      // As for a file ESLint ignores: the report does not carry the text it did not lint.
      if (skipped.kind === 'linted') delete skipped.result.source;
      return skipped;
    }
    throwIfStopped(shouldStop);
    const verified = reuse
      ? this.verifyReusing(program, source, file, shouldStop)
      : this.verify(program, source, file, shouldStop);
    if (verified === 'ignored') return { kind: 'ignored' };
    return { project, source, verified };
  }

  /**
   * Applies fixes in passes until no file has any left (or `MAX_FIX_PASSES`). A file's text advances only to a text
   * that was verified; a pass whose text no longer parses is dropped for that file, which keeps its last good text.
   */
  private fixInPasses(files: FixState[], fix: Exclude<FixMode, 'none'>): void {
    const before = new Map(files.map((state) => [state.file, this.overlay.get(state.file)]));
    try {
      let active = files;
      for (let pass = 0; pass < MAX_FIX_PASSES && active.length > 0; pass++) {
        const changed: Array<{ state: FixState; text: string; modules: HelperModuleRequest[] }> =
          [];
        for (const state of active) {
          const { text, applied, appliedFixes } = applyFixes(
            state.text,
            collectFixes(state.outcome.messages, fix),
          );
          if (applied === 0 || text === state.text) continue;
          this.overlay.set(state.file, text, this.projects.nextFixVersion());
          const modules = appliedFixes.flatMap((applied) =>
            applied.helperModule ? [applied.helperModule] : [],
          );
          changed.push({ state, text, modules });
        }
        active = [];
        for (const { state, text, modules } of changed) {
          const verified = this.verifyIn(state.project, text, state.file);
          if (verified === 'ignored' || verified === undefined) continue;
          const parseError = verified.messages.find((message) => message.fatal);
          if (parseError && !state.outcome.messages.some((message) => message.fatal)) {
            state.broken = parseError.message;
            this.overlay.set(state.file, state.text, this.projects.nextFixVersion());
            continue;
          }
          state.text = text;
          state.outcome = verified;
          state.helperModules.push(...modules);
          active.push(state);
        }
      }
    } finally {
      // The engine's view returns to the editor buffers or the disk; the caller decides whether to write `output`.
      for (const [file, document] of before) {
        if (document) this.overlay.set(file, document.text, document.version);
        else this.overlay.delete(file);
      }
    }
  }

  /** Verifies a text of a file against its project's current program; `undefined` when there is no program. */
  private verifyIn(
    project: Project,
    text: string,
    file: string,
  ): VerifiedFile | 'ignored' | undefined {
    let program: ts.Program;
    try {
      program = project.getProgram();
    } catch {
      return undefined;
    }
    return this.verify(program, text, file);
  }

  /**
   * `verify`, skipping the regions the change since the file's last lint cannot reach and keeping their previous
   * findings; a whole lint when nothing can be kept, or when a rule crashed or the file no longer parses.
   */
  private verifyReusing(
    program: ts.Program,
    text: string,
    file: string,
    shouldStop: (() => boolean) | undefined,
  ): VerifiedFile | 'ignored' {
    const sourceFile = program.getSourceFile(file);
    // A version that does not parse keeps the last memory: the next lint compares with the last text that did.
    const previous = this.memories.get(file);
    if (!sourceFile || !this.rules.isBuiltin) {
      this.lastReuse = 'only the built-in configs keep regions';
      return this.verify(program, text, file, shouldStop);
    }
    const plan = planReuse(previous, file, text, sourceFile, program);
    const reusable = 'clean' in plan ? plan : undefined;
    let verified = this.verify(program, text, file, shouldStop, reusable);
    if (verified === 'ignored') return verified;
    const parses = !verified.messages.some((message) => message.fatal);
    if (reusable && verified.crashes.length > 0) {
      // The crashed rule's findings in the kept regions cannot be told from the others': lint the whole file.
      verified = this.verify(program, text, file, shouldStop);
      if (verified === 'ignored') return verified;
      this.lastReuse = 'a rule crashed';
    } else if (reusable && parses) {
      verified = { ...verified, ...mergeReused(reusable, text, verified, sourceFile.fileName) };
      this.lastReuse = `kept ${reusable.clean.length} regions`;
    } else {
      this.lastReuse = parses ? (plan as NoReuse).reason : 'the file does not parse';
    }
    const failed =
      verified.crashes.length > 0 || verified.messages.some((message) => message.fatal);
    if (!failed)
      this.memories.set(
        file,
        rememberLint(
          text,
          sourceFile,
          program,
          reusable ? reusable.edited?.start : (plan as NoReuse).editedStart,
          verified,
        ),
      );
    else if (verified.crashes.length > 0) this.memories.delete(file);
    return verified;
  }

  private verify(
    program: ts.Program,
    text: string,
    file: string,
    shouldStop?: () => boolean,
    reuse?: ReusePlan,
  ): VerifiedFile | 'ignored' {
    const resolved = this.rules.resolve(program, path.parse(file).root);
    const config = shouldStop
      ? { ...resolved, configs: [...resolved.configs, stopPointConfig(shouldStop)] }
      : resolved;
    try {
      // Rules of any copy of the plugin (the engine's, or a project's own install that its config loads) hand their
      // related locations to the collector this installs for the call.
      const { value: outcome, records } = loopguard.relatedLocations.collect(() =>
        skippingRegions(
          reuse?.clean,
          () => verifyGuarded(this.rules.linterFor(config.cwd), text, config, file),
          this.rules.isBuiltin,
        ),
      );
      const sourceFile = program.getSourceFile(file);
      if (sourceFile) releaseSyntaxCache(sourceFile);
      if (outcome === 'ignored') return outcome;
      if (this.rules.isBuiltin)
        outcome.messages = outcome.messages.filter(
          (message) => !isForeignDirectiveMessage(message),
        );
      // The parser's own stack overflow arrives as a parsing error without a place; say what it means.
      outcome.messages = outcome.messages.map((message) =>
        message.fatal && message.message.includes('Maximum call stack size exceeded')
          ? {
              ...message,
              message: `Loopguard could not lint this file: its code is ${STACK_OVERFLOW}`,
              line: 1,
              column: 1,
            }
          : message,
      );
      const related = relatedByMessage(file, outcome.messages, records);
      const crashMessages: LintMessage[] = outcome.crashes.map((crash) => ({
        ruleId: crash.ruleId,
        severity: 2,
        message: `Rule '${crash.ruleId}' crashed on this file and was skipped: ${crash.message}`,
        line: 1,
        column: 1,
      }));
      return { ...outcome, messages: [...crashMessages, ...outcome.messages], related };
    } catch (error) {
      if (error instanceof LintStopped) {
        const sourceFile = program.getSourceFile(file);
        if (sourceFile) releaseSyntaxCache(sourceFile);
        throw error;
      }
      const reason = isStackOverflow(error)
        ? `the file is ${STACK_OVERFLOW}`
        : (error as Error).message;
      return {
        messages: [
          {
            ruleId: null,
            fatal: true,
            severity: 2,
            message: `Linting failed: ${reason}`,
            line: 1,
            column: 1,
          },
        ],
        suppressedMessages: [],
        crashes: [],
        related: new Map(),
      };
    }
  }
}

function lintedOutcome(
  file: string,
  source: string,
  verified: VerifiedFile,
  output: string | undefined,
): FileOutcome {
  const result = createLintResult(
    file,
    verified.messages,
    verified.suppressedMessages,
    source,
    output,
  );
  const findings = verified.messages.map((message) => ({
    message,
    related: verified.related.get(message) ?? [],
  }));
  return { kind: 'linted', result, findings, crashes: verified.crashes, source };
}

/** Messages about the file itself, after the rules' (a text that is not UTF-8, fixes that were dropped). */
function withNotes(
  project: Project,
  file: string,
  verified: VerifiedFile,
  notes: LintMessage[],
): VerifiedFile {
  const all = project.hasInvalidUtf8(file) ? [...notes, invalidUtf8Message()] : notes;
  return all.length === 0 ? verified : { ...verified, messages: [...verified.messages, ...all] };
}

const STACK_OVERFLOW = 'nested too deeply for the parser (the call stack overflowed).';

function tooLargeMessage(bytes: number, limit: number): LintMessage {
  const size = (value: number): string =>
    value >= 1024 * 1024
      ? `${(value / 1024 / 1024).toFixed(1)} MB`
      : `${Math.ceil(value / 1024)} kB`;
  return {
    ruleId: null,
    severity: 1,
    message: `Loopguard skipped this file: it is ${size(bytes)}, more than the ${size(limit)} limit for one file (generated or bundled code?). Raise the limit with \`--max-file-size\` or the \`loopguard.maxFileSizeKb\` setting.`,
    line: 1,
    column: 1,
  };
}

function invalidUtf8Message(): LintMessage {
  return {
    ruleId: null,
    severity: 1,
    message:
      'This file is not valid UTF-8: it was linted with U+FFFD in place of the bytes that are not, and fixes are never written to it.',
    line: 1,
    column: 1,
  };
}

function unlintable(file: string, message: string): FileOutcome {
  const result = createFatalResult(file, message);
  return {
    kind: 'linted',
    result,
    findings: result.messages.map((fatal) => ({ message: fatal, related: [] })),
    crashes: [],
    source: '',
  };
}

/** Fixes that make a file unparsable are a bug in a rule: the file keeps its last text that parsed, and says so. */
function brokenFixMessage(parseError: string): LintMessage {
  return {
    ruleId: null,
    severity: 2,
    message: `Some fixes for this file were not applied: together they produced code that does not parse (${parseError}). Please report this as a Loopguard bug.`,
    line: 1,
    column: 1,
  };
}

/**
 * With the built-in config only Loopguard's rules run, so a message naming any other rule can only be ESLint
 * complaining that a disable comment in the user's code names a rule it does not know.
 */
function isForeignDirectiveMessage(message: LintMessage): boolean {
  return message.ruleId !== null && !message.ruleId.startsWith('loopguard/');
}

function hasFixes(
  messages: readonly LintMessage[],
  mode: Exclude<FixMode, 'none'> | 'none',
): boolean {
  return mode !== 'none' && collectFixes(messages, mode).length > 0;
}

/** The autofix of each message, and with `unsafe` the first suggestion of messages that have no autofix. */
function collectFixes(
  messages: readonly LintMessage[],
  mode: Exclude<FixMode, 'none'>,
): Array<TextFix & { helperModule?: HelperModuleRequest }> {
  const fixes: Array<TextFix & { helperModule?: HelperModuleRequest }> = [];
  for (const message of messages) {
    if (message.fix) {
      fixes.push(message.fix);
      continue;
    }
    const suggestion = mode === 'unsafe' ? message.suggestions?.[0] : undefined;
    if (!suggestion?.fix) continue;
    const helperModule = helperModuleRequestOf(suggestion);
    fixes.push(helperModule ? { ...suggestion.fix, helperModule } : suggestion.fix);
  }
  return fixes;
}
