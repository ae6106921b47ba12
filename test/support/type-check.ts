// Type-checks the code of a rule's test table (every case's code, every autofix output and every suggestion output)
// with the TypeScript compiler, against the compiler options of the typed fixture project. Each snippet is a file of
// its own next to the fixture's files (in memory only), so the same types and packages resolve as in the rule tests.
import * as path from 'node:path';

import type { InvalidTestCase, RunTests, ValidTestCase } from '@typescript-eslint/rule-tester';
import * as ts from 'typescript';

import { FIXTURES } from './paths';

const TYPED_FIXTURES = path.join(FIXTURES, 'typed');

interface Snippet {
  label: string;
  code: string;
  fileName: string;
}

/** Every snippet in `tests`: valid code, invalid code, autofix outputs and suggestion outputs. */
function snippetsOf<MessageIds extends string, Options extends readonly unknown[]>(
  tests: RunTests<MessageIds, Options>,
): Snippet[] {
  const snippets: Snippet[] = [];
  const add = (label: string, code: string, filename: string | undefined): void => {
    const extension = path.extname(filename ?? 'file.ts');
    snippets.push({
      label,
      code,
      fileName: path.join(TYPED_FIXTURES, `__type-check-${snippets.length}${extension}`),
    });
  };
  tests.valid.forEach((test: string | ValidTestCase<Options>, index) => {
    const item = typeof test === 'string' ? { code: test } : test;
    add(`valid[${index}]${caseName(item)}`, item.code, item.filename);
  });
  tests.invalid.forEach((test: InvalidTestCase<MessageIds, Options>, index) => {
    const label = `invalid[${index}]${caseName(test)}`;
    add(`${label} code`, test.code, test.filename);
    const outputs =
      test.output === null || test.output === undefined
        ? []
        : typeof test.output === 'string'
          ? [test.output]
          : test.output;
    outputs.forEach((output, pass) =>
      add(`${label} output (pass ${pass + 1})`, output, test.filename),
    );
    test.errors.forEach((error, errorIndex) => {
      (error.suggestions ?? []).forEach((suggestion, suggestionIndex) => {
        if (suggestion.output !== undefined) {
          add(
            `${label} error ${errorIndex} suggestion ${suggestionIndex} (${suggestion.messageId})`,
            suggestion.output,
            test.filename,
          );
        }
      });
    });
  });
  return snippets;
}

function caseName(test: { name?: string }): string {
  return test.name ? ` "${test.name}"` : '';
}

function fixtureOptions(): ts.CompilerOptions {
  const configPath = path.join(TYPED_FIXTURES, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (config.error)
    throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, TYPED_FIXTURES, undefined, configPath)
    .options;
}

function createProgram(
  snippets: readonly Snippet[],
  options: ts.CompilerOptions,
  oldProgram?: ts.Program,
): ts.Program {
  const byName = new Map(
    snippets.map((snippet) => [path.normalize(snippet.fileName), snippet.code]),
  );
  const host = ts.createCompilerHost(options, true);
  const fromDisk = ts.createCompilerHost(options, true);
  host.fileExists = (fileName) =>
    byName.has(path.normalize(fileName)) || fromDisk.fileExists(fileName);
  host.readFile = (fileName) => byName.get(path.normalize(fileName)) ?? fromDisk.readFile(fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const code = byName.get(path.normalize(fileName));
    if (code === undefined)
      return fromDisk.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    return ts.createSourceFile(fileName, code, languageVersion, true);
  };
  return ts.createProgram({ rootNames: [...byName.keys()], options, host, oldProgram });
}

function errorsOf(program: ts.Program, snippet: Snippet): string[] {
  const sourceFile = program.getSourceFile(snippet.fileName);
  if (!sourceFile) return [`${snippet.label}: not in the program`];
  const diagnostics = [
    ...program.getSyntacticDiagnostics(sourceFile),
    ...program.getSemanticDiagnostics(sourceFile),
  ];
  return diagnostics.map((diagnostic) => {
    const where =
      diagnostic.start === undefined
        ? ''
        : ` at ${sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line + 1}`;
    return `${snippet.label}${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}\n${snippet.code}`;
  });
}

/**
 * The compiler errors of every snippet in `tests`, empty when all of them type-check. Modules are checked together
 * in one program; a snippet that TypeScript treats as a script (whose declarations would be global and clash with
 * the others') gets a program of its own.
 */
export function typeCheckTable<MessageIds extends string, Options extends readonly unknown[]>(
  tests: RunTests<MessageIds, Options>,
): string[] {
  const snippets = snippetsOf(tests);
  const options = fixtureOptions();
  const program = createProgram(snippets, options);
  const errors: string[] = [];
  for (const snippet of snippets) {
    const sourceFile = program.getSourceFile(snippet.fileName);
    if (sourceFile && !ts.isExternalModule(sourceFile)) {
      errors.push(...errorsOf(createProgram([snippet], options, program), snippet));
    } else {
      errors.push(...errorsOf(program, snippet));
    }
  }
  return errors;
}
