// Type-checks texts as files of the typed fixture project (test/fixtures/typed) with the real TypeScript compiler,
// so that tests can assert that rule inputs and fix outputs compile. Texts are checked together, each as its own
// file next to the fixtures with the extension of the file it stands for (so `.cts` stays CommonJS and relative
// imports of the fixture helpers resolve), in one program: building TypeScript's checker for Node's types takes
// most of a second, and one checker serves them all. Every file is a module, so their declarations never meet.
import * as path from 'node:path';

import * as ts from 'typescript';

import { FIXTURES } from './paths';

const TYPED_FIXTURES = path.join(FIXTURES, 'typed');

export interface TextToCheck {
  /** The fixture file the text stands for (`file.ts`, `script.cjs`), relative to the fixture folder. */
  fileName: string;
  text: string;
}

/** The errors of each text, as `line:column message`, in the order given. */
export function typeCheckFixtureTexts(texts: readonly TextToCheck[]): string[][] {
  // A `/// <reference lib=…>` adds its library to the whole program, so such a text gets a program of its own.
  const results: string[][] = texts.map(() => []);
  const shared: number[] = [];
  texts.forEach((entry, index) => {
    if (/^\/\/\/\s*<reference\s+lib=/m.test(entry.text)) results[index] = checkInOneProgram([entry])[0]!;
    else shared.push(index);
  });
  const sharedResults = checkInOneProgram(shared.map((index) => texts[index]!));
  shared.forEach((index, position) => {
    results[index] = sharedResults[position]!;
  });
  return results;
}

/** The errors of every file of the fixture project as it is on disk, as `file line:column message`. */
export function typeCheckFixtureProject(): string[] {
  const { program } = createFixtureProgram(new Map());
  return program.getSourceFiles().flatMap((sourceFile) =>
    sourceFile.fileName.startsWith(normalized(TYPED_FIXTURES)) ? errorsOf(program, sourceFile).map((error) => `${path.basename(sourceFile.fileName)} ${error}`) : [],
  );
}

function checkInOneProgram(texts: readonly TextToCheck[]): string[][] {
  const virtual = new Map<string, string>();
  const names = texts.map((entry, index) => {
    const name = normalized(path.join(TYPED_FIXTURES, `__check_${index}${path.extname(entry.fileName)}`));
    virtual.set(name, entry.text);
    return name;
  });
  const { program } = createFixtureProgram(virtual);
  return names.map((name) => errorsOf(program, program.getSourceFile(name)!));
}

function createFixtureProgram(virtual: ReadonlyMap<string, string>): { program: ts.Program } {
  const configPath = path.join(TYPED_FIXTURES, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, { moduleDetection: ts.ModuleDetectionKind.Force }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const disk = ts.createCompilerHost(config.options, true);
  const host: ts.CompilerHost = {
    ...disk,
    fileExists: (fileName) => virtual.has(normalized(fileName)) || disk.fileExists(fileName),
    readFile: (fileName) => virtual.get(normalized(fileName)) ?? disk.readFile(fileName),
    getSourceFile: (fileName, languageVersion, onError, shouldCreate) => {
      const text = virtual.get(normalized(fileName));
      return text === undefined ? disk.getSourceFile(fileName, languageVersion, onError, shouldCreate) : ts.createSourceFile(fileName, text, languageVersion, true);
    },
  };
  const rootNames = [...config.fileNames.filter((fileName) => !path.basename(fileName).startsWith('__check_')), ...virtual.keys()];
  return { program: ts.createProgram({ rootNames, options: config.options, host }) };
}

function errorsOf(program: ts.Program, sourceFile: ts.SourceFile): string[] {
  const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  return diagnostics
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => {
      const position = diagnostic.start !== undefined ? sourceFile.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      const where = position ? `${position.line + 1}:${position.character + 1}` : '-';
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
}

function normalized(fileName: string): string {
  return fileName.split(path.sep).join('/');
}
