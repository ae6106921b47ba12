// The text of files on disk as the projects' language services see it, read once and kept until the engine is told
// the file changed. TypeScript asks its host for the snapshot of every file of a program each time it builds a new
// program, even for files whose version did not change, so without this every edit would read all of them again
// (the default library and `@types/node` included). What went wrong reading a file is kept too, for its message.
import * as ts from 'typescript';

import { readSourceText } from './source-text';

interface DiskText {
  snapshot: ts.IScriptSnapshot | undefined;
  /** Why the file could not be read (`ENOENT: no such file or directory, open '…'`). */
  error?: string;
  /** The file holds bytes that are not UTF-8 (they read as U+FFFD). */
  invalidUtf8?: boolean;
}

export class DiskSnapshots {
  private readonly texts = new Map<string, DiskText>();

  /** The file's text as a snapshot, or `undefined` when it cannot be read. */
  get(filePath: string): ts.IScriptSnapshot | undefined {
    return this.read(filePath).snapshot;
  }

  /** Why the file could not be read, when it could not. */
  readError(filePath: string): string | undefined {
    return this.texts.get(filePath)?.error;
  }

  /** Whether the file as read holds bytes that are not UTF-8. */
  hasInvalidUtf8(filePath: string): boolean {
    return this.texts.get(filePath)?.invalidUtf8 === true;
  }

  /** Forgets the file's text, so the next program reads it again. */
  invalidate(filePath: string): void {
    this.texts.delete(filePath);
  }

  clear(): void {
    this.texts.clear();
  }

  private read(filePath: string): DiskText {
    let entry = this.texts.get(filePath);
    if (entry) return entry;
    try {
      const source = readSourceText(filePath);
      entry = {
        snapshot: ts.ScriptSnapshot.fromString(source.text),
        ...(source.validUtf8 ? {} : { invalidUtf8: true }),
      };
    } catch (error) {
      entry = { snapshot: undefined, error: (error as Error).message };
    }
    this.texts.set(filePath, entry);
    return entry;
  }
}
