// What the extension contributes to VS Code, declared as data: the languages it activates on, its commands, and its
// settings. `contributes.configuration` is rendered from the language server's own settings declaration plus the few
// settings only the client reads; `npm run generate` writes it into package.json and a test fails when that copy is
// stale. No `vscode` import here, so the generator and the tests can load it outside VS Code.
import { SETTINGS, SETTINGS_SECTION, type SettingDeclaration } from 'loopguard/settings';

/** The language ids the server lints (`.ts .tsx .mts .cts .js .jsx .mjs .cjs` map to these four). */
export const LANGUAGES = [
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
] as const;

/** The extension's own commands; the server's `loopguard.showRuleDocs` is registered by the language client. */
export const COMMANDS = {
  fixAll: { command: 'loopguard.fixAll', title: 'Fix all auto-fixable problems' },
  restartServer: { command: 'loopguard.restartServer', title: 'Restart server' },
  showOutput: { command: 'loopguard.showOutput', title: 'Show output' },
} as const;

export const COMMAND_CATEGORY = 'Loopguard';

interface TraceSetting {
  type: 'string';
  enum: readonly string[];
  enumDescriptions: readonly string[];
  default: string;
  description: string;
}

/**
 * Settings that only the extension reads; the server never sees them. `trace.server` is read by
 * vscode-languageclient itself, under the client's id (`loopguard`).
 */
export const CLIENT_ONLY_SETTINGS = {
  'trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    enumDescriptions: [
      'No tracing.',
      'Each message between VS Code and the server, by name.',
      'Each message with its parameters and result.',
    ],
    default: 'off',
    description:
      'Trace the messages between VS Code and the Loopguard language server in the **Loopguard** output channel, for diagnosing the extension. Read by the extension only.',
  },
} as const satisfies Record<string, TraceSetting>;

/** One property of `contributes.configuration`, in VS Code's schema. */
export interface ConfigurationProperty {
  type: string;
  default: unknown;
  markdownDescription: string;
  scope: 'resource' | 'window';
  order: number;
  enum?: readonly string[];
  enumDescriptions?: readonly string[];
  minimum?: number;
  additionalProperties?: unknown;
}

export interface ConfigurationContribution {
  title: string;
  properties: Record<string, ConfigurationProperty>;
}

/**
 * `contributes.configuration`: every server setting, resource-scoped because the server reads settings per
 * document, then the client-only ones, window-scoped (one client per window).
 */
export function renderConfiguration(): ConfigurationContribution {
  const properties: Record<string, ConfigurationProperty> = {};
  let order = 0;
  for (const [name, declaration] of Object.entries(SETTINGS) as [string, SettingDeclaration][]) {
    properties[`${SETTINGS_SECTION}.${name}`] = {
      ...schemaOf(declaration),
      scope: 'resource',
      order: order++,
    };
  }
  for (const [name, declaration] of Object.entries(CLIENT_ONLY_SETTINGS) as [
    string,
    TraceSetting,
  ][]) {
    properties[`${SETTINGS_SECTION}.${name}`] = {
      ...schemaOf(declaration),
      scope: 'window',
      order: order++,
    };
  }
  return { title: 'Loopguard', properties };
}

function schemaOf(
  declaration: SettingDeclaration | TraceSetting,
): Omit<ConfigurationProperty, 'scope' | 'order'> {
  const { description, ...schema } = declaration;
  // The declarations are read-only `as const` data; VS Code's manifest is plain JSON.
  return {
    ...(structuredClone(schema) as Omit<
      ConfigurationProperty,
      'scope' | 'order' | 'markdownDescription'
    >),
    markdownDescription: description,
  };
}

/** `contributes.commands`, each under the "Loopguard" category ("Loopguard: Restart server" in the palette). */
export function renderCommands(): { command: string; title: string; category: string }[] {
  return Object.values(COMMANDS).map(({ command, title }) => ({
    command,
    title,
    category: COMMAND_CATEGORY,
  }));
}

/** `activationEvents`: the extension starts when a file of one of its languages is opened. */
export function renderActivationEvents(): string[] {
  return LANGUAGES.map((language) => `onLanguage:${language}`);
}

/** The extension's package.json with its generated parts replaced by what the declarations say now. */
export function withGeneratedManifest<T extends { contributes?: Record<string, unknown> }>(
  manifest: T,
): T {
  return {
    ...manifest,
    activationEvents: renderActivationEvents(),
    contributes: {
      ...manifest.contributes,
      commands: renderCommands(),
      configuration: renderConfiguration(),
    },
  };
}
