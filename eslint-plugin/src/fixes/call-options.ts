// Setting an option of a call: a new options argument (padding skipped optional parameters with `undefined`), a new
// property of the options object literal (on its own line when the object spans lines), a replaced value, or a copy
// of an options object with the option added (`{ ...options, signal }`).
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import type { HttpCall } from '../analysis/http-clients';
import { propertyKey } from '../util/property-keys';
import { indentOf } from './statement-text';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface OptionRequest {
  call: TSESTree.CallExpression;
  httpCall: HttpCall;
  /** A property of the options object literal that holds the option now (`signal: undefined`), if any. */
  existing: TSESTree.Property | undefined;
  key: string;
  value: string;
}

/** Sets option `key` to `value` in the call's options; `undefined` when the options cannot take it. */
export function setOptionFix(
  sourceCode: SourceCode,
  services: ParserServicesWithTypeInformation,
  { call, httpCall, existing, key, value }: OptionRequest,
): TSESLint.ReportFixFunction | undefined {
  const { optionsIndex } = httpCall;
  const argument = call.arguments[optionsIndex] as TSESTree.Expression | undefined;
  if (
    existing &&
    argument &&
    argument.range[0] <= existing.range[0] &&
    existing.range[1] <= argument.range[1] &&
    propertyKey(existing) === key
  ) {
    return (fixer) =>
      existing.shorthand
        ? fixer.replaceText(existing, `${key}: ${value}`)
        : fixer.replaceText(existing.value, value);
  }
  if (!argument) return insertArgument(sourceCode, call, optionsIndex, `{ ${key}: ${value} }`);
  if (argument.type === AST_NODE_TYPES.ObjectExpression)
    return addProperty(sourceCode, argument, `${key}: ${value}`);
  if (httpCall.library === 'http' && isStringOrUrl(services, argument)) {
    // http.get(url, callback) → http.get(url, { signal }, callback): the (url, options, callback) overload.
    return (fixer) => fixer.insertTextAfter(argument, `, { ${key}: ${value} }`);
  }
  if (isObjectType(services.getTypeAtLocation(argument))) {
    return (fixer) =>
      fixer.replaceText(argument, `{ ...${sourceCode.getText(argument)}, ${key}: ${value} }`);
  }
  return undefined;
}

/**
 * Whether argument `index` of a call can take an option named `key`: no only when every call signature of the callee
 * types that argument as objects none of which has the property (got 11's options have no `signal`, say). `any`,
 * `unknown`, type parameters, index signatures, rest parameters and callees without signatures count as yes.
 */
export function acceptsOption(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
  index: number,
  key: string,
): boolean {
  const checker = services.program.getTypeChecker();
  const node = services.esTreeNodeToTSNodeMap.get(call);
  const signatures = checker.getTypeAtLocation(node.expression).getCallSignatures();
  if (signatures.length === 0) return true;
  return signatures.some((signature) => {
    const parameter = signature.parameters[index] ?? signature.parameters.at(-1);
    const declaration = parameter?.valueDeclaration;
    if (!parameter || !declaration) return false;
    if (ts.isParameter(declaration) && declaration.dotDotDotToken) return true;
    if (signature.parameters[index] === undefined) return false;
    return typeHasOption(checker, checker.getTypeOfSymbolAtLocation(parameter, node), key);
  });
}

function typeHasOption(checker: ts.TypeChecker, type: ts.Type, key: string): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    if (part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter))
      return true;
    if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) return false;
    const apparent = checker.getApparentType(part);
    return (
      checker.getPropertyOfType(apparent, key) !== undefined ||
      checker.getIndexInfosOfType(apparent).length > 0
    );
  });
}

/** Inserts `text` as argument `index`, padding skipped optional parameters with `undefined`. */
function insertArgument(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  index: number,
  text: string,
): TSESLint.ReportFixFunction | undefined {
  const padding = Array.from({ length: index - call.arguments.length }, () => 'undefined');
  const inserted = [...padding, text].join(', ');
  const last = call.arguments.at(-1);
  if (!last) {
    const closing = sourceCode.getLastToken(call);
    if (closing?.value !== ')') return undefined;
    return (fixer) => fixer.insertTextBefore(closing, inserted);
  }
  return (fixer) => fixer.insertTextAfter(last, `, ${inserted}`);
}

/** Adds a property to an object literal, on its own line when the object spans lines. */
function addProperty(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.ReportFixFunction {
  const last = object.properties.at(-1);
  if (!last) return (fixer) => fixer.replaceText(object, `{ ${text} }`);
  const opening = sourceCode.getFirstToken(object)!;
  if (opening.loc.start.line === last.loc.start.line)
    return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
  const indent = indentOf(sourceCode, last);
  return (fixer) => fixer.insertTextAfter(last, `,\n${indent}${text}`);
}

function isObjectType(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => (part.flags & ts.TypeFlags.Object) !== 0);
}

function isStringOrUrl(
  services: ParserServicesWithTypeInformation,
  argument: TSESTree.Expression,
): boolean {
  const type = services.program
    .getTypeChecker()
    .getApparentType(services.getTypeAtLocation(argument));
  const parts = type.isUnion() ? type.types : [type];
  return parts.every(
    (part) =>
      part.flags & ts.TypeFlags.StringLike ||
      part.getSymbol()?.getName() === 'URL' ||
      part.getSymbol()?.getName() === 'String',
  );
}
