// Which module system a file runs in (ES modules or CommonJS), and how new imports are written in it.
import ts from 'typescript';

import { emitModule } from './compiler-defaults';

export type ModuleSystem = 'esm' | 'commonjs';

/** `import { x } from 'm'` or `const { x } = require('m')`. */
export type ImportSyntax = 'import' | 'require';

/**
 * How Node runs the file: by extension (`.mts`/`.mjs`, `.cts`/`.cjs`), else by the format TypeScript derives from
 * `package.json`'s `type` under `node16`/`nodenext`, else by the `module` compiler option; a JavaScript file
 * without either falls back to its own syntax. ES-module-only packages can only be imported from `esm` files.
 */
export function moduleSystemOf(program: ts.Program, sourceFile: ts.SourceFile): ModuleSystem {
  const fileName = sourceFile.fileName;
  if (/\.m[jt]s$/.test(fileName)) return 'esm';
  if (/\.c[jt]s$/.test(fileName)) return 'commonjs';
  if (sourceFile.impliedNodeFormat !== undefined) {
    return sourceFile.impliedNodeFormat === ts.ModuleKind.ESNext ? 'esm' : 'commonjs';
  }
  if (isJavaScript(sourceFile))
    return importSyntaxOf(program, sourceFile) === 'import' ? 'esm' : 'commonjs';
  const options = program.getCompilerOptions();
  const module = emitModule(options);
  return module === ts.ModuleKind.CommonJS ||
    module === ts.ModuleKind.AMD ||
    module === ts.ModuleKind.UMD ||
    module === ts.ModuleKind.None
    ? 'commonjs'
    : 'esm';
}

/**
 * How a new import is written in this file. TypeScript files always use `import` (the compiler turns it into
 * `require` where the file is CommonJS, and keeps its types). JavaScript files follow what they already do: their
 * own `import`/`export` or `require`/`module.exports` statements, then their extension, then the format Node
 * gives them.
 */
export function importSyntaxOf(program: ts.Program, sourceFile: ts.SourceFile): ImportSyntax {
  if (!isJavaScript(sourceFile)) return 'import';
  for (const statement of sourceFile.statements) {
    if (
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isExportAssignment(statement)
    )
      return 'import';
    if (
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      return 'import';
    }
  }
  if (/\.mjs$/.test(sourceFile.fileName)) return 'import';
  if (/\.cjs$/.test(sourceFile.fileName) || sourceFile.statements.some(isCommonJsStatement))
    return 'require';
  if (sourceFile.impliedNodeFormat === ts.ModuleKind.ESNext) return 'import';
  if (sourceFile.impliedNodeFormat === undefined) {
    const module = program.getCompilerOptions().module;
    if (module !== undefined && module >= ts.ModuleKind.ES2015 && module <= ts.ModuleKind.ESNext)
      return 'import';
  }
  return 'require';
}

function isJavaScript(sourceFile: ts.SourceFile): boolean {
  return /\.[cm]?jsx?$/.test(sourceFile.fileName);
}

/** `const x = require('m')`, `module.exports = …` and `exports.x = …` at the top level. */
function isCommonJsStatement(statement: ts.Statement): boolean {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.some(
      (declaration) => declaration.initializer && isRequireCall(declaration.initializer),
    );
  }
  if (!ts.isExpressionStatement(statement)) return false;
  const expression = statement.expression;
  if (isRequireCall(expression)) return true;
  if (
    !ts.isBinaryExpression(expression) ||
    expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken
  )
    return false;
  const target = expression.left;
  if (!ts.isPropertyAccessExpression(target)) return false;
  const root = ts.isPropertyAccessExpression(target.expression)
    ? target.expression.expression
    : target.expression;
  return ts.isIdentifier(root) && (root.text === 'module' || root.text === 'exports');
}

/** `require('m')`, also as the object of a member access (`require('m').x`). */
export function isRequireCall(expression: ts.Expression): boolean {
  let current = expression;
  while (ts.isPropertyAccessExpression(current)) current = current.expression;
  return (
    ts.isCallExpression(current) &&
    ts.isIdentifier(current.expression) &&
    current.expression.text === 'require' &&
    current.arguments.length === 1 &&
    ts.isStringLiteralLike(current.arguments[0]!)
  );
}
