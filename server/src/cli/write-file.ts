// Writing a fixed file without ever leaving it half written, and without overwriting edits made on disk after the
// engine read it: the new text goes to a temporary file in the same folder, which is then renamed over the file.
// A rename within a folder replaces the file in one step: readers see the old text or the new one, never a mix.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { decodeSourceText, type SourceText } from '../engine';

export type WriteOutcome =
  | { kind: 'written' }
  /** The file no longer holds the text that was linted (edited since): nothing was written. */
  | { kind: 'changed-on-disk' }
  /** The file was deleted since it was read: nothing was written. */
  | { kind: 'deleted' }
  /** The file holds bytes that are not UTF-8, which the fixed text could not keep: nothing was written. */
  | { kind: 'not-utf8' }
  /** Writing failed; the file is as it was and no temporary file is left. */
  | { kind: 'failed'; reason: string };

/** The file operations a write needs; tests give ones that fail. */
export interface WriteFileSystem {
  readFile(filePath: string): Buffer;
  mode(filePath: string): number;
  /** Creates `filePath`, failing if it exists. */
  createFile(filePath: string, data: string, mode: number): void;
  rename(from: string, to: string): void;
  remove(filePath: string): void;
}

export const NODE_FILE_SYSTEM: WriteFileSystem = {
  readFile: (filePath) => fs.readFileSync(filePath),
  mode: (filePath) => fs.statSync(filePath).mode,
  createFile: (filePath, data, mode) => fs.writeFileSync(filePath, data, { mode, flag: 'wx' }),
  rename: (from, to) => fs.renameSync(from, to),
  remove: (filePath) => fs.rmSync(filePath, { force: true }),
};

/** The suffix of temporary files, so that a test (or a person) can tell them apart. */
export const TEMPORARY_SUFFIX = '.loopguard-tmp';

/** Writes `output` over `filePath` if the file still holds `expectedText` (BOM aside); keeps its BOM and mode. */
export function writeFixedFile(
  filePath: string,
  expectedText: string,
  output: string,
  fileSystem: WriteFileSystem = NODE_FILE_SYSTEM,
): WriteOutcome {
  let current: SourceText | 'gone';
  try {
    current = readCurrent(fileSystem, filePath);
  } catch (error) {
    return { kind: 'failed', reason: (error as Error).message };
  }
  if (current === 'gone') return { kind: 'deleted' };
  if (current.text !== expectedText) return { kind: 'changed-on-disk' };
  if (!current.validUtf8) return { kind: 'not-utf8' };
  const temporary = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`,
  );
  try {
    fileSystem.createFile(
      temporary,
      (current.hasBom ? '\uFEFF' : '') + output,
      fileSystem.mode(filePath),
    );
    // An editor may have saved the file while the temporary one was written: compare once more, right before the
    // rename. (What is left is the moment between this read and the rename; no portable file API closes it.)
    const latest = readCurrent(fileSystem, filePath);
    if (latest === 'gone' || latest.text !== expectedText) {
      fileSystem.remove(temporary);
      return { kind: latest === 'gone' ? 'deleted' : 'changed-on-disk' };
    }
    fileSystem.rename(temporary, filePath);
    return { kind: 'written' };
  } catch (error) {
    try {
      fileSystem.remove(temporary);
    } catch {
      // Nothing more can be done; the message below names the file, and the temporary name says what it is.
    }
    return { kind: 'failed', reason: (error as Error).message };
  }
}

function readCurrent(fileSystem: WriteFileSystem, filePath: string): SourceText | 'gone' {
  try {
    return decodeSourceText(fileSystem.readFile(filePath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

export type NewFileOutcome =
  { kind: 'written' } | { kind: 'exists' } | { kind: 'failed'; reason: string };

/**
 * Creates a file the applied fixes need (a shared helper module), with its folders; never over an existing file,
 * which is left as it is (`wx` fails if the file appears meanwhile).
 */
export function writeNewFile(filePath: string, text: string): NewFileOutcome {
  try {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, text, { flag: 'wx' });
    return { kind: 'written' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { kind: 'exists' };
    return { kind: 'failed', reason: (error as Error).message };
  }
}
