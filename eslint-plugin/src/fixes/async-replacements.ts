// The async forms of blocking calls, as fixes: `readFileSync(p)` → `await readFile(p)` from `node:fs/promises`,
// `execSync(cmd)` → the promisified `exec` with the value's type kept, `gzipSync` → the promisified `gzip`, an
// `Atomics.wait` or busy-wait sleep → `await setTimeout(ms)`, with the imports they need (see `imports.ts`).
// Only faithful replacements are offered; the caller decides where `await` is valid.
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';

import { guardStatementStart } from './asi';
import { type BlockingCall, FS_PROMISE_FORMS, withoutSync } from '../analysis/blocking-calls';
import { type BusyWait, sleepOf } from '../analysis/busy-wait';
import { propertyKey } from '../util/property-keys';
import { skipWrappers, type Wrapper } from '../util/wrappers';
import { createImportPlan, type TextEdit } from './imports';

/**
 * What a replacement does, for the caller's message: `asyncApi` (a promise function of the same module, `name`
 * and `module` in `data`), `access` (`existsSync` → `access`), `promisified` (`name`), `sleep` (`duration`),
 * `waitAsync` (`Atomics.waitAsync`).
 */
export type ReplacementKind = 'asyncApi' | 'access' | 'promisified' | 'sleep' | 'waitAsync';

export interface Replacement {
  kind: ReplacementKind;
  data: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
}

export interface AsyncReplacements {
  /** The async forms of a blocking call that stands where `await` is valid, the preferred first; none when no form is faithful. */
  forCall(call: TSESTree.CallExpression, blocking: BlockingCall): Replacement[];
  /** `await setTimeout(ms)` for a busy wait that stands for a plain sleep, where `await` is valid. */
  forBusyWait(
    loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement,
    wait: BusyWait,
  ): Replacement[];
  /** True when the call's first argument is a number: a file descriptor, which only `FileHandle` replaces. */
  usesFileDescriptor(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean;
}

/** Options of `child_process.exec`/`execFile` that mean the same for their sync forms; others (`input`, `stdio`) do not. */
const EXEC_OPTIONS = new Set([
  'cwd',
  'env',
  'timeout',
  'maxBuffer',
  'killSignal',
  'shell',
  'uid',
  'gid',
  'windowsHide',
  'windowsVerbatimArguments',
  'encoding',
]);

/**
 * Crypto functions whose promisified form keeps its type only through a cast, with the cast and the types it names.
 * (`promisify` picks the last overload of a callback function, which for these loses the result type.)
 */
const PROMISIFY_CASTS: Record<string, { cast: string; types: string[] }> = {
  scrypt: {
    cast: '(password: BinaryLike, salt: BinaryLike, keylen: number, options?: ScryptOptions) => Promise<Buffer>',
    types: ['BinaryLike', 'ScryptOptions'],
  },
  checkPrime: {
    cast: '(candidate: LargeNumberLike, options?: CheckPrimeOptions) => Promise<boolean>',
    types: ['LargeNumberLike', 'CheckPrimeOptions'],
  },
};

/**
 * What a replaced callee is read under: `!` and `as`. An optional chain in parentheses (`(fs?.readFileSync)(p)`) is
 * kept as written, so its replacement imports the function rather than reaching it through the chain's object.
 */
const CALLEE_WRAPPERS: readonly Wrapper[] = ['non-null', 'as'];

/** Crypto functions whose promisified form resolves to what the sync form returns. */
const PROMISIFIABLE = new Set(['pbkdf2', 'generateKeyPair', 'scrypt', 'checkPrime']);

/** The replacements for one file, built with its rule context and type information. */
export function createAsyncReplacements(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  services: ParserServicesWithTypeInformation,
): AsyncReplacements {
  const { program } = services;
  const checker = program.getTypeChecker();
  const { sourceCode } = context;
  const esNode = (node: ts.Node): TSESTree.Node => services.tsNodeToESTreeNodeMap.get(node);

  function forCall(call: TSESTree.CallExpression, blocking: BlockingCall): Replacement[] {
    switch (blocking.family) {
      case 'fs':
        return fsReplacements(call, blocking.name);
      case 'child_process':
        return blocking.name === 'spawnSync'
          ? []
          : execReplacements(call, blocking.name === 'execSync' ? 'exec' : 'execFile');
      case 'zlib':
        return promisifiedReplacements(call, 'node:zlib', withoutSync(blocking.name));
      case 'crypto':
        return PROMISIFIABLE.has(withoutSync(blocking.name))
          ? promisifiedReplacements(call, 'node:crypto', withoutSync(blocking.name))
          : [];
      case 'atomics':
        return atomicsReplacements(call);
      case 'configured':
        return blocking.replacement && blocking.module
          ? configuredReplacements(call, blocking.module, blocking.replacement)
          : [];
    }
  }

  function fsReplacements(call: TSESTree.CallExpression, name: string): Replacement[] {
    const asyncName = name === 'existsSync' ? 'access' : withoutSync(name);
    if (
      !FS_PROMISE_FORMS.has(asyncName) ||
      call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
    )
      return [];
    const [first, second] = call.arguments;
    // A numeric descriptor has no promise form outside `FileHandle`; `throwIfNoEntry` has none at all.
    if (first && isNumberLike(first)) return [];
    if (
      (name === 'statSync' || name === 'lstatSync') &&
      second &&
      !isObjectLiteralWithout(second, 'throwIfNoEntry')
    )
      return [];
    const check = name === 'existsSync';
    return [
      {
        kind: check ? 'access' : 'asyncApi',
        data: { name: asyncName, module: 'node:fs/promises' },
        fix(fixer) {
          const plan = createImportPlan(context, services, call);
          const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
          let reference: string;
          if (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            !callee.computed &&
            hasProperty(callee.object, 'promises')
          ) {
            reference = `${sourceCode.getText(callee.object)}.promises.${asyncName}`;
          } else {
            if (callee.type === AST_NODE_TYPES.Identifier)
              plan.dropBindingIfOnlyUsedIn(callee, call);
            reference = plan.named('node:fs/promises', asyncName, {
              aliases: [`${asyncName}Async`],
              via: [{ module: 'node:fs', member: 'promises' }],
            });
          }
          const invocation = `${reference}${argumentsText(call)}`;
          const replacement = check
            ? awaited(call, `${invocation}.then(() => true, () => false)`)
            : awaited(call, invocation);
          return plan.fixes(fixer, [replacement]);
        },
      },
    ];
  }

  function execReplacements(
    call: TSESTree.CallExpression,
    asyncName: 'exec' | 'execFile',
  ): Replacement[] {
    const args = call.arguments;
    if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [];
    let optionsIndex: number | undefined;
    if (asyncName === 'exec') {
      if (args.length > 2) return [];
      if (args.length === 2) optionsIndex = 1;
    } else {
      if (args.length > 3) return [];
      if (args.length === 3) optionsIndex = 2;
      else if (args.length === 2 && args[1]?.type === AST_NODE_TYPES.ObjectExpression)
        optionsIndex = 1;
      else if (args.length === 2 && !isArrayLike(args[1]!)) return [];
    }
    const options = optionsIndex === undefined ? undefined : args[optionsIndex];
    if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return [];
    let hasEncoding = false;
    for (const property of options?.properties ?? []) {
      const key =
        property.type === AST_NODE_TYPES.Property ? valuePropertyKey(property) : undefined;
      if (key === undefined || !EXEC_OPTIONS.has(key)) return [];
      if (key !== 'encoding') continue;
      const value = (property as TSESTree.Property).value;
      if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string') return [];
      hasEncoding = true;
    }
    const valueUsed = call.parent.type !== AST_NODE_TYPES.ExpressionStatement;
    return [
      {
        kind: 'promisified',
        data: { name: asyncName },
        fix(fixer) {
          const plan = createImportPlan(context, services, call);
          const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
          if (callee.type === AST_NODE_TYPES.Identifier) plan.dropBindingIfOnlyUsedIn(callee, call);
          const local = plan.promisified('node:child_process', asyncName);
          // The sync forms return a Buffer unless given an encoding; the promisified ones default to strings.
          const texts = args.map((argument) => sourceCode.getText(argument));
          if (valueUsed && !hasEncoding) {
            if (options && optionsIndex !== undefined) {
              const brace = sourceCode.getFirstToken(options)!;
              texts[optionsIndex] =
                `{ encoding: 'buffer',${sourceCode.text.slice(brace.range[1], options.range[1])}`.replace(
                  /,\s*}$/,
                  ' }',
                );
            } else {
              texts.push("{ encoding: 'buffer' }");
            }
          }
          const invocation = `${local}(${texts.join(', ')})`;
          const replacement = valueUsed
            ? replaceWith(call, `(await ${invocation}).stdout`)
            : awaited(call, invocation);
          return plan.fixes(fixer, [replacement]);
        },
      },
    ];
  }

  function promisifiedReplacements(
    call: TSESTree.CallExpression,
    module: string,
    asyncName: string,
  ): Replacement[] {
    if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement))
      return [];
    return [
      {
        kind: 'promisified',
        data: { name: asyncName },
        fix(fixer) {
          const plan = createImportPlan(context, services, call);
          const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
          if (callee.type === AST_NODE_TYPES.Identifier) plan.dropBindingIfOnlyUsedIn(callee, call);
          // The function itself first, so that a dropped import of its sync form is reused for it.
          plan.named(module, asyncName);
          const cast = PROMISIFY_CASTS[asyncName];
          let castText: string | undefined;
          if (cast && plan.typescript) {
            castText = cast.types.reduce(
              (text, type) =>
                text.replace(
                  new RegExp(`\\b${type}\\b`, 'g'),
                  plan.named(module, type, { type: true }),
                ),
              cast.cast,
            );
          }
          const local = plan.promisified(
            module,
            asyncName,
            castText === undefined ? undefined : { local: `${asyncName}Async`, cast: castText },
          );
          return plan.fixes(fixer, [awaited(call, `${local}${argumentsText(call)}`)]);
        },
      },
    ];
  }

  function configuredReplacements(
    call: TSESTree.CallExpression,
    module: string,
    replacement: string,
  ): Replacement[] {
    return [
      {
        kind: 'asyncApi',
        data: { name: replacement, module },
        fix(fixer) {
          const plan = createImportPlan(context, services, call);
          const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
          let reference: string;
          if (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            !callee.computed &&
            hasProperty(callee.object, replacement)
          ) {
            reference = `${sourceCode.getText(callee.object)}.${replacement}`;
          } else {
            if (callee.type === AST_NODE_TYPES.Identifier)
              plan.dropBindingIfOnlyUsedIn(callee, call);
            reference = plan.named(module, replacement, { aliases: [`${replacement}Async`] });
          }
          return plan.fixes(fixer, [awaited(call, `${reference}${argumentsText(call)}`)]);
        },
      },
    ];
  }

  function atomicsReplacements(call: TSESTree.CallExpression): Replacement[] {
    const replacements: Replacement[] = [];
    const args = call.arguments;
    const timeout = args[3];
    if (
      call.parent.type === AST_NODE_TYPES.ExpressionStatement &&
      args.length === 4 &&
      timeout &&
      isFreshSleepBuffer(args)
    ) {
      replacements.push({
        kind: 'sleep',
        data: { duration: sourceCode.getText(timeout) },
        fix(fixer) {
          const plan = createImportPlan(context, services, call);
          const sleep = plan.named('node:timers/promises', 'setTimeout', {
            aliases: ['sleep', 'delay'],
          });
          return plan.fixes(fixer, [awaited(call, `${sleep}(${sourceCode.getText(timeout)})`)]);
        },
      });
    }
    const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      hasProperty(callee.object, 'waitAsync')
    ) {
      replacements.push({
        kind: 'waitAsync',
        data: {},
        fix: (fixer) => {
          const edit = awaited(
            call,
            `${sourceCode.getText(callee.object)}.waitAsync${argumentsText(call)}.value`,
          );
          return fixer.replaceTextRange(edit.range, edit.text);
        },
      });
    }
    return replacements;
  }

  /** `Atomics.wait(new Int32Array(new SharedArrayBuffer(n)), i, 0, ms)`: nobody else holds the buffer, so it only sleeps. */
  function isFreshSleepBuffer(args: TSESTree.CallExpressionArgument[]): boolean {
    const [buffer, index, value] = args;
    if (buffer?.type !== AST_NODE_TYPES.NewExpression || buffer.arguments.length !== 1)
      return false;
    const shared = buffer.arguments[0]!;
    if (shared.type !== AST_NODE_TYPES.NewExpression) return false;
    const isGlobal = (node: TSESTree.Expression, name: string): boolean =>
      node.type === AST_NODE_TYPES.Identifier && node.name === name && isGlobalValue(node);
    return (
      isGlobal(buffer.callee, 'Int32Array') &&
      isGlobal(shared.callee, 'SharedArrayBuffer') &&
      index?.type === AST_NODE_TYPES.Literal &&
      value?.type === AST_NODE_TYPES.Literal &&
      value.value === 0
    );
  }

  function forBusyWait(
    loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement,
    wait: BusyWait,
  ): Replacement[] {
    const sleep = sleepOf(program, wait);
    if (!sleep) return [];
    const declaration = esNode(sleep.declaration) as TSESTree.VariableDeclaration;
    const [declarator] = declaration.declarations;
    if (!declarator) return [];
    const duration = sourceCode.getText(esNode(sleep.duration));
    const [variable] = sourceCode.getDeclaredVariables(declarator);
    const usedElsewhere = variable?.references.some(
      (reference) =>
        !reference.init &&
        (reference.identifier.range[0] < loop.range[0] ||
          reference.identifier.range[1] > loop.range[1]),
    );
    // The loop ends with `}` or `;`; the `await` that replaces it needs a `;` of its own when the next line starts with
    // `(` or `[` (it would continue the line otherwise), and keeps the declaration's style elsewhere.
    const next = sourceCode.getTokenAfter(loop);
    const guardsNextLine = next !== null && /^[([`+\-/]/.test(next.value);
    const semicolon =
      sourceCode.getLastToken(declaration)?.value === ';' || guardsNextLine ? ';' : '';
    return [
      {
        kind: 'sleep',
        data: { duration },
        fix(fixer) {
          const plan = createImportPlan(context, services, loop);
          const setTimeoutName = plan.named('node:timers/promises', 'setTimeout', {
            aliases: ['sleep', 'delay'],
          });
          const range: [number, number] =
            usedElsewhere !== false ? loop.range : [declaration.range[0], loop.range[1]];
          return plan.fixes(fixer, [
            { range, text: `await ${setTimeoutName}(${duration})${semicolon}` },
          ]);
        },
      },
    ];
  }

  /** The call's arguments with their parentheses, as written (`(p, 'utf8')`). */
  function argumentsText(call: TSESTree.CallExpression): string {
    const open = sourceCode.getTokenAfter(
      call.typeArguments ?? call.callee,
      (token) => token.value === '(',
    )!;
    return sourceCode.text.slice(open.range[0], call.range[1]);
  }

  /** Replaces `call` with `await <text>`, in parentheses where the surrounding expression needs them. */
  function awaited(call: TSESTree.CallExpression, text: string): TextEdit {
    return replaceWith(call, awaitedText(call, text));
  }

  function awaitedText(call: TSESTree.CallExpression, text: string): string {
    return awaitNeedsParentheses(call) ? `(await ${text})` : `await ${text}`;
  }

  /** Replaces `node`, guarding a replacement that starts with `(` at the start of a statement against ASI. */
  function replaceWith(node: TSESTree.Node, text: string): TextEdit {
    let statement: TSESTree.Node = node;
    while (
      statement.parent &&
      statement.parent.range[0] === node.range[0] &&
      statement.type !== AST_NODE_TYPES.ExpressionStatement
    ) {
      statement = statement.parent;
    }
    const guarded =
      statement.type === AST_NODE_TYPES.ExpressionStatement
        ? guardStatementStart(sourceCode, statement, text)
        : text;
    return { range: node.range, text: guarded };
  }

  function isNumberLike(node: TSESTree.Node): boolean {
    return (
      (checker.getBaseTypeOfLiteralType(services.getTypeAtLocation(node)).flags &
        ts.TypeFlags.NumberLike) !==
      0
    );
  }

  function isArrayLike(node: TSESTree.Node): boolean {
    const type = services.getTypeAtLocation(node);
    return checker.isArrayType(type) || checker.isTupleType(type) || checker.isArrayLikeType(type);
  }

  function isObjectLiteralWithout(node: TSESTree.Node, key: string): boolean {
    return (
      node.type === AST_NODE_TYPES.ObjectExpression &&
      node.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          valuePropertyKey(property) !== undefined &&
          valuePropertyKey(property) !== key,
      )
    );
  }

  function hasProperty(node: TSESTree.Node, name: string): boolean {
    return services.getTypeAtLocation(node).getProperty(name) !== undefined;
  }

  function isGlobalValue(node: TSESTree.Identifier): boolean {
    const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(node));
    const declaration = symbol?.getDeclarations()?.[0];
    return (
      declaration !== undefined && program.isSourceFileDefaultLibrary(declaration.getSourceFile())
    );
  }

  function usesFileDescriptor(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const [first] = call.arguments;
    return first !== undefined && isNumberLike(first);
  }

  return { forCall, forBusyWait, usesFileDescriptor };
}

/** The key of a plain `key: value` property; none for methods, getters, setters and computed keys. */
function valuePropertyKey(property: TSESTree.Property): string | undefined {
  return property.kind === 'init' && !property.method ? propertyKey(property) : undefined;
}

/** Whether `await <call>` needs parentheses where `call` stands. */
function awaitNeedsParentheses(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.SwitchStatement:
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.JSXExpressionContainer:
      return false;
    case AST_NODE_TYPES.Property:
      return parent.value !== node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    default:
      return true;
  }
}
