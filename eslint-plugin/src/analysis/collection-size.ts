// Whether the size of a collection is bounded by the code itself: an array literal, a tuple type, a type the user
// lists as small, `Array.from({ length: 5 })`, `.slice(i, i + 10)` with a constant, and what is derived from them
// (`filter`, `map`, `concat`, a `const` initialized with one). Everything else (a parameter `string[]`, a `Set`,
// `Object.keys(…)`, an array pushed to in a loop) has no static bound.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { propertyKey } from '../util/property-keys';
import { soleDeclarator, variableOf } from '../util/variables';
import { resolveCallee } from './resolve-callee';

/**
 * At most `size` elements, or no bound at all. `written` marks bounds that the code spells out element by element
 * (array literals, tuple types, listed types): those are bounded whatever their length, while a constant such as
 * the `N` of `.slice(0, N)` must not exceed the rule's limit.
 */
export type SizeBound = { kind: 'unbounded' } | { kind: 'at-most'; size: number; written: boolean };

export interface SizeBoundOptions {
  /** The largest constant size (`slice(0, N)`, `{ length: N }`) that counts as bounded. */
  maxBoundedSize: number;
  /** Type names (aliases, interfaces, classes) whose values are small by declaration, such as a branded `SmallArray`. */
  boundedTypes: readonly string[];
}

const UNBOUNDED: SizeBound = { kind: 'unbounded' };
const MAX_STEPS = 12;

/** Array methods whose result has at most as many elements as their receiver. */
const SHRINKING_METHODS = new Set([
  'filter',
  'map',
  'sort',
  'toSorted',
  'reverse',
  'toReversed',
  'with',
  'fill',
  'copyWithin',
  'keys',
  'values',
  'entries',
]);
/** Methods that change an array's length, so a `const` array's initializer says nothing about its size later. */
const LENGTH_MUTATORS = new Set(['push', 'unshift', 'splice']);

/** The size bounds of one file's collections. */
/** Generic containers whose last type argument is what iterating them (or their `values()`) yields. */
const ELEMENT_CONTAINERS = new Set([
  'Set',
  'ReadonlySet',
  'Map',
  'ReadonlyMap',
  'Iterable',
  'IterableIterator',
  'ArrayIterator',
  'SetIterator',
  'MapIterator',
  'ReadonlyArray',
  'Array',
]);

export class SizeBounds {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly checker: ts.TypeChecker;
  private readonly boundedTypes: ReadonlySet<string>;

  constructor(
    context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
    private readonly services: ParserServicesWithTypeInformation,
    private readonly options: SizeBoundOptions,
  ) {
    this.sourceCode = context.sourceCode;
    this.checker = services.program.getTypeChecker();
    this.boundedTypes = new Set(options.boundedTypes);
  }

  /** The bound on how many elements `collection` has. */
  ofCollection(collection: TSESTree.Expression): SizeBound {
    return this.collectionBound(collection, 0);
  }

  /** The bound on a number used as a size (`{ length: n }`, a loop's limit). */
  ofNumber(value: TSESTree.Expression): SizeBound {
    return this.numberBound(value, 0);
  }

  /** True when `bound` is small enough not to report. */
  isBounded(bound: SizeBound): boolean {
    return bound.kind === 'at-most' && (bound.written || bound.size <= this.options.maxBoundedSize);
  }

  private collectionBound(collection: TSESTree.Expression, steps: number): SizeBound {
    if (steps > MAX_STEPS) return UNBOUNDED;
    const byType = this.typeBound(collection);
    if (byType) return byType;
    const next = steps + 1;
    switch (collection.type) {
      case AST_NODE_TYPES.ArrayExpression:
        return sum(
          collection.elements.map((element): SizeBound => {
            if (element?.type === AST_NODE_TYPES.SpreadElement)
              return this.collectionBound(element.argument, next);
            return { kind: 'at-most', size: 1, written: true };
          }),
        );
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        return this.collectionBound(collection.expression, next);
      case AST_NODE_TYPES.ConditionalExpression:
        return larger(
          this.collectionBound(collection.consequent, next),
          this.collectionBound(collection.alternate, next),
        );
      case AST_NODE_TYPES.LogicalExpression:
        return larger(
          this.collectionBound(collection.left, next),
          this.collectionBound(collection.right, next),
        );
      case AST_NODE_TYPES.Identifier: {
        const initializer = this.unchangedInitializer(collection);
        return initializer ? this.collectionBound(initializer, next) : UNBOUNDED;
      }
      case AST_NODE_TYPES.CallExpression:
        return this.callBound(collection, next);
      case AST_NODE_TYPES.ObjectExpression: {
        // An array-like (`Array.from({ length: n }, …)`).
        const length = lengthProperty(collection);
        return length ? this.numberBound(length, next) : UNBOUNDED;
      }
      case AST_NODE_TYPES.NewExpression: {
        if (collection.callee.type !== AST_NODE_TYPES.Identifier) return UNBOUNDED;
        const [first] = collection.arguments;
        if (collection.callee.name === 'Set' || collection.callee.name === 'Map') {
          if (!first) return { kind: 'at-most', size: 0, written: true };
          return first.type === AST_NODE_TYPES.SpreadElement
            ? UNBOUNDED
            : this.collectionBound(first, next);
        }
        if (
          collection.callee.name === 'Array' &&
          collection.arguments.length === 1 &&
          first &&
          first.type !== AST_NODE_TYPES.SpreadElement
        ) {
          return this.numberBound(first, next);
        }
        return UNBOUNDED;
      }
      default:
        return UNBOUNDED;
    }
  }

  private callBound(call: TSESTree.CallExpression, steps: number): SizeBound {
    const callee =
      call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
    const resolved = resolveCallee(this.services, call);
    if (!resolved || resolved.origin !== 'global') return UNBOUNDED;
    const args = call.arguments;
    const [first, second] = args;
    if (resolved.container === 'ArrayConstructor') {
      if (resolved.name === 'of') return { kind: 'at-most', size: args.length, written: true };
      if (resolved.name !== 'from' || !first || first.type === AST_NODE_TYPES.SpreadElement)
        return UNBOUNDED;
      const length =
        first.type === AST_NODE_TYPES.ObjectExpression ? lengthProperty(first) : undefined;
      if (length) return this.numberBound(length, steps);
      return this.collectionBound(first, steps);
    }
    if (
      resolved.container === 'ArrayConstructor' ||
      callee.type !== AST_NODE_TYPES.MemberExpression
    )
      return UNBOUNDED;
    const receiver = callee.object;
    const isArrayMethod = resolved.container === 'Array' || resolved.container === 'ReadonlyArray';
    const isKeyedMethod = ['Map', 'ReadonlyMap', 'Set', 'ReadonlySet'].includes(
      resolved.container ?? '',
    );
    if (isKeyedMethod && ['keys', 'values', 'entries'].includes(resolved.name))
      return this.collectionBound(receiver, steps);
    if (!isArrayMethod) return UNBOUNDED;
    if (SHRINKING_METHODS.has(resolved.name)) return this.collectionBound(receiver, steps);
    if (resolved.name === 'concat') {
      return sum([
        this.collectionBound(receiver, steps),
        ...args.map((argument): SizeBound => {
          if (argument.type === AST_NODE_TYPES.SpreadElement) return UNBOUNDED;
          const type = this.services.getTypeAtLocation(argument);
          return this.checker.isArrayType(type) || this.checker.isTupleType(type)
            ? this.collectionBound(argument, steps)
            : { kind: 'at-most', size: 1, written: true };
        }),
      ]);
    }
    if (resolved.name === 'slice')
      return smaller(this.sliceBound(first, second, steps), this.collectionBound(receiver, steps));
    if (resolved.name === 'splice' && second && second.type !== AST_NODE_TYPES.SpreadElement) {
      return smaller(this.numberBound(second, steps), this.collectionBound(receiver, steps));
    }
    return UNBOUNDED;
  }

  /** `slice(start, end)`: a constant width (`slice(0, 10)`, `slice(i, i + 10)`, `slice(-10)`). */
  private sliceBound(
    start: TSESTree.CallExpressionArgument | undefined,
    end: TSESTree.CallExpressionArgument | undefined,
    steps: number,
  ): SizeBound {
    if (
      !start ||
      start.type === AST_NODE_TYPES.SpreadElement ||
      end?.type === AST_NODE_TYPES.SpreadElement
    )
      return UNBOUNDED;
    const startValue = this.constantOf(start);
    if (!end)
      return startValue !== undefined && startValue < 0
        ? { kind: 'at-most', size: -startValue, written: false }
        : UNBOUNDED;
    const endValue = this.constantOf(end);
    if (startValue !== undefined && endValue !== undefined && startValue >= 0 && endValue >= 0) {
      return { kind: 'at-most', size: Math.max(0, endValue - startValue), written: false };
    }
    return this.widthFrom(start, end, steps);
  }

  /** `end` as `start + N` (or `N + start`), also as one argument of `Math.min(…)`. */
  private widthFrom(
    start: TSESTree.Expression,
    end: TSESTree.Expression,
    steps: number,
  ): SizeBound {
    if (end.type === AST_NODE_TYPES.BinaryExpression && end.operator === '+') {
      for (const [same, width] of [
        [end.left, end.right],
        [end.right, end.left],
      ] as const) {
        if (this.sameText(same, start)) {
          const value = this.constantOf(width);
          if (value !== undefined && value >= 0)
            return { kind: 'at-most', size: value, written: false };
        }
      }
      return UNBOUNDED;
    }
    if (end.type === AST_NODE_TYPES.CallExpression && this.isMathMin(end)) {
      return end.arguments.reduce<SizeBound>(
        (bound, argument) =>
          argument.type === AST_NODE_TYPES.SpreadElement
            ? bound
            : smaller(bound, this.widthFrom(start, argument, steps)),
        UNBOUNDED,
      );
    }
    return UNBOUNDED;
  }

  private numberBound(value: TSESTree.Expression, steps: number): SizeBound {
    if (steps > MAX_STEPS) return UNBOUNDED;
    const constant = this.constantOf(value);
    if (constant !== undefined)
      return { kind: 'at-most', size: Math.max(0, Math.ceil(constant)), written: false };
    const next = steps + 1;
    switch (value.type) {
      case AST_NODE_TYPES.CallExpression:
        if (!this.isMathMin(value)) return UNBOUNDED;
        return value.arguments.reduce<SizeBound>(
          (bound, argument) =>
            argument.type === AST_NODE_TYPES.SpreadElement
              ? bound
              : smaller(bound, this.numberBound(argument, next)),
          UNBOUNDED,
        );
      case AST_NODE_TYPES.MemberExpression:
        if (value.computed || value.property.type !== AST_NODE_TYPES.Identifier) return UNBOUNDED;
        if (value.property.name === 'length' || value.property.name === 'size')
          return this.collectionBound(value.object, next);
        return UNBOUNDED;
      case AST_NODE_TYPES.ConditionalExpression:
        return larger(
          this.numberBound(value.consequent, next),
          this.numberBound(value.alternate, next),
        );
      case AST_NODE_TYPES.Identifier: {
        const initializer = this.unchangedInitializer(value);
        return initializer ? this.numberBound(initializer, next) : UNBOUNDED;
      }
      default:
        return UNBOUNDED;
    }
  }

  /** A number the type checker knows exactly: a literal, a `const`, an enum member, a union of those (the largest). */
  private constantOf(node: TSESTree.Node): number | undefined {
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') return node.value;
    if (
      node.type === AST_NODE_TYPES.UnaryExpression &&
      node.operator === '-' &&
      node.argument.type === AST_NODE_TYPES.Literal &&
      typeof node.argument.value === 'number'
    ) {
      return -node.argument.value;
    }
    const parts = tsutils.unionConstituents(this.services.getTypeAtLocation(node));
    if (!parts.every((part) => part.isNumberLiteral())) return undefined;
    return Math.max(...parts.map((part) => part.value));
  }

  private isMathMin(call: TSESTree.CallExpression): boolean {
    const resolved = resolveCallee(this.services, call);
    return (
      resolved?.origin === 'global' && resolved.container === 'Math' && resolved.name === 'min'
    );
  }

  private typeBound(node: TSESTree.Expression): SizeBound | undefined {
    const parts = tsutils.unionConstituents(this.services.getTypeAtLocation(node));
    let size = 0;
    for (const part of parts) {
      if (this.hasBoundedName(part)) continue;
      if (!this.checker.isTupleType(part)) return undefined;
      const target = (part as ts.TupleTypeReference).target;
      if (target.hasRestElement || target.combinedFlags & ts.ElementFlags.Variadic)
        return undefined;
      size = Math.max(size, target.fixedLength);
    }
    return parts.length > 0 ? { kind: 'at-most', size, written: true } : undefined;
  }

  /**
   * True when `type`, or the element type of an array, readonly array, set, map (its values) or iterator of it, is
   * one of the `boundedTypes`: declaring `DataSource` small covers `DataSource[]` and `Map<string, DataSource>`.
   */
  private hasBoundedName(type: ts.Type): boolean {
    if (this.boundedTypes.size === 0) return false;
    if (this.isBoundedName(type)) return true;
    const element = this.elementTypeOf(type);
    return element !== undefined && this.isBoundedName(element);
  }

  private elementTypeOf(type: ts.Type): ts.Type | undefined {
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
      const elements = this.checker.getTypeArguments(type as ts.TypeReference);
      return elements.length === 1 ? elements[0] : undefined;
    }
    const name = type.getSymbol()?.getName();
    if (!name || !ELEMENT_CONTAINERS.has(name)) return undefined;
    return this.checker.getTypeArguments(type as ts.TypeReference).at(-1);
  }

  private isBoundedName(type: ts.Type): boolean {
    const names = [type.aliasSymbol?.getName(), type.getSymbol()?.getName()];
    if (type.isIntersection()) {
      for (const part of type.types)
        names.push(part.aliasSymbol?.getName(), part.getSymbol()?.getName());
    }
    return names.some((name) => name !== undefined && this.boundedTypes.has(name));
  }

  /**
   * The initializer of the variable `identifier` reads, when it is the variable's only value: declared once, never
   * assigned again, and (for arrays) never grown with `push`, `unshift`, `splice`, an index or its `length`.
   */
  private unchangedInitializer(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
    const variable = variableOf(this.sourceCode, identifier);
    if (!variable) return undefined;
    const declarator = soleDeclarator(variable);
    if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init)
      return undefined;
    for (const reference of variable.references) {
      if (reference.init) continue;
      if (reference.isWrite() || this.growsArray(reference.identifier)) return undefined;
    }
    return declarator.init;
  }

  private growsArray(identifier: TSESTree.Node): boolean {
    const parent = identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier)
      return false;
    const grand = parent.parent;
    if (grand.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
      return (
        !parent.computed &&
        parent.property.type === AST_NODE_TYPES.Identifier &&
        LENGTH_MUTATORS.has(parent.property.name)
      );
    }
    return (
      (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) ||
      grand.type === AST_NODE_TYPES.UpdateExpression
    );
  }

  private sameText(a: TSESTree.Node, b: TSESTree.Node): boolean {
    return (
      this.sourceCode.getText(a).replace(/\s+/g, '') ===
      this.sourceCode.getText(b).replace(/\s+/g, '')
    );
  }
}

function lengthProperty(object: TSESTree.ObjectExpression): TSESTree.Expression | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKey(property) === 'length')
      return property.value as TSESTree.Expression;
  }
  return undefined;
}

function sum(bounds: readonly SizeBound[]): SizeBound {
  let size = 0;
  let written = true;
  for (const bound of bounds) {
    if (bound.kind === 'unbounded') return UNBOUNDED;
    size += bound.size;
    written &&= bound.written;
  }
  return { kind: 'at-most', size, written };
}

function larger(a: SizeBound, b: SizeBound): SizeBound {
  if (a.kind === 'unbounded' || b.kind === 'unbounded') return UNBOUNDED;
  return { kind: 'at-most', size: Math.max(a.size, b.size), written: a.written && b.written };
}

function smaller(a: SizeBound, b: SizeBound): SizeBound {
  if (a.kind === 'unbounded') return b;
  if (b.kind === 'unbounded') return a;
  // A written bound stays written only when it is the one that holds.
  if (a.size === b.size) return { kind: 'at-most', size: a.size, written: a.written || b.written };
  return a.size < b.size ? a : b;
}
