// The bodies of command-line commands: a yargs command module's `handler` (a class or object implementing
// `CommandModule`) and the callback a commander command registers with `action`. A command-line program runs one
// command per process, so its handler is the program's `main`: start-up code (`startup-code.ts`).
import ts from 'typescript';

import type { AnalyzableFunction } from './call-graph';
import { classify, resolveCalleeNode } from './resolve-callee';

/** A member that is a command's body, by the package and the interface or class declaring it. */
interface CommandMember {
  module: string;
  container: string;
  member: string;
}

/** Interfaces whose member is implemented as a command's body. */
const COMMAND_MEMBERS: readonly CommandMember[] = [
  { module: 'yargs', container: 'CommandModule', member: 'handler' },
];

/** Methods that register a command's body, passed as their first argument. */
const COMMAND_REGISTRATIONS: readonly CommandMember[] = [
  { module: 'commander', container: 'Command', member: 'action' },
];

/** True when `fn` is the body of a command of a command-line framework, run once per process. */
export function isCommandHandler(program: ts.Program, fn: AnalyzableFunction): boolean {
  return implementsCommandMember(program, fn) || isRegisteredCommand(program, fn);
}

/** `class Compile implements CommandModule { async handler(args) { … } }`, `{ handler: async () => … }`. */
function implementsCommandMember(program: ts.Program, fn: AnalyzableFunction): boolean {
  const member = ts.isMethodDeclaration(fn)
    ? fn
    : (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
        (ts.isPropertyAssignment(fn.parent) || ts.isPropertyDeclaration(fn.parent)) &&
        fn.parent.initializer === fn
      ? fn.parent
      : undefined;
  if (!member || !ts.isIdentifier(member.name)) return false;
  const name = member.name.text;
  const candidates = COMMAND_MEMBERS.filter((entry) => entry.member === name);
  if (candidates.length === 0) return false;
  const checker = program.getTypeChecker();
  return implementedTypes(checker, member.parent).some((type) => {
    const declarations = checker.getPropertyOfType(type, name)?.getDeclarations() ?? [];
    return declarations.some((declaration) => declaredBy(program, declaration, candidates));
  });
}

/** The types a class implements or extends, or the type an object literal is written for. */
function implementedTypes(checker: ts.TypeChecker, owner: ts.Node): ts.Type[] {
  if (ts.isClassLike(owner)) {
    return (owner.heritageClauses ?? []).flatMap((clause) =>
      clause.types.map((type) => checker.getTypeAtLocation(type)),
    );
  }
  if (!ts.isObjectLiteralExpression(owner)) return [];
  const contextual = checker.getContextualType(owner);
  if (!contextual) return [];
  return contextual.isUnion() ? contextual.types : [contextual];
}

/** `program.command('build').action(async (options) => { … })`. */
function isRegisteredCommand(program: ts.Program, fn: AnalyzableFunction): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== node) return false;
  const callee = resolveCalleeNode(program, call);
  return (
    callee?.origin === 'module' &&
    COMMAND_REGISTRATIONS.some(
      (entry) =>
        entry.module === callee.module &&
        entry.container === callee.container &&
        entry.member === callee.name,
    )
  );
}

function declaredBy(
  program: ts.Program,
  declaration: ts.Declaration,
  candidates: readonly CommandMember[],
): boolean {
  const owner = declaration.parent;
  if (!(ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) || !owner.name)
    return false;
  const { origin, module } = classify(program, declaration);
  return (
    origin === 'module' &&
    candidates.some((entry) => entry.module === module && entry.container === owner.name?.text)
  );
}
