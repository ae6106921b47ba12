// The language server's settings, declared once as data: each entry is a JSON-schema fragment with its default
// and description, so the typed `Settings`, the README's settings table and the VS Code extension's
// `contributes.configuration` all come from this one table. Keys are relative to the `loopguard` section;
// descriptions are Markdown; every setting is read per document (a resource-scoped setting, in VS Code's terms).

/** Severities a user can give a rule in `loopguard.rules`; `off` also keeps its fixes out of fix-all. */
export const RULE_SEVERITIES = ['off', 'warn', 'error'] as const;
export type RuleSeveritySetting = (typeof RULE_SEVERITIES)[number];

export const RUN_MODES = ['onType', 'onSave'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** The settings section the server asks for with `workspace/configuration`. */
export const SETTINGS_SECTION = 'loopguard';

interface BooleanSetting {
  type: 'boolean';
  default: boolean;
  description: string;
}

interface EnumSetting {
  type: 'string';
  enum: readonly string[];
  enumDescriptions: readonly string[];
  default: string;
  description: string;
}

interface IntegerSetting {
  type: 'integer';
  minimum: number;
  default: number;
  description: string;
}

interface RuleMapSetting {
  type: 'object';
  additionalProperties: { type: 'string'; enum: readonly string[] };
  default: Record<string, never>;
  description: string;
}

export type SettingDeclaration = BooleanSetting | EnumSetting | IntegerSetting | RuleMapSetting;

export const SETTINGS = {
  enable: {
    type: 'boolean',
    default: true,
    description:
      'Lint JavaScript and TypeScript files with Loopguard. When off, the server publishes no findings.',
  },
  run: {
    type: 'string',
    enum: RUN_MODES,
    enumDescriptions: [
      'Lint as you type (the unsaved buffer).',
      'Lint when a file is opened and saved.',
    ],
    default: 'onType',
    description: 'When files are linted.',
  },
  rules: {
    type: 'object',
    additionalProperties: { type: 'string', enum: RULE_SEVERITIES },
    default: {},
    description:
      'Severity overrides by rule id, as in a finding\'s code: `{ "loopguard/no-floating-promises": "warn" }`. `off` hides a rule and its fixes; `warn` or `error` also turns on a rule the config leaves off.',
  },
  'fixAll.includeSuggestions': {
    type: 'boolean',
    default: false,
    description:
      'Let "Fix all" (`source.fixAll.loopguard`, and so fix-on-save) also apply each finding\'s preferred suggestion, like `loopguard lint --fix-unsafe`. Suggestions can change behaviour: review the diff.',
  },
  lintTimeBudgetMs: {
    type: 'integer',
    minimum: 500,
    default: 10_000,
    description:
      'How long the rules may take on one file, in milliseconds. A lint over budget is stopped with its TypeScript program kept and tried again with twice the budget (three tries in all), and the user is told; a rule that does not stop has its worker restarted. Loading the lint config and building the TypeScript program, slow in a fresh worker or a large project, have a budget of their own: a minute, or six of these budgets when that is longer.',
  },
  maxFileSizeKb: {
    type: 'integer',
    minimum: 0,
    default: 1024,
    description:
      'Files larger than this many kilobytes are not linted; one warning at the top of the file says so (they are nearly always generated or bundled code). `0` lints every file.',
  },
} as const satisfies Record<string, SettingDeclaration>;

export type SettingName = keyof typeof SETTINGS;

type SettingValue<D> = D extends { type: 'boolean' }
  ? boolean
  : D extends { type: 'string'; enum: readonly (infer E)[] }
    ? E
    : D extends { type: 'integer' }
      ? number
      : D extends { type: 'object'; additionalProperties: { enum: readonly (infer E)[] } }
        ? Partial<Record<string, E>>
        : never;

/** The settings of one document, after defaults and validation. Keys are the declaration's (dotted) names. */
export type Settings = { -readonly [K in SettingName]: SettingValue<(typeof SETTINGS)[K]> };

export interface SettingsReading {
  settings: Settings;
  /** One sentence per value that was ignored because it had the wrong type or an unknown value. */
  problems: string[];
}

/**
 * Reads the `loopguard` section a client returned. A dotted name is looked up nested (`fixAll: { includeSuggestions }`,
 * as VS Code sends it) or flat (`"fixAll.includeSuggestions"`); a missing value takes its default, a wrong one too,
 * with a problem to log.
 */
export function readSettings(section: unknown): SettingsReading {
  const problems: string[] = [];
  const raw = isRecord(section) ? section : {};
  const settings: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(SETTINGS) as [
    SettingName,
    SettingDeclaration,
  ][]) {
    const value = lookup(raw, name);
    if (value === undefined || value === null) {
      settings[name] = structuredClone(declaration.default);
      continue;
    }
    const checked = checkValue(declaration, value);
    if (typeof checked === 'string') {
      problems.push(`loopguard.${name}: ${checked}; using ${JSON.stringify(declaration.default)}.`);
      settings[name] = structuredClone(declaration.default);
    } else {
      settings[name] = checked.value;
      problems.push(...checked.problems.map((problem) => `loopguard.${name}: ${problem}`));
    }
  }
  return { settings: settings as Settings, problems };
}

export function defaultSettings(): Settings {
  return readSettings(undefined).settings;
}

function checkValue(
  declaration: SettingDeclaration,
  value: unknown,
): string | { value: unknown; problems: string[] } {
  switch (declaration.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? { value, problems: [] }
        : `expected true or false, got ${JSON.stringify(value)}`;
    case 'string':
      return typeof value === 'string' && declaration.enum.includes(value)
        ? { value, problems: [] }
        : `expected one of ${declaration.enum.join(', ')}, got ${JSON.stringify(value)}`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= declaration.minimum
        ? { value, problems: [] }
        : `expected a whole number of at least ${declaration.minimum}, got ${JSON.stringify(value)}`;
    case 'object': {
      if (!isRecord(value)) return `expected an object, got ${JSON.stringify(value)}`;
      const accepted: Record<string, string> = {};
      const problems: string[] = [];
      for (const [key, entry] of Object.entries(value)) {
        if (typeof entry === 'string' && declaration.additionalProperties.enum.includes(entry))
          accepted[key] = entry;
        else
          problems.push(
            `${key} must be one of ${declaration.additionalProperties.enum.join(', ')}, got ${JSON.stringify(entry)}; ignored.`,
          );
      }
      return { value: accepted, problems };
    }
  }
}

function lookup(raw: Record<string, unknown>, name: string): unknown {
  if (name in raw) return raw[name];
  let current: unknown = raw;
  for (const part of name.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
