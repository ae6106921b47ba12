// Whether an abort signal ends on a timer: `AbortSignal.timeout(ms)`, `AbortSignal.any([…])` with such a signal, a
// controller's `signal` whose `abort` a timer calls (`setTimeout(() => controller.abort(), ms)`), or a signal the
// caller passes in (the caller owns its deadline). Followed through the file's `const`s.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import { isNullishLiteral } from '../util/literals';
import {
  followConstant,
  isGlobalReference,
  isParameterReference,
  isReassigned,
  soleDeclarator,
  variableOf,
} from '../util/variables';
import { skipWrappers, TYPE_ASSERTIONS } from '../util/wrappers';
import { resolveCallee } from './resolve-callee';

/**
 * What a signal is: `bounded` (it ends on a timer, or comes from the caller), `untimed` (a controller that no timer
 * aborts), `none` (`undefined`), or `unknown`.
 */
export type SignalKind = 'bounded' | 'untimed' | 'none' | 'unknown';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What the signal `expression` is (see `SignalKind`). */
export function signalKind(
  sourceCode: SourceCode,
  services: ParserServicesWithTypeInformation,
  expression: TSESTree.Expression,
): SignalKind {
  return new SignalReader(sourceCode, services).kindOf(expression, 0);
}

class SignalReader {
  constructor(
    private readonly sourceCode: SourceCode,
    private readonly services: ParserServicesWithTypeInformation,
  ) {}

  kindOf(expression: TSESTree.Expression, depth: number): SignalKind {
    if (depth > 8) return 'unknown';
    const value = skipWrappers(expression, TYPE_ASSERTIONS);
    if (isNullishLiteral(value)) return 'none';
    if (value.type === AST_NODE_TYPES.Identifier) {
      if (isParameterReference(this.sourceCode, value)) return 'bounded';
      const followed = followConstant(this.sourceCode, value);
      return followed === value ? 'unknown' : this.kindOf(followed, depth + 1);
    }
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      if (this.isRootedInParameter(value)) return 'bounded';
      if (
        value.computed ||
        value.property.type !== AST_NODE_TYPES.Identifier ||
        value.property.name !== 'signal'
      )
        return 'unknown';
      return this.controllerKind(value.object);
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const method = this.abortSignalMethod(value);
      if (method === 'timeout') return 'bounded';
      if (method === 'any') return this.anyKind(value, depth);
    }
    return 'unknown';
  }

  /** `AbortSignal.any([...])`: bounded if one of the signals is. */
  private anyKind(call: TSESTree.CallExpression, depth: number): 'bounded' | 'untimed' | 'unknown' {
    const [list] = call.arguments;
    if (list?.type !== AST_NODE_TYPES.ArrayExpression) return 'unknown';
    const kinds = list.elements.map((element) =>
      !element || element.type === AST_NODE_TYPES.SpreadElement
        ? 'unknown'
        : this.kindOf(element, depth + 1),
    );
    if (kinds.includes('bounded')) return 'bounded';
    if (kinds.includes('unknown')) return 'unknown';
    return 'untimed';
  }

  /** `controller.signal`: bounded when a timer aborts the controller, untimed when nothing on a timer does. */
  private controllerKind(object: TSESTree.Expression): 'bounded' | 'untimed' | 'unknown' {
    const target = skipWrappers(object, TYPE_ASSERTIONS);
    if (target.type === AST_NODE_TYPES.NewExpression)
      return this.isAbortControllerConstruction(target) ? 'untimed' : 'unknown';
    if (target.type !== AST_NODE_TYPES.Identifier) return 'unknown';
    const variable = variableOf(this.sourceCode, target);
    const init = variable && soleDeclarator(variable)?.init;
    if (!variable || !init) return 'unknown';
    const construction = skipWrappers(init, TYPE_ASSERTIONS);
    if (
      construction.type !== AST_NODE_TYPES.NewExpression ||
      !this.isAbortControllerConstruction(construction)
    ) {
      return 'unknown';
    }
    if (isReassigned(variable)) return 'unknown';
    return variable.references.some((reference) => this.isAbortedOnTimer(reference.identifier))
      ? 'bounded'
      : 'untimed';
  }

  private isAbortControllerConstruction(node: TSESTree.NewExpression): boolean {
    return (
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === 'AbortController' &&
      isGlobalReference(this.sourceCode, node.callee)
    );
  }

  /**
   * `controller.abort` used inside a function that a timer runs: `setTimeout(() => controller.abort(), ms)`,
   * `setTimeout(controller.abort.bind(controller), ms)`, or `setTimeout(ms).then(() => controller.abort())` with
   * node:timers/promises.
   */
  private isAbortedOnTimer(identifier: TSESTree.Node): boolean {
    const member = identifier.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== identifier ||
      member.computed ||
      member.property.type !== AST_NODE_TYPES.Identifier ||
      member.property.name !== 'abort'
    ) {
      return false;
    }
    for (
      let child: TSESTree.Node = member, node: TSESTree.Node | undefined = member.parent;
      node;
      child = node, node = node.parent
    ) {
      if (
        node.type !== AST_NODE_TYPES.CallExpression ||
        !node.arguments.includes(child as TSESTree.CallExpressionArgument)
      )
        continue;
      if (this.isTimerCall(node)) return true;
      const callee = node.callee;
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.property.name === 'then' &&
        callee.object.type === AST_NODE_TYPES.CallExpression &&
        this.isTimerCall(callee.object)
      ) {
        return true;
      }
    }
    return false;
  }

  private isTimerCall(call: TSESTree.CallExpression): boolean {
    const callee = resolveCallee(this.services, call);
    if (!callee || (callee.name !== 'setTimeout' && callee.name !== 'setInterval')) return false;
    return (
      callee.origin === 'global' ||
      callee.module === 'timers' ||
      callee.module === 'timers/promises'
    );
  }

  /** `timeout` of `AbortSignal.timeout(ms)`, when `AbortSignal` is the global. */
  private abortSignalMethod(call: TSESTree.CallExpression): string | undefined {
    const { callee } = call;
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.computed ||
      callee.property.type !== AST_NODE_TYPES.Identifier ||
      callee.object.type !== AST_NODE_TYPES.Identifier ||
      callee.object.name !== 'AbortSignal' ||
      !isGlobalReference(this.sourceCode, callee.object)
    ) {
      return undefined;
    }
    return callee.property.name;
  }

  private isRootedInParameter(member: TSESTree.MemberExpression): boolean {
    let object: TSESTree.Expression = member.object;
    while (object.type === AST_NODE_TYPES.MemberExpression) object = object.object;
    return (
      object.type === AST_NODE_TYPES.Identifier && isParameterReference(this.sourceCode, object)
    );
  }
}
