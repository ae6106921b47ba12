// Reading a tsconfig.json/jsconfig.json into compiler options and a file list, turning every way it can be broken
// (invalid JSON, a missing or circular `extends`, unknown options) into one readable message.
import * as path from 'node:path';

import * as ts from 'typescript';

export type TsconfigLoad =
  { ok: true; parsed: ts.ParsedCommandLine } | { ok: false; message: string };

/** Diagnostics that are not a broken config: a project whose `include` matches nothing is still usable. */
const HARMLESS_CONFIG_ERRORS = new Set([18003 /* No inputs were found in config file */]);

export function loadTsconfig(configPath: string): TsconfigLoad {
  let unrecoverable: ts.Diagnostic | undefined;
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      unrecoverable = diagnostic;
    },
  };
  const defaults: ts.CompilerOptions =
    path.basename(configPath) === 'jsconfig.json' ? { allowJs: true, maxNodeModuleJsDepth: 2 } : {};
  let parsed: ts.ParsedCommandLine | undefined;
  try {
    parsed = ts.getParsedCommandLineOfConfigFile(configPath, defaults, host);
  } catch (error) {
    return { ok: false, message: `could not be read: ${(error as Error).message}` };
  }
  if (!parsed || unrecoverable) {
    return {
      ok: false,
      message: unrecoverable ? formatDiagnostic(unrecoverable) : 'could not be read',
    };
  }
  // The JSON's own syntax errors are kept on the config's source file, apart from `parsed.errors`.
  const errors = ts
    .getConfigFileParsingDiagnostics(parsed)
    .filter(
      (diagnostic) =>
        diagnostic.category === ts.DiagnosticCategory.Error &&
        !HARMLESS_CONFIG_ERRORS.has(diagnostic.code),
    );
  if (errors.length > 0) {
    return { ok: false, message: errors.map(formatDiagnostic).join('; ') };
  }
  return { ok: true, parsed };
}

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return text;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${text} (${diagnostic.file.fileName}:${line + 1}:${character + 1})`;
}
