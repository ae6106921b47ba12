// The "await them together" rewrite: `const a = await ta; const b = await tb;` becomes
// `const [a, b] = await Promise.all([ta, tb]);`, for `prefer-concurrent-awaits` and `no-unhandled-task-rejection`
// alike; each rule chooses the statements, and says how operands and inferred types are written.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { AwaitStatement, DeclarationKind } from '../analysis/await-statements';
import { isStatementList, statementsOf } from '../util/statement-lists';
import {
  commentsIn,
  endBeforeSemicolon,
  endsWithSemicolon,
  removalRange,
  withComments,
} from './statement-text';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The one declaration kind the members with a binding share (`undefined` when none has a binding), or `'mixed'`:
 * one declaration cannot hold `const` and `let` bindings without changing one of them.
 */
export function declarationKindOf(
  members: readonly AwaitStatement[],
): DeclarationKind | undefined | 'mixed' {
  const kinds = new Set(members.flatMap((member) => (member.kind ? [member.kind] : [])));
  return kinds.size > 1 ? 'mixed' : [...kinds][0];
}

export interface AwaitTogetherOptions<M extends AwaitStatement> {
  kind: DeclarationKind | undefined;
  /** A member's operand as an element of the array; by default its text (a sequence in parentheses). */
  element?(member: M, annotated: boolean): string;
  /**
   * When some binding has a type annotation, the combined declaration gets a tuple annotation: each slot is the
   * member's own annotation, `unknown` for a member without a binding, else this (`undefined`: no rewrite).
   */
  inferredType(member: M): string | undefined;
  /**
   * Which comments of the replaced statements are set in front of the combined one: those outside the operands
   * (whose text keeps its own), or all of them, the operands' included, which then also stay in the operands' text.
   */
  movedComments: 'all' | 'outside-operands';
  /**
   * Whether the last member's `;` stays where it is: `always` (the comments before it move with the statements),
   * or only when it stands on a line of its own (`own-line`), where it may guard the next line and keeps the
   * comments before it. A `;` that does not stay is written at the end of the combined statement.
   */
  keepLastSemicolon: 'always' | 'own-line';
}

/**
 * The fix that puts the combined statement in place of the first member and removes the others (the statements
 * between them stay, and then run after every task has settled), or `undefined` when the types of the bindings
 * cannot be kept.
 */
export function awaitTogetherFix<M extends AwaitStatement>(
  sourceCode: SourceCode,
  members: readonly M[],
  options: AwaitTogetherOptions<M>,
): TSESLint.ReportFixFunction | undefined {
  const first = members[0]!.statement;
  const end = members.at(-1)!.statement;
  const adjacent = areAdjacent(members);
  const replaced = adjacent
    ? adjacentRange(sourceCode, first, end, options.keepLastSemicolon)
    : { range: first.range, semicolon: endsWithSemicolon(sourceCode, first) };
  const text = combinedStatement(sourceCode, members, options, replaced.semicolon ? ';' : '');
  if (text === undefined) return undefined;
  const moved = (range: TSESLint.AST.Range): TSESTree.Comment[] =>
    commentsIn(sourceCode, range).filter(
      (comment) =>
        options.movedComments === 'all' ||
        !members.some(
          ({ operand }) =>
            comment.range[0] >= operand.range[0] && comment.range[1] <= operand.range[1],
        ),
    );
  if (adjacent) {
    const comments = moved(replaced.range);
    return (fixer) =>
      fixer.replaceTextRange(replaced.range, withComments(sourceCode, comments, text, first));
  }
  const removals = members.slice(1).map((member) => removalRange(sourceCode, member.statement));
  const comments = [...moved(first.range), ...removals.flatMap((range) => moved(range))];
  return (fixer) => [
    fixer.replaceText(first, withComments(sourceCode, comments, text, first)),
    ...removals.map((range) => fixer.removeRange(range)),
  ];
}

/** `const [a, b]: [A, B] = await Promise.all([ta, tb]);`, or `undefined` when a slot's type cannot be written. */
function combinedStatement<M extends AwaitStatement>(
  sourceCode: SourceCode,
  members: readonly M[],
  options: AwaitTogetherOptions<M>,
  semicolon: string,
): string | undefined {
  const annotated = members.some((member) => member.binding?.typeAnnotation);
  const elements = members.map((member) =>
    options.element ? options.element(member, annotated) : elementText(sourceCode, member),
  );
  const call = `await Promise.all([${elements.join(', ')}])`;
  if (options.kind === undefined) return `${call}${semicolon}`;
  const names = members.map((member) =>
    member.binding ? bindingText(sourceCode, member.binding) : '',
  );
  while (names.at(-1) === '') names.pop();
  let annotation = '';
  if (annotated) {
    const types: string[] = [];
    for (const member of members) {
      const declared = member.binding?.typeAnnotation?.typeAnnotation;
      const type = declared
        ? sourceCode.getText(declared)
        : member.binding
          ? options.inferredType(member)
          : 'unknown';
      if (type === undefined) return undefined;
      types.push(type);
    }
    annotation = `: [${types.join(', ')}]`;
  }
  return `${options.kind} [${names.join(', ')}]${annotation} = ${call}${semicolon}`;
}

/** A member's operand as an array element: its text, in parentheses when it is a sequence (`a, b`). */
export function elementText(sourceCode: SourceCode, member: AwaitStatement): string {
  const text = sourceCode.getText(member.operand);
  return member.operand.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/** A binding without its type annotation (`user` of `user: User`), as it stands in the combined destructuring. */
export function bindingText(
  sourceCode: SourceCode,
  binding: NonNullable<AwaitStatement['binding']>,
): string {
  if (!binding.typeAnnotation) return sourceCode.getText(binding);
  return sourceCode.text.slice(binding.range[0], binding.typeAnnotation.range[0]).trimEnd();
}

/** True when the members' statements follow one another in their statement list. */
function areAdjacent(members: readonly AwaitStatement[]): boolean {
  const list = members[0]!.statement.parent;
  if (!isStatementList(list)) return members.length === 1;
  const statements = statementsOf(list);
  const start = statements.indexOf(members[0]!.statement);
  return members.every((member, index) => statements[start + index] === member.statement);
}

/**
 * The range adjacent members take: from the first statement to the last, short of the last one's `;` when it stays
 * (see `keepLastSemicolon`), and whether the combined statement ends with a `;` of its own.
 */
function adjacentRange(
  sourceCode: SourceCode,
  first: TSESTree.Node,
  last: TSESTree.Node,
  keepLastSemicolon: AwaitTogetherOptions<AwaitStatement>['keepLastSemicolon'],
): { range: TSESLint.AST.Range; semicolon: boolean } {
  const lastToken = sourceCode.getLastToken(last)!;
  if (lastToken.value !== ';')
    return {
      range: [first.range[0], last.range[1]],
      semicolon: endsWithSemicolon(sourceCode, first),
    };
  if (keepLastSemicolon === 'always')
    return { range: [first.range[0], endBeforeSemicolon(sourceCode, last)], semicolon: false };
  const beforeLastToken = sourceCode.getTokenBefore(lastToken)!;
  // In a file without semicolons, the `;` on a line of its own guards a next line starting with `(`, `[` or `` ` ``.
  if (lastToken.loc.start.line !== beforeLastToken.loc.end.line)
    return { range: [first.range[0], beforeLastToken.range[1]], semicolon: false };
  return { range: [first.range[0], last.range[1]], semicolon: true };
}
