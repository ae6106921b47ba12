// Where a declaration comes from: the compiler's default library or an installed package, as opposed to the
// project's own code.
import type ts from 'typescript';

/** True when `file` is the default library's or a package's (found through `node_modules`, or under it). */
export function isLibraryOrPackageFile(program: ts.Program, file: ts.SourceFile): boolean {
  return (
    program.isSourceFileDefaultLibrary(file) ||
    program.isSourceFileFromExternalLibrary(file) ||
    file.fileName.includes('/node_modules/')
  );
}
