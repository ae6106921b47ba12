// Type-checks texts as files of a TypeScript project on disk (the typed fixture project, test/fixtures/typed, unless
// told otherwise) with the real TypeScript compiler, so that tests can assert that rule inputs and fix outputs
// compile. Texts are checked together, each as its own file next to the file it stands for, with that file's extension
// (so `.cts` stays CommonJS and relative imports resolve), in one program: building TypeScript's checker for Node's
// types takes most of a second, and one checker serves them all. Every file is a module, so their declarations never
// meet.
import * as path from 'node:path';

import * as ts from 'typescript';

import { FIXTURES } from './paths';

const TYPED_FIXTURES = path.join(FIXTURES, 'typed');

export interface TextToCheck {
  /** The file the text stands for (`file.ts`, `script.cjs`, `examples/orders.ts`), relative to the project folder. */
  fileName: string;
  text: string;
}

/** The errors of each text, as `line:column message`, in the order given. */
export function typeCheckFixtureTexts(texts: readonly TextToCheck[]): string[][] {
  // A `/// <reference lib=…>` adds its library to the whole program, so such a text gets a program of its own.
  const results: string[][] = texts.map(() => []);
  const shared: number[] = [];
  texts.forEach((entry, index) => {
    if (/^\/\/\/\s*<reference\s+lib=/m.test(entry.text))
      results[index] = typeCheckProjectTexts(TYPED_FIXTURES, [entry]).textErrors[0]!;
    else shared.push(index);
  });
  const sharedResults = typeCheckProjectTexts(
    TYPED_FIXTURES,
    shared.map((index) => texts[index]!),
  ).textErrors;
  shared.forEach((index, position) => {
    results[index] = sharedResults[position]!;
  });
  return results;
}

/** The errors of every file of the fixture project as it is on disk, as `file line:column message`. */
export function typeCheckFixtureProject(): string[] {
  const program = createProjectProgram(TYPED_FIXTURES, new Map());
  return program
    .getSourceFiles()
    .flatMap((sourceFile) =>
      sourceFile.fileName.startsWith(normalized(TYPED_FIXTURES))
        ? errorsOf(program, sourceFile).map(
            (error) => `${path.basename(sourceFile.fileName)} ${error}`,
          )
        : [],
    );
}

export interface ProjectTypeCheck {
  /** The errors of each text, in the order given. */
  textErrors: string[][];
  /** The errors of a file of the project on disk, by its path relative to the project folder. */
  fileErrors(fileName: string): string[];
}

/**
 * Type-checks `texts` together with the project in `directory` (its `tsconfig.json`), in one program that also holds
 * every file of the project on disk.
 */
export function typeCheckProjectTexts(
  directory: string,
  texts: readonly TextToCheck[],
): ProjectTypeCheck {
  const virtual = new Map<string, string>();
  const names = texts.map((entry, index) => {
    const name = normalized(
      path.join(
        directory,
        path.dirname(entry.fileName),
        `__check_${index}${path.extname(entry.fileName)}`,
      ),
    );
    virtual.set(name, entry.text);
    return name;
  });
  const program = createProjectProgram(directory, virtual);
  return {
    textErrors: names.map((name) => errorsOf(program, program.getSourceFile(name)!)),
    fileErrors: (fileName) => {
      const sourceFile = program.getSourceFile(normalized(path.join(directory, fileName)));
      return sourceFile ? errorsOf(program, sourceFile) : [`${fileName} is not in the program`];
    },
  };
}

function createProjectProgram(directory: string, virtual: ReadonlyMap<string, string>): ts.Program {
  const configPath = path.join(directory, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { moduleDetection: ts.ModuleDetectionKind.Force },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const disk = ts.createCompilerHost(config.options, true);
  const host: ts.CompilerHost = {
    ...disk,
    fileExists: (fileName) => virtual.has(normalized(fileName)) || disk.fileExists(fileName),
    readFile: (fileName) => virtual.get(normalized(fileName)) ?? disk.readFile(fileName),
    getSourceFile: (fileName, languageVersion, onError, shouldCreate) => {
      const text = virtual.get(normalized(fileName));
      return text === undefined
        ? disk.getSourceFile(fileName, languageVersion, onError, shouldCreate)
        : ts.createSourceFile(fileName, text, languageVersion, true);
    },
  };
  const rootNames = [
    ...config.fileNames.filter((fileName) => !path.basename(fileName).startsWith('__check_')),
    ...virtual.keys(),
  ];
  return ts.createProgram({ rootNames, options: config.options, host });
}

function errorsOf(program: ts.Program, sourceFile: ts.SourceFile): string[] {
  let semantic: readonly ts.Diagnostic[];
  try {
    semantic = program.getSemanticDiagnostics(sourceFile);
  } catch (error) {
    // Some inputs (a recursive generic type in the rule tables) overflow TypeScript's own checker: such a file does
    // not type-check, so fixes of it are not held to type-check either.
    if (!(error instanceof RangeError)) throw error;
    return [`- the type checker failed: ${error.message}`];
  }
  const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...semantic];
  return diagnostics
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => {
      const position =
        diagnostic.start !== undefined
          ? sourceFile.getLineAndCharacterOfPosition(diagnostic.start)
          : undefined;
      const where = position ? `${position.line + 1}:${position.character + 1}` : '-';
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
}

function normalized(fileName: string): string {
  return fileName.split(path.sep).join('/');
}
