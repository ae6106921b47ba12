// Linting a file makes TypeScript materialise a token object for every token of it (typescript-estree reads tokens
// through `Node#getChildren`), cached for as long as the program lives. Nothing reads them once the file is linted,
// so the engine lets them go: on a large project they were most of the memory a run kept, and of its GC time.
import * as ts from 'typescript';

/** TypeScript's internal move of a file's child cache to another key (not in its public declarations). */
type TransferChildren = (from: ts.SourceFile, to: object) => void;
const transferSourceFileChildren = (
  ts as unknown as { transferSourceFileChildren?: TransferChildren }
).transferSourceFileChildren;

/** Drops the token objects `getChildren` cached for `sourceFile`; they are rebuilt if anything asks again. */
export function releaseSyntaxCache(sourceFile: ts.SourceFile): void {
  // Moving the cache to a key nobody holds is the only way to delete it; without the function, nothing is freed.
  if (typeof transferSourceFileChildren === 'function') transferSourceFileChildren(sourceFile, {});
}
