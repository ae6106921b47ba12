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
