// The bad-input corpus that the CLI and the language server must survive: each file with the message it must get,
// and the broken tsconfigs. Files are generated here (a 5 MB file and deeply nested code are not worth committing).

export interface BadFile {
  /** File name in the corpus project. */
  name: string;
  content: string | Buffer;
  /** The messages the file must get, in order: the text each starts with (a RegExp), or a rule id. */
  expected: Array<RegExp | string>;
}

const FLOATING =
  'declare function save(): Promise<void>;\nexport async function run() {\n  save();\n}\n';

function generatedModule(bytes: number): string {
  const parts = ['declare function save(id: number): Promise<void>;\n'];
  let length = parts[0]!.length;
  for (let index = 0; length < bytes; index++) {
    const part = `export async function handler${index}(id: number) {\n  await save(id + ${index});\n}\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

function binary(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index++) bytes[index] = (index * 7919 + 13) % 256;
  return bytes;
}

const NOT_UTF8 = /^This file is not valid UTF-8/;
const TOO_DEEP =
  /^Loopguard could not lint this file: its code is nested too deeply for the parser/;

export const BAD_FILES: readonly BadFile[] = [
  { name: 'good.ts', content: FLOATING, expected: ['loopguard/no-floating-promises'] },
  {
    name: 'syntax-error.ts',
    content: 'export const x = ;\n',
    expected: [/^Parsing error: Expression expected/],
  },
  { name: 'empty.ts', content: '', expected: [] },
  {
    name: 'generated-5mb.ts',
    content: generatedModule(5 * 1024 * 1024),
    expected: [/^Loopguard skipped this file: it is 5\.0 MB, more than the 1\.0 MB limit/],
  },
  {
    name: 'binary.ts',
    content: binary(4096),
    expected: [/^Parsing error: File appears to be binary/, NOT_UTF8],
  },
  {
    name: 'latin1.ts',
    content: Buffer.concat([
      Buffer.from("export const name = 'caf"),
      Buffer.from([0xe9]),
      Buffer.from(`';\n${FLOATING}`),
    ]),
    expected: ['loopguard/no-floating-promises', NOT_UTF8],
  },
  // TypeScript's parser overflows the call stack on these, which used to fail the program of every file in the project.
  {
    name: 'nested-parentheses.ts',
    content: `export const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`,
    expected: [TOO_DEEP],
  },
  {
    name: 'nested-arrays.ts',
    content: `export const y = ${'['.repeat(3000)}${']'.repeat(3000)};\n`,
    expected: [TOO_DEEP],
  },
  // TypeScript parses this one; ESLint's parser overflows on it instead.
  {
    name: 'long-sum.ts',
    content: `export const z = 1${' + 1'.repeat(5000)};\n`,
    expected: [TOO_DEEP],
  },
];

/** Projects whose tsconfig is broken, each with one file that it claims; the message names the problem. */
export const BROKEN_TSCONFIGS: ReadonlyArray<{
  folder: string;
  files: Record<string, string>;
  problem: RegExp;
}> = [
  {
    folder: 'extends-missing',
    files: { 'tsconfig.json': '{ "extends": "./missing-base.json" }' },
    problem: /Cannot read file '.*missing-base\.json'/,
  },
  {
    folder: 'extends-circular',
    files: {
      'tsconfig.json': '{ "extends": "./base.json" }',
      'base.json': '{ "extends": "./tsconfig.json" }',
    },
    problem: /Circularity detected while resolving configuration/,
  },
  {
    folder: 'invalid-json',
    files: { 'tsconfig.json': '{ "compilerOptions": { "strict": true ' },
    problem: /'}' expected/,
  },
];

export const BROKEN_PROJECT_FILE = FLOATING;
