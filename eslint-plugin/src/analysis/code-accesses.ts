// What one piece of code touches, read from its own syntax: the state outside it that it reads or changes, the calls it
// makes with the path of each call's receiver, and what its library calls use outside the process. Following the calls
// is `shared-state.ts`'s part.
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { isLibraryOrPackageFile } from '../util/declaration-origins';
import { skipTsWrappers } from '../util/wrappers';
import { chainTop, isReference, isTypeOnly, roleOf, skipOuter } from './access-syntax';
import {
  type AnalyzableFunction,
  type CallGraph,
  type CallSite,
  isAnalyzableFunction,
  readableFunctionOf,
} from './call-graph';
import {
  type Access,
  type AccessPath,
  addResource,
  type Resource,
  type ResourceUse,
  type Root,
} from './footprints';
import { isRequireCall } from './module-system';
import { resolveCalleeNode, type ResolvedCallee } from './resolve-callee';
import { resourceUseOf } from './resource-use';
import { isInlineFunction } from './sync-callbacks';

/** A call in the code read, with the path of its receiver: `private` when it is a value of the code's own. */
export interface CodeCall {
  node: ts.CallExpression | ts.NewExpression;
  callee: ResolvedCallee | undefined;
  target: AnalyzableFunction | undefined;
  receiver: AccessPath | 'private' | undefined;
}

export interface CodeAccesses {
  accesses: Access[];
  calls: CodeCall[];
  resources: Map<Resource, ResourceUse>;
}

/**
 * What `code` touches outside `scope` (bindings declared inside `scope` are its own, and a fresh value every time it
 * runs). With `thisIsShared`, its `this` is state others see too (a method's, not an arrow's own).
 */
export function readAccesses(
  program: ts.Program,
  graph: CallGraph,
  code: ts.Node,
  scope: ts.Node,
  thisIsShared: boolean,
): CodeAccesses {
  return new CodeReading(program, graph, code, scope, thisIsShared).read();
}

class CodeReading {
  private readonly checker: ts.TypeChecker;
  private readonly found: CodeAccesses = { accesses: [], calls: [], resources: new Map() };
  private readonly sourceFile: ts.SourceFile;
  /** A function's calls are resolved once per program by the call graph, which other rules share. */
  private readonly sites: Map<ts.Node, CallSite> | undefined;

  constructor(
    private readonly program: ts.Program,
    graph: CallGraph,
    private readonly code: ts.Node,
    private readonly scope: ts.Node,
    private readonly thisIsShared: boolean,
  ) {
    this.checker = program.getTypeChecker();
    this.sourceFile = code.getSourceFile();
    this.sites = isAnalyzableFunction(code) ? callSitesOf(graph, code) : undefined;
  }

  read(): CodeAccesses {
    this.visit(this.code, true);
    return this.found;
  }

  private visit(node: ts.Node, thisVisible: boolean): void {
    if (isTypeOnly(node)) return;
    if (node !== this.code && (ts.isFunctionLike(node) || ts.isClassLike(node))) {
      // An arrow shares its `this` with the code around it; other functions and classes have their own.
      const visible = ts.isArrowFunction(node) && thisVisible;
      ts.forEachChild(node, (child) => this.visit(child, visible));
      return;
    }
    if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword)
      this.record(node as ts.Identifier | ts.ThisExpression, thisVisible);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) this.recordCall(node, thisVisible);
    ts.forEachChild(node, (child) => this.visit(child, thisVisible));
  }

  private record(node: ts.Identifier | ts.ThisExpression, thisVisible: boolean): void {
    // Names of properties are not references, so only the start of a chain is recorded, with the chain as its path.
    if (ts.isIdentifier(node) && !isReference(node)) return;
    const top = chainTop(node);
    const path = this.pathOf(top, thisVisible);
    if (!path || path === 'private') return;
    const role = roleOf(top);
    // What `db.insert(row)` does to `db` is decided with the call: the method's own accesses when it can be read.
    if (role === 'call') return;
    const change =
      role === 'change' ||
      (role === 'argument' && this.isMutableValue(this.checker.getTypeAtLocation(top)));
    this.found.accesses.push({ path, change });
  }

  private recordCall(call: ts.CallExpression | ts.NewExpression, thisVisible: boolean): void {
    if (
      call.expression.kind === ts.SyntaxKind.SuperKeyword ||
      call.expression.kind === ts.SyntaxKind.ImportKeyword
    )
      return;
    const { program } = this;
    const site = this.sites?.get(call);
    const callee = site ? site.callee : resolveCalleeNode(program, call);
    const calleeExpression = skipTsWrappers(call.expression, ['parentheses', 'non-null']);
    // A function called where it is written is read as part of this code.
    const target = site
      ? site.target
      : isInlineFunction(calleeExpression)
        ? undefined
        : readableFunctionOf(program, callee, ts.isNewExpression(call));
    const receiver =
      ts.isCallExpression(call) &&
      (ts.isPropertyAccessExpression(calleeExpression) ||
        ts.isElementAccessExpression(calleeExpression))
        ? this.pathOf(calleeExpression.expression, thisVisible)
        : undefined;
    this.found.calls.push({ node: call, callee, target, receiver });
    if (!target && !isInlineFunction(calleeExpression)) {
      const use = resourceUseOf(call, callee);
      if (use) addResource(this.found.resources, use[0], use[1]);
    }
  }

  /** The path `expression` denotes, `private` for the code's own values (and fresh ones), or none for a non-state value. */
  private pathOf(
    expression: ts.Expression,
    thisVisible: boolean,
  ): AccessPath | 'private' | undefined {
    const links: Array<ts.PropertyAccessExpression | ts.ElementAccessExpression> = [];
    let current = skipOuter(expression);
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      links.unshift(current);
      current = skipOuter(current.expression);
    }
    let root: Root;
    let rest = links;
    if (current.kind === ts.SyntaxKind.ThisKeyword || current.kind === ts.SyntaxKind.SuperKeyword) {
      if (!thisVisible || !this.thisIsShared) return 'private';
      root = 'this';
    } else if (ts.isIdentifier(current)) {
      const symbol = this.valueSymbolOf(current);
      if (!symbol) return undefined;
      if (this.isModule(symbol)) {
        // `api.users.find()` after `import * as api`: the state is the export `users`, not the module.
        const [first, ...others] = links;
        if (!first || !ts.isPropertyAccessExpression(first) || !ts.isIdentifier(first.name))
          return undefined;
        const exported = this.valueSymbolOf(first.name);
        if (!exported || !this.isState(exported)) return undefined;
        root = exported;
        rest = others;
      } else {
        if (!this.isState(symbol)) return undefined;
        if (this.isOwn(symbol)) return 'private';
        root = symbol;
      }
    } else {
      return 'private';
    }
    const properties: string[] = [];
    for (const link of rest) {
      const name = ts.isPropertyAccessExpression(link)
        ? link.name.text
        : ts.isStringLiteralLike(link.argumentExpression) ||
            ts.isNumericLiteral(link.argumentExpression)
          ? link.argumentExpression.text
          : undefined;
      if (name === undefined) break;
      properties.push(name);
    }
    return { root, properties };
  }

  private isOwn(symbol: ts.Symbol): boolean {
    return (symbol.getDeclarations() ?? []).some(
      (declaration) =>
        declaration.getSourceFile() === this.sourceFile &&
        declaration.pos >= this.scope.pos &&
        declaration.end <= this.scope.end,
    );
  }

  private valueSymbolOf(identifier: ts.Identifier): ts.Symbol | undefined {
    const symbol = ts.isShorthandPropertyAssignment(identifier.parent)
      ? this.checker.getShorthandAssignmentValueSymbol(identifier.parent)
      : this.checker.getSymbolAtLocation(identifier);
    if (!symbol) return undefined;
    return symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /**
   * A module namespace (`import * as fs`, `import fs from 'fs'`, `const fs = require('fs')`, `await import('fs')`)
   * holds no state of its own. Decided from the declaration: asking the checker for every identifier's type costs
   * more than the rest of the analysis.
   */
  private isModule(symbol: ts.Symbol): boolean {
    if (symbol.flags & ts.SymbolFlags.ValueModule) return true;
    const declaration = symbol.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer)
      return false;
    const initializer = skipTsWrappers(declaration.initializer, ['parentheses', 'await']);
    return (
      isRequireCall(initializer) ||
      (ts.isCallExpression(initializer) &&
        initializer.expression.kind === ts.SyntaxKind.ImportKeyword)
    );
  }

  /**
   * Variables, parameters and classes (static state) of the project; not functions, and not what the standard
   * library or a package declares (`console`, `JSON`, a package's exports), whose state the analysis cannot see.
   */
  private isState(symbol: ts.Symbol): boolean {
    if (!(symbol.flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.Class))) return false;
    const declarations = symbol.getDeclarations() ?? [];
    if (declarations.length === 0) return false;
    for (const declaration of declarations) {
      const sourceFile = declaration.getSourceFile();
      if (isLibraryOrPackageFile(this.program, sourceFile)) {
        return false;
      }
      // `const load = async () => …` is a function, not state.
      if (
        ts.isVariableDeclaration(declaration) &&
        declaration.initializer &&
        ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
      ) {
        if (isInlineFunction(skipTsWrappers(declaration.initializer, ['parentheses'])))
          return false;
      }
    }
    return true;
  }

  /**
   * True when a value of this type can be changed by code it is passed to: objects and arrays with a property
   * that is not readonly. Primitives, functions, readonly arrays and tuples, and readonly objects cannot. An
   * `any` value is not counted: the analysis cannot tell, and in untyped code nearly everything is `any`.
   */
  private isMutableValue(type: ts.Type): boolean {
    for (const part of tsutils.unionConstituents(type)) {
      const flags = part.flags;
      if (
        flags &
        (ts.TypeFlags.Any |
          ts.TypeFlags.Unknown |
          ts.TypeFlags.StringLike |
          ts.TypeFlags.NumberLike |
          ts.TypeFlags.BigIntLike |
          ts.TypeFlags.BooleanLike |
          ts.TypeFlags.ESSymbolLike |
          ts.TypeFlags.VoidLike |
          ts.TypeFlags.Null |
          ts.TypeFlags.Never |
          ts.TypeFlags.EnumLike |
          ts.TypeFlags.TypeParameter)
      )
        continue;
      if (this.checker.isTupleType(part)) {
        if (!(part as ts.TupleTypeReference).target.readonly) return true;
        continue;
      }
      const name = part.getSymbol()?.getName();
      if (name === 'ReadonlyArray' || name === 'ReadonlyMap' || name === 'ReadonlySet') continue;
      if (this.checker.isArrayType(part)) return true;
      const properties = part.getProperties();
      if (properties.length === 0) {
        if (part.getCallSignatures().length > 0) continue;
        return true;
      }
      if (
        properties.some(
          (property) =>
            !tsutils.isPropertyReadonlyInType(part, property.getEscapedName(), this.checker),
        )
      )
        return true;
    }
    return false;
  }
}

function callSitesOf(graph: CallGraph, fn: AnalyzableFunction): Map<ts.Node, CallSite> {
  const sites = new Map<ts.Node, CallSite>();
  for (const site of graph.summarize(fn).sites)
    if (site.kind === 'call') sites.set(site.node, site);
  return sites;
}
