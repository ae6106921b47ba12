// What an HTTP call's options say about its deadline: a timeout or a signal that a timer ends (`abort-signals.ts`),
// an axios instance's default (`http-clients.ts`), or ky's own 10-second default; a signal nothing aborts; node:http's `timeout` option with no
// handler that aborts; nothing at all; or options the rule cannot see into (a spread, an object from elsewhere).
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { isNullishLiteral } from '../util/literals';
import { findProperty } from '../util/property-keys';
import { followConstant } from '../util/variables';
import { signalKind } from './abort-signals';
import { type HttpCall, HttpCalls, hasTimeoutHandler } from './http-clients';

/** What the options of a call say about its deadline. */
export type Deadline =
  /** A timeout or a signal that a timer aborts, or one the caller owns. */
  | { kind: 'bounded' }
  /** Something the rule cannot see into (a spread, an options object from elsewhere): not reported. */
  | { kind: 'unknown' }
  /** Nothing: no signal, no timeout. `property` is an existing `signal: undefined` (or axios `timeout: 0`). */
  | { kind: 'missing'; property?: TSESTree.Property }
  /** A signal that nothing aborts on a timer. */
  | { kind: 'signalWithoutTimer'; property: TSESTree.Property }
  /** node:http's `timeout` option without a handler that aborts the request. */
  | { kind: 'timeoutOptionOnly' }
  /** `timeout: 0` (or `null`/`undefined`), which turns the timeout off, and nothing else. */
  | { kind: 'timeoutDisabled'; property: TSESTree.Property };

/** The deadlines of one file's HTTP calls. */
export class RequestDeadlines {
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly services: ParserServicesWithTypeInformation,
    private readonly calls: HttpCalls,
  ) {
    this.checker = services.program.getTypeChecker();
  }

  deadlineOf(call: TSESTree.CallExpression, httpCall: HttpCall): Deadline {
    const { library, optionsIndex } = httpCall;
    if (
      call.arguments
        .slice(0, optionsIndex + 1)
        .some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
    ) {
      return { kind: 'unknown' };
    }
    if (library === 'axios') {
      const axiosDeadline = this.calls.axiosDefaultsOf(call);
      if (axiosDeadline !== 'none')
        return { kind: axiosDeadline === 'bounded' ? 'bounded' : 'unknown' };
    }
    // got and ky: instances made elsewhere carry defaults the rule cannot see.
    if ((library === 'got' || library === 'ky') && !this.calls.isPackageDefault(call))
      return { kind: 'unknown' };
    // fetch(request) takes its signal from the Request object, which the rule cannot see into.
    if (library === 'fetch' && this.isRequestObject(call.arguments[0])) return { kind: 'unknown' };
    const argument = call.arguments[optionsIndex] as TSESTree.Expression | undefined;
    const keys =
      library === 'axios'
        ? ['signal', 'timeout', 'cancelToken']
        : library === 'got' || library === 'ky'
          ? ['signal', 'timeout']
          : ['signal'];
    const deadline = this.optionsDeadline(argument, keys);
    // ky times out after 10 seconds unless told `timeout: false`.
    if (library === 'ky' && deadline.kind === 'missing') return { kind: 'bounded' };
    if (library === 'http' && deadline.kind === 'missing' && !deadline.property) {
      const object = argument && this.objectLiteralOf(argument);
      const timeout = object && findProperty(object, 'timeout');
      const disabled = timeout && this.timeoutDeadline(timeout).kind === 'timeoutDisabled';
      const timeoutOption = timeout !== undefined && !disabled;
      if (hasTimeoutHandler(this.sourceCode, call, timeoutOption)) return { kind: 'bounded' };
      if (timeout && disabled) return { kind: 'timeoutDisabled', property: timeout };
      if (timeoutOption) return { kind: 'timeoutOptionOnly' };
    }
    return deadline;
  }

  private optionsDeadline(
    argument: TSESTree.Expression | undefined,
    keys: readonly string[],
  ): Deadline {
    if (!argument) return { kind: 'missing' };
    const object = this.objectLiteralOf(argument);
    if (!object) {
      // An options value the rule cannot see into: its type says whether it can hold a deadline at all.
      return this.typeHasAnyProperty(this.services.getTypeAtLocation(argument), keys)
        ? { kind: 'unknown' }
        : { kind: 'missing' };
    }
    let found: Deadline | undefined;
    for (const key of keys) {
      const property = findProperty(object, key);
      if (!property) continue;
      const deadline =
        key === 'signal' ? this.signalDeadline(property) : this.timeoutDeadline(property);
      if (deadline.kind === 'bounded' || deadline.kind === 'unknown') return deadline;
      found ??= deadline;
    }
    const spreads = object.properties.filter(
      (property) => property.type === AST_NODE_TYPES.SpreadElement,
    );
    if (
      spreads.some((spread) =>
        this.typeHasAnyProperty(this.services.getTypeAtLocation(spread.argument), keys),
      )
    )
      return { kind: 'unknown' };
    return found ?? { kind: 'missing' };
  }

  /** The object literal an options argument is, directly or through a `const` in this file. */
  private objectLiteralOf(argument: TSESTree.Expression): TSESTree.ObjectExpression | undefined {
    const expression = followConstant(this.sourceCode, argument);
    return expression.type === AST_NODE_TYPES.ObjectExpression ? expression : undefined;
  }

  private typeHasAnyProperty(type: ts.Type, keys: readonly string[]): boolean {
    const { checker } = this;
    const apparent = checker.getApparentType(type);
    if (apparent.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    const parts = apparent.isUnion() ? apparent.types : [apparent];
    return parts.some((part) =>
      keys.some(
        (key) => checker.getPropertyOfType(checker.getApparentType(part), key) !== undefined,
      ),
    );
  }

  private isRequestObject(argument: TSESTree.CallExpressionArgument | undefined): boolean {
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
    const type = this.checker.getApparentType(this.services.getTypeAtLocation(argument));
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((part) => part.getSymbol()?.getName() === 'Request');
  }

  private timeoutDeadline(property: TSESTree.Property): Deadline {
    const value = followConstant(this.sourceCode, property.value as TSESTree.Expression);
    // axios and node:http treat 0 as "no timeout", ky `false`.
    if (
      isNullishLiteral(value) ||
      (value.type === AST_NODE_TYPES.Literal && (value.value === 0 || value.value === false))
    )
      return { kind: 'timeoutDisabled', property };
    return { kind: 'bounded' };
  }

  private signalDeadline(property: TSESTree.Property): Deadline {
    switch (signalKind(this.sourceCode, this.services, property.value as TSESTree.Expression)) {
      case 'bounded':
        return { kind: 'bounded' };
      case 'unknown':
        return { kind: 'unknown' };
      case 'none':
        return { kind: 'missing', property };
      case 'untimed':
        return { kind: 'signalWithoutTimer', property };
    }
  }
}
