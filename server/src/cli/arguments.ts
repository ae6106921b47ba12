// The `loopguard` command line: its options, declared once, with the help text generated from the declarations.
import { parseArgs } from 'node:util';

export type OutputFormat = 'stylish' | 'json' | 'sarif';
const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif'];

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
}

/** The default of `--max-file-size`, in kilobytes (1 MB: larger files are nearly always generated or bundled code). */
export const DEFAULT_MAX_FILE_KB = 1024;

export type ParsedCommand = LintCommand | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  value?: string;
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
    value: 'stylish|json|sarif',
    description:
      "Output format (default: stylish). `json` is ESLint's JSON; `sarif` is SARIF 2.1.0.",
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
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
  version: { type: 'boolean', short: 'v', description: 'Show the version.' },
} satisfies Record<string, OptionSpec>;

export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command !== 'lint')
    throw new UsageError(
      `unknown command '${command}' (the command is \`loopguard lint [paths...]\`)`,
    );
  const format = (values.format ?? 'stylish') as OutputFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown format '${values.format}' (use one of ${FORMATS.join(', ')})`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings takes a whole number, not '${values['max-warnings']}'`);
    }
  }
  let maxFileKb = DEFAULT_MAX_FILE_KB;
  if (values['max-file-size'] !== undefined) {
    maxFileKb = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileKb) || maxFileKb < 0) {
      throw new UsageError(
        `--max-file-size takes a whole number of kilobytes, not '${values['max-file-size']}'`,
      );
    }
  }
  if (values.config !== undefined && values.strict)
    throw new UsageError('--strict selects a built-in config; it cannot be combined with --config');
  return {
    command: 'lint',
    paths: paths.length > 0 ? paths : ['.'],
    fix: values.fix === true || values['fix-unsafe'] === true,
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
  };
}

export function helpText(): string {
  const lines = [
    'Usage: loopguard lint [options] [paths...]',
    '',
    'Finds async mistakes in JavaScript and TypeScript: floating promises, blocking calls in async code,',
    'unbounded concurrency, needless sequencing. Paths default to the current folder; node_modules, .git,',
    "the config's ignores, git-ignored files and a tsconfig's outDir are skipped (a named path that is",
    'skipped is reported). Type information comes from the nearest tsconfig.json, or an',
    'inferred project for files no tsconfig covers.',
    '',
    'Options:',
  ];
  for (const [name, spec] of Object.entries(OPTIONS) as [string, OptionSpec][]) {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    lines.push(`  ${flag.padEnd(32)}${spec.description}`);
  }
  lines.push(
    '',
    'Exit codes: 0 no errors; 1 errors (a file that cannot be read or parsed is an error in that file), or more warnings',
    'than --max-warnings; 2 a usage error, a path that does not exist, a broken config, or fixes that could not be',
    'written (the other files are still linted and reported).',
  );
  return lines.join('\n');
}
