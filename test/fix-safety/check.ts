// The fix-safety check. Inputs become files of a copy of the typed fixture project (test/fixtures/typed, with the
// examples beside it), linted through the engine with every rule of the plugin. Every autofix and every suggestion is
// applied alone, and all of each file's fixes at once as `--fix` and `--fix-unsafe` do (the engine's fix passes);
// each output must parse, must type-check where its input did, and a second `--fix`/`--fix-unsafe` must change
// nothing. Type-checking runs once for all inputs and outputs, in one program.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import loopguard from 'eslint-plugin-loopguard';
import {
  applyFixes,
  Engine,
  type FileOutcome,
  type LintConfigSource,
  normalizePath,
} from 'loopguard';
import * as ts from 'typescript';

import { typeCheckProjectTexts } from '../support/fixture-type-checker';
import { FIXTURES, REPO_ROOT } from '../support/paths';
import { type BaseInput, exampleFiles, ruleIds } from './corpus';
import type { GeneratedInput } from './generate';
import { parseError, parseTree } from './syntax';

export type SafetyInput = BaseInput & { variant?: GeneratedInput['variant'] };

export type FailureKind =
  | 'not-linted'
  | 'input'
  | 'rule-crash'
  | 'parse'
  | 'type'
  | 'comment-lost'
  | 'broken-fix'
  | 'second-run';

export interface SafetyFailure {
  input: SafetyInput;
  kind: FailureKind;
  /** What was applied (`loopguard/x suggestion addAwait`, `--fix-unsafe`); the same for the same fix on any text. */
  what: string;
  /** The text the application produced, when there is one. */
  output?: string;
  details: string;
}

export interface SafetyReport {
  inputs: number;
  /** Autofixes and suggestions applied one at a time. */
  singleApplications: number;
  /** `--fix` and `--fix-unsafe` runs over a file (all of its fixes, in passes); each output was fixed a second time. */
  fixRuns: number;
  /** Inputs that type-check: their outputs were held to type-checking too. */
  typeCheckedInputs: number;
  /** Applications by what was applied without the rule's name: `suggestion addAwait`, `autofix`, `--fix-unsafe`. */
  applied: Record<string, number>;
  /** Suggestions (alone or in `--fix-unsafe`) whose output lacks a comment of their input: allowed, but counted. */
  suggestionsDroppingComments: SafetyFailure[];
  failures: SafetyFailure[];
  /** Where the time went, in milliseconds. */
  timings: { lint: number; fix: number; parse: number; typeCheck: number };
}

export interface CheckOptions {
  /** Config objects appended to the lint config (tests add fixture rules with broken fixes). */
  configs?: Linter.Config[];
}

interface Application {
  inputIndex: number;
  what: string;
  output: string;
}

const FIX_MODES = [
  { mode: 'safe', flag: '--fix' },
  { mode: 'unsafe', flag: '--fix-unsafe' },
] as const;

/** The prefix of the engine's message for fixes it dropped because they broke the file. */
const BROKEN_FIX_MESSAGE = 'Some fixes for this file were not applied';

const JSX_DECLARATIONS = [
  '// JSX for the generated .tsx inputs: any intrinsic element with any props.',
  'declare namespace JSX {',
  '  interface IntrinsicElements {',
  '    [tag: string]: Record<string, unknown>;',
  '  }',
  '}',
  '',
].join('\n');

/**
 * A copy of the typed fixture project (with its own `node_modules` stubs) and the examples, in a temporary folder
 * inside the repository's `.cache/`, so that packages resolve as they do for the fixture: its own first, then the
 * repository's.
 */
export class CheckProject {
  readonly root: string;

  constructor() {
    const parent = path.join(REPO_ROOT, '.cache', 'fix-safety');
    fs.mkdirSync(parent, { recursive: true });
    this.root = normalizePath(fs.mkdtempSync(path.join(parent, 'run-')));
    fs.cpSync(path.join(FIXTURES, 'typed'), this.root, { recursive: true });
    this.write('fix-safety-jsx.d.ts', JSX_DECLARATIONS);
    for (const file of exampleFiles()) this.write(file.fileName, file.code);
  }

  /** Writes a file (a path relative to the project) and returns its absolute, normalized path. */
  write(fileName: string, text: string): string {
    const target = path.join(this.root, fileName);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    return normalizePath(target);
  }

  relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Every rule of the plugin at `error` with its defaults, and the options an input gives its rule for that file only. */
function lintConfig(
  project: CheckProject,
  inputs: readonly SafetyInput[],
  files: readonly string[],
  extra: readonly Linter.Config[] = [],
): LintConfigSource {
  const rules: Linter.RulesRecord = Object.fromEntries(
    ruleIds().map((id) => [`loopguard/${id}`, 'error']),
  );
  const configs: Linter.Config[] = [
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: { parser: tsParser, parserOptions: {}, sourceType: 'module' },
      plugins: { loopguard: loopguard as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules,
    },
    { files: ['**/*.{cts,cjs}'], languageOptions: { sourceType: 'commonjs' } },
  ];
  inputs.forEach((input, index) => {
    if (!input.ruleOptions) return;
    configs.push({
      files: [project.relative(files[index]!)],
      rules: { [input.ruleOptions.ruleId]: ['error', ...input.ruleOptions.options] },
    });
  });
  configs.push(...extra);
  return { kind: 'file', path: path.join(project.root, 'eslint.config.mjs'), configs };
}

/** The name an input's file gets in the check project: beside the file it stands for, with its extension. */
function inputFileName(input: SafetyInput, index: number, stem = `__in${index}`): string {
  const folder = path.posix.dirname(input.fileName);
  const name = `${stem}${path.posix.extname(input.fileName)}`;
  return folder === '.' ? name : `${folder}/${name}`;
}

interface TypeErrors {
  /** Errors of each input as the engine linted it. */
  inputs: string[][];
  /** Errors of each application's output. */
  outputs: string[][];
}

/**
 * The checks that do not depend on how inputs reach the engine: lint, apply, fix twice, parse, compare type errors.
 * The inputs' texts are whatever the engine sees for `files` (the disk, or the overlay).
 */
function checkThroughEngine(
  engine: Engine,
  inputs: readonly SafetyInput[],
  files: readonly string[],
  typeCheck: (applications: readonly Application[]) => TypeErrors,
): SafetyReport {
  const failures: SafetyFailure[] = [];
  const suggestionsDroppingComments: SafetyFailure[] = [];
  const fail = (
    index: number,
    kind: FailureKind,
    what: string,
    details: string,
    output?: string,
  ): void => {
    failures.push({
      input: inputs[index]!,
      kind,
      what,
      details,
      ...(output === undefined ? {} : { output }),
    });
  };
  const linted = (
    outcome: FileOutcome,
    index: number,
    what: string,
  ): outcome is Extract<FileOutcome, { kind: 'linted' }> => {
    if (outcome.kind !== 'linted') {
      fail(index, 'not-linted', what, `the engine answered '${outcome.kind}'`);
      return false;
    }
    for (const crash of outcome.crashes)
      fail(index, 'rule-crash', `${crash.ruleId} (${what})`, crash.message);
    return true;
  };

  const clock = stopwatch();
  const applications: Application[] = [];
  const targets = { safe: [] as number[], unsafe: [] as number[] };
  const usable: boolean[] = [];
  const sources: string[] = [];
  engine.lintFiles(files).forEach((outcome, index) => {
    if (!linted(outcome, index, 'lint')) return;
    const fatal = outcome.result.messages.find((message) => message.fatal);
    if (fatal) {
      fail(index, 'input', 'lint', `the input does not parse: ${fatal.message}`);
      return;
    }
    usable[index] = true;
    sources[index] = outcome.source;
    for (const message of outcome.result.messages) {
      if (message.fix)
        applications.push({
          inputIndex: index,
          what: `${message.ruleId} autofix`,
          output: applyFixes(outcome.source, [message.fix]).text,
        });
      for (const suggestion of message.suggestions ?? []) {
        const name = suggestion.messageId ?? suggestion.desc;
        applications.push({
          inputIndex: index,
          what: `${message.ruleId} suggestion ${name}`,
          output: applyFixes(outcome.source, [suggestion.fix]).text,
        });
      }
    }
    if (outcome.result.messages.some((message) => message.fix)) targets.safe.push(index);
    if (
      outcome.result.messages.some(
        (message) => message.fix || (message.suggestions?.length ?? 0) > 0,
      )
    )
      targets.unsafe.push(index);
  });
  const singleApplications = applications.length;
  const lint = clock();

  let fixRuns = 0;
  for (const { mode, flag } of FIX_MODES) {
    const fixed: Array<{ index: number; output: string }> = [];
    engine
      .lintFiles(
        targets[mode].map((index) => files[index]!),
        mode,
      )
      .forEach((outcome, position) => {
        const index = targets[mode][position]!;
        if (!linted(outcome, index, flag)) return;
        fixRuns++;
        const broken = outcome.result.messages.find(
          (message) => message.ruleId === null && message.message.startsWith(BROKEN_FIX_MESSAGE),
        );
        if (broken) fail(index, 'broken-fix', flag, broken.message);
        if (outcome.result.output === undefined) return;
        fixed.push({ index, output: outcome.result.output });
        applications.push({ inputIndex: index, what: flag, output: outcome.result.output });
      });
    // The second run: each fixed text as its file's content, fixed again; nothing may change.
    const previous = fixed.map(({ index }) => engine.overlay.get(files[index]!));
    fixed.forEach(({ index, output }) => engine.overlay.set(files[index]!, output, 1_000_000));
    const again = engine.lintFiles(
      fixed.map(({ index }) => files[index]!),
      mode,
    );
    fixed.forEach(({ index }, position) => {
      const before = previous[position];
      if (before) engine.overlay.set(files[index]!, before.text, before.version);
      else engine.overlay.delete(files[index]!);
    });
    again.forEach((outcome, position) => {
      const { index, output } = fixed[position]!;
      if (!linted(outcome, index, `${flag}, second run`)) return;
      if (outcome.result.output !== undefined)
        fail(
          index,
          'second-run',
          flag,
          `a second ${flag} changed the fixed text:\n${firstChange(output, outcome.result.output)}`,
          output,
        );
    });
  }

  const fix = clock();
  const parses = applications.map((application) => {
    const file = files[application.inputIndex]!;
    const problem = parseError(file, application.output);
    if (problem) {
      fail(application.inputIndex, 'parse', application.what, problem, application.output);
      return false;
    }
    const lost = lostComments(file, sources[application.inputIndex]!, application.output);
    if (lost.length > 0) {
      // An autofix is applied unseen (`--fix`, fix on save) and must keep every comment; a suggestion is applied by
      // someone who sees the change, so a dropped comment there is counted rather than failed.
      const silent = application.what.endsWith(' autofix') || application.what === '--fix';
      const failure: SafetyFailure = {
        input: inputs[application.inputIndex]!,
        kind: 'comment-lost',
        what: application.what,
        details: `comments of the input are missing from the output: ${lost.join(' ')}`,
        output: application.output,
      };
      (silent ? failures : suggestionsDroppingComments).push(failure);
    }
    return true;
  });
  const parse = clock();
  const errors = typeCheck(applications);
  const typeChecking = clock();
  let typeCheckedInputs = 0;
  errors.inputs.forEach((inputErrors, index) => {
    if (usable[index] && inputErrors.length === 0) typeCheckedInputs++;
  });
  applications.forEach((application, position) => {
    const outputErrors = errors.outputs[position]!;
    if (
      !parses[position] ||
      errors.inputs[application.inputIndex]!.length > 0 ||
      outputErrors.length === 0
    )
      return;
    fail(
      application.inputIndex,
      'type',
      application.what,
      `the input type-checks, the output does not:\n${outputErrors.join('\n')}`,
      application.output,
    );
  });

  const applied: Record<string, number> = {};
  for (const { what } of applications) {
    const key = what.replace(/^\S+ (?=autofix|suggestion)/, '');
    applied[key] = (applied[key] ?? 0) + 1;
  }
  return {
    inputs: inputs.length,
    singleApplications,
    fixRuns,
    typeCheckedInputs,
    applied,
    suggestionsDroppingComments,
    failures,
    timings: { lint, fix, parse, typeCheck: typeChecking },
  };
}

/**
 * Checks all inputs, in as few programs as possible: one engine program for the lints and one compiler program for the
 * type-checking per batch. Inputs with a `/// <reference lib=…>` get a batch per set of libraries, since such a
 * directive adds its library to every file of the program.
 */
export function checkFixSafety(
  inputs: readonly SafetyInput[],
  options: CheckOptions = {},
): SafetyReport {
  const batches = new Map<string, SafetyInput[]>();
  for (const input of inputs) {
    const libraries = [...input.code.matchAll(/^\/\/\/\s*<reference\s+lib=["']([^"']+)["']/gm)]
      .map((match) => match[1])
      .sort()
      .join(',');
    batches.set(libraries, [...(batches.get(libraries) ?? []), input]);
  }
  return mergeReports([...batches.values()].map((batch) => checkBatch(batch, options)));
}

function checkBatch(inputs: readonly SafetyInput[], options: CheckOptions): SafetyReport {
  const project = new CheckProject();
  try {
    const files = inputs.map((input, index) =>
      project.write(inputFileName(input, index), input.code),
    );
    const engine = new Engine({
      root: project.root,
      config: lintConfig(project, inputs, files, options.configs),
    });
    engine.prepare(files);
    return checkThroughEngine(engine, inputs, files, (applications) => {
      const checked = typeCheckProjectTexts(
        project.root,
        applications.map((application) => ({
          fileName: project.relative(files[application.inputIndex]!),
          text: application.output,
        })),
      );
      return {
        inputs: files.map((file) => checked.fileErrors(project.relative(file))),
        outputs: checked.textErrors,
      };
    });
  } finally {
    project.dispose();
  }
}

function mergeReports(reports: readonly SafetyReport[]): SafetyReport {
  const merged: SafetyReport = {
    inputs: 0,
    singleApplications: 0,
    fixRuns: 0,
    typeCheckedInputs: 0,
    applied: {},
    suggestionsDroppingComments: [],
    failures: [],
    timings: { lint: 0, fix: 0, parse: 0, typeCheck: 0 },
  };
  for (const report of reports) {
    merged.inputs += report.inputs;
    merged.singleApplications += report.singleApplications;
    merged.fixRuns += report.fixRuns;
    merged.typeCheckedInputs += report.typeCheckedInputs;
    for (const [what, count] of Object.entries(report.applied))
      merged.applied[what] = (merged.applied[what] ?? 0) + count;
    merged.suggestionsDroppingComments.push(...report.suggestionsDroppingComments);
    merged.failures.push(...report.failures);
    for (const phase of ['lint', 'fix', 'parse', 'typeCheck'] as const)
      merged.timings[phase] += report.timings[phase];
  }
  return merged;
}

/**
 * Checks one text at a time in the place of one input (for minimising a failing input): the text goes into the
 * engine's overlay, and type errors come from the engine's own program, so each check costs one program update.
 */
export class SingleInputChecker {
  private readonly project = new CheckProject();
  private readonly engine: Engine;
  private readonly file: string;
  private version = 0;

  constructor(private readonly template: SafetyInput) {
    this.file = this.project.write(inputFileName(template, 0, '__slot'), '');
    this.engine = new Engine({
      root: this.project.root,
      config: lintConfig(this.project, [template], [this.file]),
    });
    this.engine.prepare([this.file]);
  }

  failures(code: string): SafetyFailure[] {
    const input: SafetyInput = { ...this.template, code };
    this.engine.overlay.set(this.file, code, ++this.version);
    const report = checkThroughEngine(this.engine, [input], [this.file], (applications) => ({
      inputs: [this.typeErrors(code)],
      outputs: applications.map((application) => this.typeErrors(application.output)),
    }));
    return report.failures;
  }

  dispose(): void {
    this.project.dispose();
  }

  private typeErrors(text: string): string[] {
    const previous = this.engine.overlay.get(this.file);
    this.engine.overlay.set(this.file, text, ++this.version);
    try {
      const program = this.engine.projectOf(this.file)!.getProgram();
      const sourceFile = program.getSourceFile(this.file)!;
      return [
        ...program.getSyntacticDiagnostics(sourceFile),
        ...program.getSemanticDiagnostics(sourceFile),
      ]
        .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
    } finally {
      if (previous) this.engine.overlay.set(this.file, previous.text, previous.version);
    }
  }
}

/** The comments of `input` that `output` does not have (as many times), by their text. */
function lostComments(fileName: string, input: string, output: string): string[] {
  const remaining = new Map<string, number>();
  for (const comment of commentsOf(fileName, output))
    remaining.set(comment, (remaining.get(comment) ?? 0) + 1);
  const lost: string[] = [];
  for (const comment of commentsOf(fileName, input)) {
    const left = remaining.get(comment) ?? 0;
    if (left === 0) lost.push(comment);
    else remaining.set(comment, left - 1);
  }
  return lost;
}

function commentsOf(fileName: string, text: string): string[] {
  const tree = parseTree(fileName, text);
  const comments: string[] = [];
  const seen = new Set<number>();
  const collect = (ranges: readonly ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push(text.slice(range.pos, range.end));
    }
  };
  for (const token of tokensOf(tree)) {
    collect(ts.getLeadingCommentRanges(text, token.pos));
    collect(ts.getTrailingCommentRanges(text, token.end));
  }
  return comments;
}

/** Every token of a tree, with the end-of-file token (whose leading trivia holds the file's last comments). */
function tokensOf(tree: ts.SourceFile): ts.Node[] {
  const tokens: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    const children = node.getChildren(tree);
    if (children.length === 0) tokens.push(node);
    else for (const child of children) visit(child);
  };
  visit(tree);
  return tokens;
}

/** Each call returns the milliseconds since the previous one (or since the stopwatch was made). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = Math.round(now - last);
    last = now;
    return elapsed;
  };
}

/** The first line where two texts differ, before and after. */
function firstChange(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let line = 0;
  while (line < a.length && a[line] === b[line]) line++;
  return `line ${line + 1}:\n- ${a[line] ?? ''}\n+ ${b[line] ?? ''}`;
}
