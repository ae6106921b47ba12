// The text of files on disk as the projects' language services see it, read once and kept until the engine is told
// the file changed. TypeScript asks its host for the snapshot of every file of a program each time it builds a new
// program, even for files whose version did not change, so without this every edit would read all of them again
// (the default library and `@types/node` included).
import * as ts from 'typescript';

import { readSourceText } from './source-text';

export class DiskSnapshots {
  private readonly snapshots = new Map<string, ts.IScriptSnapshot | undefined>();

  /** The file's text as a snapshot, or `undefined` when it cannot be read. */
  get(filePath: string): ts.IScriptSnapshot | undefined {
    if (this.snapshots.has(filePath)) return this.snapshots.get(filePath);
    let snapshot: ts.IScriptSnapshot | undefined;
    try {
      snapshot = ts.ScriptSnapshot.fromString(readSourceText(filePath).text);
    } catch {
      snapshot = undefined;
    }
    this.snapshots.set(filePath, snapshot);
    return snapshot;
  }

  /** Forgets the file's text, so the next program reads it again. */
  invalidate(filePath: string): void {
    this.snapshots.delete(filePath);
  }

  clear(): void {
    this.snapshots.clear();
  }
}
