// The `loopguard` command line: its options, declared once, with the help text generated from the declarations.
import { parseArgs } from 'node:util';

import type { Linter } from 'eslint';
import * as levn from 'levn';

import { parseShard, type Shard } from './shard';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github';
const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github'];

export interface LintCommand {
  command: 'lint';
  paths: string[];
  fix: boolean;
  fixUnsafe: boolean;
  format: OutputFormat;
  maxWarnings: number | undefined;
  quiet: boolean;
  config: string | undefined;
  /** Whether to use the nearest `eslint.config.*` when neither `--config` nor `--strict` names a config. */
  configLookup: boolean;
  strict: boolean;
  cache: boolean;
  cacheLocation: string | undefined;
  /** Files larger than this many kilobytes are skipped with a warning; 0 lints every file. */
  maxFileKb: number;
  /** Lint only this shard of the files (`--shard i/n`). */
  shard: Shard | undefined;
  /** `--suppress-all`: record every rule's errors in the suppressions file. */
  suppressAll: boolean;
  /** `--suppress-rule` (repeatable): record these rules' errors in the suppressions file. */
  suppressRules: string[] | undefined;
  pruneSuppressions: boolean;
  passOnUnprunedSuppressions: boolean;
  /** `--suppressions-location`: the suppressions file or a folder for it (default `eslint-suppressions.json`). */
  suppressionsLocation: string | undefined;
  /** `--rule` (repeatable, later ones win), read as ESLint reads it (`'id: severity'`, `'id: [severity, options]'`). */
  rules: Record<string, Linter.RuleEntry>;
  /** `--ignore-pattern` (repeatable): globs relative to the current folder, as ESLint's. */
  ignorePatterns: string[];
  /** `--stdin`: lint the text read from standard input as the file `stdinFilename`. */
  stdin: boolean;
  stdinFilename: string | undefined;
  /** `--output-file`: write the report there instead of standard output. */
  outputFile: string | undefined;
  /** `--print-config`: print the config this file is linted with, and lint nothing. */
  printConfig: string | undefined;
  /** `--color` / `--no-color`; `undefined`: colour when standard output is a terminal (and `NO_COLOR`/`FORCE_COLOR` allow). */
  color: boolean | undefined;
  /** `--fix-dry-run`: compute the fixes and report the fixed text (`output` in JSON), but write nothing. */
  fixDryRun: boolean;
}

/** The default of `--max-file-size`, in kilobytes (1 MB: larger files are nearly always generated or bundled code). */
export const DEFAULT_MAX_FILE_KB = 1024;

export type ParsedCommand = LintCommand | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  value?: string;
  /** May be given more than once (each value is kept, in order). */
  multiple?: boolean;
  description: string;
}

const OPTIONS = {
  fix: {
    type: 'boolean',
    description: 'Apply autofixes (only fixes that cannot change behaviour) and write the files.',
  },
  'fix-unsafe': {
    type: 'boolean',
    description:
      "Also apply each finding's preferred suggestion (adds `await`, rewrites loops: review the diff).",
  },
  format: {
    type: 'string',
    short: 'f',
    value: 'stylish|json|sarif|github',
    description:
      "Output format (default: stylish). `json` is ESLint's JSON; `sarif` is SARIF 2.1.0; `github` is one GitHub Actions annotation per finding.",
  },
  'fix-dry-run': {
    type: 'boolean',
    description:
      'Compute the autofixes (with --fix-unsafe also the suggestions) without writing them; --format json shows the fixed text as `output`.',
  },
  'max-warnings': {
    type: 'string',
    value: 'N',
    description: 'Exit with 1 when there are more than N warnings.',
  },
  quiet: { type: 'boolean', description: 'Report errors only.' },
  'max-file-size': {
    type: 'string',
    value: 'KB',
    description: `Skip files larger than KB kilobytes, with a warning (default: ${DEFAULT_MAX_FILE_KB}; 0 lints every file).`,
  },
  config: {
    type: 'string',
    short: 'c',
    value: 'PATH',
    description:
      'Lint with this flat ESLint config file instead of the nearest one or the built-in one.',
  },
  'no-config-lookup': {
    type: 'boolean',
    description: 'Ignore eslint.config.* files: lint with the built-in config.',
  },
  strict: {
    type: 'boolean',
    description: 'Use the built-in `strict` config instead of `recommended`.',
  },
  cache: {
    type: 'boolean',
    description: 'Reuse the results of files that did not change, nor did anything they import.',
  },
  'cache-location': {
    type: 'string',
    value: 'PATH',
    description:
      'Cache file or folder (default: node_modules/.cache/loopguard/, else .loopguard-cache).',
  },
  rule: {
    type: 'string',
    value: "'ID: LEVEL'",
    multiple: true,
    description:
      "Set a rule's severity, or severity and options, over the config, as ESLint's --rule: `--rule 'loopguard/require-timeout: error'`, `--rule 'loopguard/no-unbounded-concurrency: [warn, {concurrency: 4}]'` (repeatable).",
  },
  'ignore-pattern': {
    type: 'string',
    value: 'GLOB',
    multiple: true,
    description:
      'Skip files matching this glob, relative to the current folder (repeatable; a folder pattern skips what it holds).',
  },
  stdin: {
    type: 'boolean',
    description:
      'Lint the text on standard input as the file named by --stdin-filename, typed with its project (the file on disk need not match).',
  },
  'stdin-filename': {
    type: 'string',
    value: 'PATH',
    description: 'The file the text of --stdin is, for its project and config.',
  },
  'output-file': {
    type: 'string',
    short: 'o',
    value: 'PATH',
    description: 'Write the report to this file instead of standard output.',
  },
  'print-config': {
    type: 'string',
    value: 'PATH',
    description: 'Print the ESLint config this file is linted with, as JSON, and lint nothing.',
  },
  color: {
    type: 'boolean',
    description: 'Colour the stylish output even when it is not a terminal.',
  },
  'no-color': {
    type: 'boolean',
    description:
      'Never colour the output. Without --color or --no-color, stylish is coloured on a terminal unless NO_COLOR is set (FORCE_COLOR forces it).',
  },
  shard: {
    type: 'string',
    value: 'I/N',
    description:
      'Lint only the I-th of N shards of the files, split by a hash of each path relative to the current folder (for spreading one lint over CI runners).',
  },
  'suppress-all': {
    type: 'boolean',
    description:
      "Record every rule's errors in the suppressions file, which then hides them until a file has more (ESLint's bulk suppressions).",
  },
  'suppress-rule': {
    type: 'string',
    value: 'RULE',
    multiple: true,
    description: "Record this rule's errors in the suppressions file (repeatable).",
  },
  'prune-suppressions': {
    type: 'boolean',
    description: 'Remove from the suppressions file what no longer occurs.',
  },
  'pass-on-unpruned-suppressions': {
    type: 'boolean',
    description:
      'Do not exit with 2 when the suppressions file holds suppressions that no longer occur.',
  },
  'suppressions-location': {
    type: 'string',
    value: 'PATH',
    description: 'The suppressions file, or a folder for it (default: eslint-suppressions.json).',
  },
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
  version: { type: 'boolean', short: 'v', description: 'Show the version.' },
} satisfies Record<string, OptionSpec>;

/** Whether a path given on the command line is a glob the CLI expands (a shell leaves quoted ones alone). */
export function isGlobPattern(target: string): boolean {
  return /[*?[\]{}]/.test(target);
}

/** The line printed with every usage error, as ESLint's CLI does. */
export const USAGE_LINE = 'Usage: loopguard lint [options] [paths...]';

type OptionName = keyof typeof OPTIONS;
type OptionValues = {
  [Name in OptionName]?: (typeof OPTIONS)[Name] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[Name]['type'] extends 'boolean'
      ? true
      : string;
};

export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  // Non-strict parsing with tokens, so that every mistake gets our own message (Node's strict messages quote
  // unevenly and suggest `--` where a typo is likelier).
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: OptionValues = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const name = token.name as OptionName;
    const spec: OptionSpec | undefined = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (spec === undefined) throw new UsageError(unknownOptionMessage(token.rawName));
    if (spec.type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError(`${token.rawName} takes no value, but was given '${token.value}'`);
      (values as Record<string, unknown>)[name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && /^-[^\d]/.test(value)))
      throw new UsageError(`${token.rawName} needs a value (${token.rawName} ${spec.value})`);
    if (spec.multiple) {
      const list = ((values as Record<string, unknown>)[name] ??= []) as string[];
      list.push(value);
    } else (values as Record<string, unknown>)[name] = value;
  }
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  // With no command at all, `loopguard` lints the current folder, as `loopguard lint` (and `eslint`) do.
  const [command = 'lint', ...paths] = positionals;
  if (command !== 'lint')
    throw new UsageError(
      `unknown command '${command}' (to lint it: \`loopguard lint ${[command, ...paths].join(' ')}\`)`,
    );
  const format = (values.format ?? 'stylish') as OutputFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(
      `unknown format '${values.format}' for --format (use one of ${FORMATS.join(', ')})`,
    );
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    // ESLint's default is -1, "no limit"; any negative number means the same here.
    maxWarnings = Number(values['max-warnings']);
    if (maxWarnings < 0) maxWarnings = undefined;
    else if (!Number.isInteger(maxWarnings) || values['max-warnings'].trim() === '') {
      throw new UsageError(`--max-warnings takes a whole number, not '${values['max-warnings']}'`);
    }
  }
  let maxFileKb = DEFAULT_MAX_FILE_KB;
  if (values['max-file-size'] !== undefined) {
    maxFileKb = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileKb) || maxFileKb < 0 || values['max-file-size'].trim() === '') {
      throw new UsageError(
        `--max-file-size takes a whole number of kilobytes, not '${values['max-file-size']}'`,
      );
    }
  }
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    shard = parseShard(values.shard);
    if (shard === undefined)
      throw new UsageError(
        `--shard takes I/N with 1 <= I <= N (as in --shard 2/3), not '${values.shard}'`,
      );
  }
  if (values.stdin && values['stdin-filename'] === undefined)
    throw new UsageError(
      '--stdin needs --stdin-filename: the file the text is, so that it gets its project and types',
    );
  if (values.stdin && paths.length > 0)
    throw new UsageError('--stdin lints standard input; it takes no paths');
  if (values.stdin && (values.fix || values['fix-unsafe']) && !values['fix-dry-run'])
    throw new UsageError('--fix cannot write piped-in text; use --fix-dry-run with --stdin');
  if (values.color && values['no-color'])
    throw new UsageError('--color and --no-color cannot be used together');
  if (
    values.stdin &&
    (values['suppress-all'] || values['suppress-rule'] || values['prune-suppressions'])
  )
    throw new UsageError(
      '--suppress-all, --suppress-rule and --prune-suppressions cannot be used with --stdin',
    );
  // ESLint's CLI refuses the same combinations.
  const suppressing = [
    values['suppress-all'] && '--suppress-all',
    values['suppress-rule'] && '--suppress-rule',
    values['prune-suppressions'] && '--prune-suppressions',
  ].filter((flag) => typeof flag === 'string');
  if (suppressing.length > 1)
    throw new UsageError(`${suppressing.join(' and ')} cannot be used together`);
  if (values.config !== undefined && values.strict)
    throw new UsageError('--strict selects a built-in config; it cannot be combined with --config');
  return {
    command: 'lint',
    paths: paths.length > 0 ? paths : ['.'],
    fix: values.fix === true || values['fix-unsafe'] === true || values['fix-dry-run'] === true,
    fixUnsafe: values['fix-unsafe'] === true,
    format,
    maxWarnings,
    quiet: values.quiet === true,
    config: values.config,
    configLookup: values['no-config-lookup'] !== true,
    strict: values.strict === true,
    cache: values.cache === true,
    cacheLocation: values['cache-location'],
    maxFileKb,
    shard,
    suppressAll: values['suppress-all'] === true,
    suppressRules: values['suppress-rule'],
    pruneSuppressions: values['prune-suppressions'] === true,
    passOnUnprunedSuppressions: values['pass-on-unpruned-suppressions'] === true,
    suppressionsLocation: values['suppressions-location'],
    rules: parseRules(values.rule ?? []),
    ignorePatterns: values['ignore-pattern'] ?? [],
    stdin: values.stdin === true,
    stdinFilename: values['stdin-filename'],
    outputFile: values['output-file'],
    printConfig: values['print-config'],
    color: values.color ? true : values['no-color'] ? false : undefined,
    fixDryRun: values['fix-dry-run'] === true,
  };
}

/** ESLint's `--rule` values: levn's object syntax, each entry a severity or an array starting with one. */
function parseRules(texts: readonly string[]): Record<string, Linter.RuleEntry> {
  const rules: Record<string, Linter.RuleEntry> = {};
  for (const text of texts) {
    let parsed: unknown;
    try {
      parsed = levn.parse('Object', text);
    } catch (error) {
      throw new UsageError(
        `--rule takes 'ID: LEVEL' or 'ID: [LEVEL, OPTIONS]', not '${text}' (${(error as Error).message})`,
      );
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new UsageError(`--rule takes 'ID: LEVEL' or 'ID: [LEVEL, OPTIONS]', not '${text}'`);
    for (const [id, entry] of Object.entries(parsed)) {
      const level: unknown = Array.isArray(entry) ? entry[0] : entry;
      if (!['off', 'warn', 'error', 0, 1, 2].includes(level as string))
        throw new UsageError(
          `--rule '${text}': the level of ${id} must be off, warn or error (or 0, 1, 2), not '${String(level)}'`,
        );
      rules[id] = entry as Linter.RuleEntry;
    }
  }
  return rules;
}

/** `text` in lines of at most 100 columns, the lines after the first indented by `indent`. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\S) (?=\S)/)) {
    if (line !== '' && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** The message for an unknown option, naming the declared option it most likely stands for. */
function unknownOptionMessage(rawName: string): string {
  const typed = rawName.replace(/^-+/, '');
  let best: { name: string; distance: number } | undefined;
  for (const name of Object.keys(OPTIONS)) {
    const distance = editDistance(typed, name);
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (!best || distance < best.distance))
      best = { name, distance };
  }
  return `unknown option '${rawName}'${best ? ` (did you mean '--${best.name}'?)` : ''}`;
}

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`: a swap is the commonest typo. */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        current[j] = Math.min(current[j]!, beforePrevious[j - 2]! + 1);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export function helpText(): string {
  const lines = [
    USAGE_LINE,
    '',
    ...wrap(
      'Finds async mistakes in JavaScript and TypeScript: floating promises, blocking calls in async code, unbounded concurrency, needless sequencing. Paths (files and folders) default to the current folder, and `loopguard` alone lints it too; node_modules, .git, the config ignores, git-ignored files and a tsconfig outDir are skipped (a named path that is skipped is reported). Type information comes from the nearest tsconfig.json, or an inferred project for files no tsconfig covers.',
      0,
    ),
    '',
    'Options:',
  ];
  for (const [name, spec] of Object.entries(OPTIONS) as [string, OptionSpec][]) {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    // A flag too long for its column gets its description on the next line.
    if (flag.length > 34)
      lines.push(`  ${flag}`, ...wrap(`${' '.repeat(38)}${spec.description}`, 38));
    else lines.push(...wrap(`  ${flag.padEnd(36)}${spec.description}`, 38));
  }
  lines.push(
    '',
    ...wrap(
      'Exit codes: 0 no errors; 1 errors (a file that cannot be read or parsed is an error in that file), or more warnings than --max-warnings; 2 a usage error, a path that does not exist, a broken config, suppressions that no longer occur, or fixes that could not be written (the other files are still linted and reported).',
      0,
    ),
  );
  return lines.join('\n');
}
