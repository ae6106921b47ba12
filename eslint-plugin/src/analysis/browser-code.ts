// Whether a file is code for a browser page. It is when it names something only a page has:
// - one of the DOM's own globals, `window` or `document`, as the global itself, not a variable or import of that
//   name, and not only under `typeof` (the check code shared with a server makes before touching the page);
// - a type of the page's elements or user events as the default library declares it (`HTMLElement`,
//   `HTMLImageElement`, `DragEvent`, `KeyboardEvent`, `DataTransfer`, …), not a project's own type of that name
//   (a package's stand-in declaration merged with the library's does not make it one).
// Types a server shares with the DOM library (`Response`, `RequestInit`, `Event`, `Blob`) say nothing.
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import ts from 'typescript';

import { isLibraryOrPackageFile } from '../util/declaration-origins';

// Only these two: Node has its own `navigator` (Node 21) and `localStorage` (Node 22), and `@types/node` declares them.
const DOM_GLOBALS: ReadonlySet<string> = new Set(['window', 'document']);

const PAGE_TYPES: ReadonlySet<string> = new Set([
  'Document',
  'Element',
  'Window',
  'DataTransfer',
  'DragEvent',
  'MouseEvent',
  'PointerEvent',
  'KeyboardEvent',
  'ClipboardEvent',
  'FocusEvent',
  'InputEvent',
  'TouchEvent',
  'WheelEvent',
]);

const ELEMENT_TYPE = /^(?:HTML|SVG)\w*Element$/;

// Per lint, keyed by the `SourceCode`: a host may hand the next version of a file the same node objects.
const answers = new WeakMap<Readonly<TSESLint.SourceCode>, boolean>();

/** True when the file names a DOM global or a page's type: it runs in a browser page, in front of a person. */
export function isBrowserCode(
  sourceCode: Readonly<TSESLint.SourceCode>,
  program: ts.Program,
  file: ts.SourceFile,
): boolean {
  const known = answers.get(sourceCode);
  if (known !== undefined) return known;
  const answer = readsDomGlobal(sourceCode) || namesPageType(program, file);
  answers.set(sourceCode, answer);
  return answer;
}

function readsDomGlobal(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  // A global the default library declares resolves to the global scope's variable of that name; one no library
  // declares is left unresolved, in the global scope's `through`. A variable or import of the name is another scope's.
  const references: TSESLint.Scope.Reference[] = [...globalScope.through];
  for (const name of DOM_GLOBALS) references.push(...(globalScope.set.get(name)?.references ?? []));
  return references.some(
    ({ identifier }) =>
      DOM_GLOBALS.has(identifier.name) &&
      !(
        identifier.parent?.type === AST_NODE_TYPES.UnaryExpression &&
        identifier.parent.operator === 'typeof'
      ),
  );
}

function namesPageType(program: ts.Program, file: ts.SourceFile): boolean {
  const checker = program.getTypeChecker();
  const isPageType = (name: ts.Identifier): boolean => {
    if (!PAGE_TYPES.has(name.text) && !ELEMENT_TYPE.test(name.text)) return false;
    // Packages may declare empty stand-ins for code built without the DOM library (`@types/react` does): only a
    // declaration in the project's own code makes the name the project's.
    const files = (checker.getSymbolAtLocation(name)?.getDeclarations() ?? []).map((declaration) =>
      declaration.getSourceFile(),
    );
    return (
      files.some((declared) => program.isSourceFileDefaultLibrary(declared)) &&
      files.every((declared) => isLibraryOrPackageFile(program, declared))
    );
  };
  const visit = (node: ts.Node): boolean =>
    (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && isPageType(node.typeName)) ||
    ts.forEachChild(node, visit) === true;
  return visit(file);
}
