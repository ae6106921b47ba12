// Deciding whether a TypeScript type is a promise (or, when asked, any thenable).
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

export interface PromiseTypeContext {
  checker: ts.TypeChecker;
  program: ts.Program;
  /** With `true`, any object with a callable `then` counts (VS Code's `Thenable`, jQuery deferreds, …). */
  checkThenables: boolean;
}

/**
 * True when some part of `type` is the built-in `Promise` (or a class or interface deriving from it), or, with
 * `checkThenables`, any object with a callable `then`. Unions count if any member does, since the value may be one.
 */
export function isPromiseLikeType(
  context: PromiseTypeContext,
  node: ts.Node,
  type: ts.Type,
): boolean {
  return tsutils
    .unionConstituents(context.checker.getApparentType(type))
    .some((part) => isPromiseConstituent(context, node, part));
}

/**
 * True when every part of `type` is a promise, except `undefined`/`null` parts when `allowNullish` is set (the
 * result of an optional call). Then `.catch(…)` can be called on the value without a type error.
 */
export function isPromiseEveryway(
  context: PromiseTypeContext,
  node: ts.Node,
  type: ts.Type,
  allowNullish: boolean,
): boolean {
  const parts = tsutils.unionConstituents(context.checker.getApparentType(type));
  return parts.every(
    (part) =>
      isPromiseConstituent(context, node, part) ||
      (allowNullish &&
        tsutils.isTypeFlagSet(
          part,
          ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void,
        )),
  );
}

/** True when some part of `type` is an array or tuple with promise elements. */
export function isArrayOfPromises(
  context: PromiseTypeContext,
  node: ts.Node,
  type: ts.Type,
  /** Element types that do not count (a rule's `allow` list). */
  isAllowed: (element: ts.Type) => boolean = () => false,
): boolean {
  const { checker } = context;
  // Each constituent through its constraint: `T | undefined` with `T extends Promise<number>[]` is an array.
  const parts = tsutils
    .unionConstituents(type)
    .flatMap((part) => tsutils.unionConstituents(checker.getApparentType(part)));
  return parts.some((part) => {
    if (!checker.isArrayType(part) && !checker.isTupleType(part)) return false;
    return checker
      .getTypeArguments(part as ts.TypeReference)
      .some((element) => isPromiseLikeType(context, node, element) && !isAllowed(element));
  });
}

function isPromiseConstituent(context: PromiseTypeContext, node: ts.Node, type: ts.Type): boolean {
  if (context.checkThenables) return tsutils.isThenableType(context.checker, node, type);
  return isBuiltinPromise(context.program, type, new Set());
}

function isBuiltinPromise(program: ts.Program, type: ts.Type, seen: Set<ts.Type>): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  const symbol = type.getSymbol();
  if (symbol?.getName() === 'Promise' && isFromDefaultLibrary(program, symbol)) return true;
  if (tsutils.isIntersectionType(type)) {
    return type.types.some((part) => isBuiltinPromise(program, part, seen));
  }
  const target = tsutils.isTypeReference(type) ? type.target : type;
  if (
    !tsutils.isObjectType(target) ||
    !(target.objectFlags & (ts.ObjectFlags.Class | ts.ObjectFlags.Interface))
  )
    return false;
  const bases = (target as ts.InterfaceType).getBaseTypes?.() ?? [];
  return bases.some((base) => isBuiltinPromise(program, base, seen));
}

function isFromDefaultLibrary(program: ts.Program, symbol: ts.Symbol): boolean {
  return (symbol.getDeclarations() ?? []).some((declaration) =>
    program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
  );
}
