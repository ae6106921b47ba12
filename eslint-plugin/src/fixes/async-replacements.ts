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

import { type BlockingCall, FS_PROMISE_FORMS, withoutSync } from '../analysis/blocking-calls';
import { type BusyWait, sleepOf } from '../analysis/busy-wait';
import { isStandardLibraryValue } from '../analysis/globals';
import { propertyKey } from '../util/property-keys';
import { skipWrappers, type Wrapper } from '../util/wrappers';
import { continuesPreviousLine, guardedReplacement } from './asi';
import { ImportPlan } from './imports';
import { awaitNeedsParentheses } from './parentheses';
import type { TextEdit } from './text-edits';

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
export class AsyncReplacements {
  private readonly checker: ts.TypeChecker;
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;

  constructor(
    private readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
    private readonly services: ParserServicesWithTypeInformation,
  ) {
    this.checker = services.program.getTypeChecker();
    this.sourceCode = context.sourceCode;
  }

  /** The async forms of a blocking call that stands where `await` is valid, the preferred first; none when no form is faithful. */
  forCall(call: TSESTree.CallExpression, blocking: BlockingCall): Replacement[] {
    switch (blocking.family) {
      case 'fs':
        return this.fsReplacements(call, blocking.name);
      case 'child_process':
        return blocking.name === 'spawnSync'
          ? []
          : this.execReplacements(call, blocking.name === 'execSync' ? 'exec' : 'execFile');
      case 'zlib':
        return this.promisifiedReplacements(call, 'node:zlib', withoutSync(blocking.name));
      case 'crypto':
        return PROMISIFIABLE.has(withoutSync(blocking.name))
          ? this.promisifiedReplacements(call, 'node:crypto', withoutSync(blocking.name))
          : [];
      case 'atomics':
        return this.atomicsReplacements(call);
      case 'package':
        return blocking.replacement && blocking.module
          ? this.configuredReplacements(call, blocking.module, blocking.replacement)
          : [];
    }
  }

  private fsReplacements(call: TSESTree.CallExpression, name: string): Replacement[] {
    const asyncName = name === 'existsSync' ? 'access' : withoutSync(name);
    if (
      !FS_PROMISE_FORMS.has(asyncName) ||
      call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
    )
      return [];
    const [first, second] = call.arguments;
    // A numeric descriptor has no promise form outside `FileHandle`; `throwIfNoEntry` has none at all.
    if (first && this.isNumberLike(first)) return [];
    if (
      (name === 'statSync' || name === 'lstatSync') &&
      second &&
      !this.isObjectLiteralWithout(second, 'throwIfNoEntry')
    )
      return [];
    const check = name === 'existsSync';
    return [
      {
        kind: check ? 'access' : 'asyncApi',
        data: { name: asyncName, module: 'node:fs/promises' },
        fix: (fixer) => {
          const plan = new ImportPlan(this.context, this.services, call);
          const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
          let reference: string;
          if (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            !callee.computed &&
            this.hasProperty(callee.object, 'promises')
          ) {
            reference = `${this.sourceCode.getText(callee.object)}.promises.${asyncName}`;
          } else {
            if (callee.type === AST_NODE_TYPES.Identifier)
              plan.dropBindingIfOnlyUsedIn(callee, call);
            reference = plan.named('node:fs/promises', asyncName, {
              aliases: [`${asyncName}Async`],
              via: [{ module: 'node:fs', member: 'promises' }],
            });
          }
          const invocation = `${reference}${this.argumentsText(call)}`;
          const replacement = check
            ? this.awaited(call, `${invocation}.then(() => true, () => false)`)
            : this.awaited(call, invocation);
          return plan.fixes(fixer, [replacement]);
        },
      },
    ];
  }

  private execReplacements(
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
      else if (args.length === 2 && !this.isArrayLike(args[1]!)) return [];
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
        fix: (fixer) => {
          const plan = this.planReplacingCallee(call);
          const local = plan.promisified('node:child_process', asyncName);
          // The sync forms return a Buffer unless given an encoding; the promisified ones default to strings.
          const texts = args.map((argument) => this.sourceCode.getText(argument));
          if (valueUsed && !hasEncoding) {
            if (options && optionsIndex !== undefined) {
              const brace = this.sourceCode.getFirstToken(options)!;
              texts[optionsIndex] =
                `{ encoding: 'buffer',${this.sourceCode.text.slice(brace.range[1], options.range[1])}`.replace(
                  /,\s*}$/,
                  ' }',
                );
            } else {
              texts.push("{ encoding: 'buffer' }");
            }
          }
          const invocation = `${local}(${texts.join(', ')})`;
          const replacement = valueUsed
            ? guardedReplacement(this.sourceCode, call, `(await ${invocation}).stdout`)
            : this.awaited(call, invocation);
          return plan.fixes(fixer, [replacement]);
        },
      },
    ];
  }

  private promisifiedReplacements(
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
        fix: (fixer) => {
          const plan = this.planReplacingCallee(call);
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
          return plan.fixes(fixer, [this.awaited(call, `${local}${this.argumentsText(call)}`)]);
        },
      },
    ];
  }

  private configuredReplacements(
    call: TSESTree.CallExpression,
    module: string,
    replacement: string,
  ): Replacement[] {
    return [
      {
        kind: 'asyncApi',
        data: { name: replacement, module },
        fix: (fixer) => {
          const plan = new ImportPlan(this.context, this.services, call);
          const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
          let reference: string;
          if (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            !callee.computed &&
            this.hasProperty(callee.object, replacement)
          ) {
            reference = `${this.sourceCode.getText(callee.object)}.${replacement}`;
          } else {
            if (callee.type === AST_NODE_TYPES.Identifier)
              plan.dropBindingIfOnlyUsedIn(callee, call);
            reference = plan.named(module, replacement, { aliases: [`${replacement}Async`] });
          }
          return plan.fixes(fixer, [this.awaited(call, `${reference}${this.argumentsText(call)}`)]);
        },
      },
    ];
  }

  private atomicsReplacements(call: TSESTree.CallExpression): Replacement[] {
    const replacements: Replacement[] = [];
    const args = call.arguments;
    const timeout = args[3];
    if (
      call.parent.type === AST_NODE_TYPES.ExpressionStatement &&
      args.length === 4 &&
      timeout &&
      this.isFreshSleepBuffer(args)
    ) {
      replacements.push({
        kind: 'sleep',
        data: { duration: this.sourceCode.getText(timeout) },
        fix: (fixer) => {
          const plan = new ImportPlan(this.context, this.services, call);
          const sleep = plan.named('node:timers/promises', 'setTimeout', {
            aliases: ['sleep', 'delay'],
          });
          return plan.fixes(fixer, [
            this.awaited(call, `${sleep}(${this.sourceCode.getText(timeout)})`),
          ]);
        },
      });
    }
    const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      this.hasProperty(callee.object, 'waitAsync')
    ) {
      replacements.push({
        kind: 'waitAsync',
        data: {},
        fix: (fixer) => {
          const edit = this.awaited(
            call,
            `${this.sourceCode.getText(callee.object)}.waitAsync${this.argumentsText(call)}.value`,
          );
          return fixer.replaceTextRange(edit.range, edit.text);
        },
      });
    }
    return replacements;
  }

  /** `Atomics.wait(new Int32Array(new SharedArrayBuffer(n)), i, 0, ms)`: nobody else holds the buffer, so it only sleeps. */
  private isFreshSleepBuffer(args: TSESTree.CallExpressionArgument[]): boolean {
    const [buffer, index, value] = args;
    if (buffer?.type !== AST_NODE_TYPES.NewExpression || buffer.arguments.length !== 1)
      return false;
    const shared = buffer.arguments[0]!;
    if (shared.type !== AST_NODE_TYPES.NewExpression) return false;
    const isGlobal = (node: TSESTree.Expression, name: string): boolean =>
      node.type === AST_NODE_TYPES.Identifier &&
      node.name === name &&
      isStandardLibraryValue(this.services.program, this.services.esTreeNodeToTSNodeMap.get(node));
    return (
      isGlobal(buffer.callee, 'Int32Array') &&
      isGlobal(shared.callee, 'SharedArrayBuffer') &&
      index?.type === AST_NODE_TYPES.Literal &&
      value?.type === AST_NODE_TYPES.Literal &&
      value.value === 0
    );
  }

  /** `await setTimeout(ms)` for a busy wait that stands for a plain sleep, where `await` is valid. */
  forBusyWait(
    loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement,
    wait: BusyWait,
  ): Replacement[] {
    const sleep = sleepOf(this.services.program, wait);
    if (!sleep) return [];
    const declaration = this.services.tsNodeToESTreeNodeMap.get<TSESTree.VariableDeclaration>(
      sleep.declaration,
    );
    const [declarator] = declaration.declarations;
    if (!declarator) return [];
    const duration = this.sourceCode.getText(
      this.services.tsNodeToESTreeNodeMap.get(sleep.duration),
    );
    const [variable] = this.sourceCode.getDeclaredVariables(declarator);
    const usedElsewhere = variable?.references.some(
      (reference) =>
        !reference.init &&
        (reference.identifier.range[0] < loop.range[0] ||
          reference.identifier.range[1] > loop.range[1]),
    );
    // The loop ends with `}` or `;`; the `await` that replaces it needs a `;` of its own when the next line starts with
    // `(` or `[` (it would continue the line otherwise), and keeps the declaration's style elsewhere.
    const next = this.sourceCode.getTokenAfter(loop);
    const guardsNextLine = next !== null && continuesPreviousLine(next.value);
    const semicolon =
      this.sourceCode.getLastToken(declaration)?.value === ';' || guardsNextLine ? ';' : '';
    return [
      {
        kind: 'sleep',
        data: { duration },
        fix: (fixer) => {
          const plan = new ImportPlan(this.context, this.services, loop);
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

  /** An import plan for replacing `call` that drops the import of its callee when nothing else uses it. */
  private planReplacingCallee(call: TSESTree.CallExpression): ImportPlan {
    const plan = new ImportPlan(this.context, this.services, call);
    const callee = skipWrappers(call.callee, CALLEE_WRAPPERS);
    if (callee.type === AST_NODE_TYPES.Identifier) plan.dropBindingIfOnlyUsedIn(callee, call);
    return plan;
  }

  /** The call's arguments with their parentheses, as written (`(p, 'utf8')`). */
  private argumentsText(call: TSESTree.CallExpression): string {
    const open = this.sourceCode.getTokenAfter(
      call.typeArguments ?? call.callee,
      (token) => token.value === '(',
    )!;
    return this.sourceCode.text.slice(open.range[0], call.range[1]);
  }

  /** Replaces `call` with `await <text>`, in parentheses where the surrounding expression needs them. */
  private awaited(call: TSESTree.CallExpression, text: string): TextEdit {
    return guardedReplacement(this.sourceCode, call, this.awaitedText(call, text));
  }

  private awaitedText(call: TSESTree.CallExpression, text: string): string {
    return awaitNeedsParentheses(call) ? `(await ${text})` : `await ${text}`;
  }

  private isNumberLike(node: TSESTree.Node): boolean {
    return (
      (this.checker.getBaseTypeOfLiteralType(this.services.getTypeAtLocation(node)).flags &
        ts.TypeFlags.NumberLike) !==
      0
    );
  }

  private isArrayLike(node: TSESTree.Node): boolean {
    const type = this.services.getTypeAtLocation(node);
    return (
      this.checker.isArrayType(type) ||
      this.checker.isTupleType(type) ||
      this.checker.isArrayLikeType(type)
    );
  }

  private isObjectLiteralWithout(node: TSESTree.Node, key: string): boolean {
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

  private hasProperty(node: TSESTree.Node, name: string): boolean {
    return this.services.getTypeAtLocation(node).getProperty(name) !== undefined;
  }

  /** True when the call's first argument is a number: a file descriptor, which only `FileHandle` replaces. */
  usesFileDescriptor(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const [first] = call.arguments;
    return first !== undefined && this.isNumberLike(first);
  }
}

function valuePropertyKey(property: TSESTree.Property): string | undefined {
  return property.kind === 'init' && !property.method ? propertyKey(property) : undefined;
}

/** Where a file descriptor is involved (`openSync`, `readSync`): the `FileHandle` API. */
export const FILE_HANDLE_ADVICE =
  "the promise API of 'node:fs/promises' (`open()` gives a `FileHandle` with async methods)";

/** What to use instead of a blocking call, for messages. */
export function alternativeFor(call: BlockingCall): string {
  const asyncName = withoutSync(call.name);
  switch (call.family) {
    case 'fs':
      if (call.name === 'existsSync')
        return "`access` from 'node:fs/promises' (it rejects when the path is missing)";
      if (FS_PROMISE_FORMS.has(asyncName)) return `\`${asyncName}\` from 'node:fs/promises'`;
      return FILE_HANDLE_ADVICE;
    case 'child_process':
      if (call.name === 'spawnSync')
        return "`spawn` from 'node:child_process', awaiting its end with `once(child, 'close')` from 'node:events'";
      return `the promisified \`${asyncName}\` (\`promisify(${asyncName})\` from 'node:util')`;
    case 'zlib':
    case 'crypto':
      return `the promisified \`${asyncName}\` (\`promisify(${asyncName})\` from 'node:util')`;
    case 'atomics':
      return "`Atomics.waitAsync`, or `await setTimeout(ms)` from 'node:timers/promises' to sleep";
    case 'package':
      return call.replacement
        ? `\`${call.replacement}\` from '${call.module}'`
        : `an asynchronous alternative from '${call.module}'`;
  }
}
