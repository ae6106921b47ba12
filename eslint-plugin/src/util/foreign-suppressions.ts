// Disable comments written for another plugin's equivalent rule (`// eslint-disable-next-line
// @typescript-eslint/no-floating-promises`): a team switching to Loopguard keeps the decisions those comments record.
// ESLint applies a directive only to the rule it names, so a rule that honours them reads the comments itself.
import { AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  rules: readonly string[];
  comment: TSESTree.Comment;
}

const DIRECTIVE = /^\s*eslint-(disable|enable|disable-line|disable-next-line)(?:\s+([\s\S]*))?$/;

/** The lines on which the named rules are disabled by comments, read once per file. */
export class ForeignSuppressions {
  private directives: Directive[] | undefined;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly ruleNames: readonly string[],
  ) {}

  /** True when a comment disables one of the rules at `position` (a report's start), as ESLint would apply it. */
  /** Whether a comment covers the start line of either node (a statement and the promise in it, say). */
  coversEither(a: TSESTree.Node, b: TSESTree.Node): boolean {
    return this.covers(a.loc.start) || this.covers(b.loc.start);
  }

  covers(position: TSESTree.Position): boolean {
    if (this.ruleNames.length === 0) return false;
    this.directives ??= this.read();
    let disabledByBlock = false;
    for (const directive of this.directives) {
      const { loc } = directive.comment;
      switch (directive.kind) {
        case 'disable-line':
          if (loc.start.line <= position.line && position.line <= loc.end.line) return true;
          break;
        case 'disable-next-line':
          if (position.line === loc.end.line + 1) return true;
          break;
        case 'disable':
        case 'enable':
          if (isBefore(loc.start, position)) disabledByBlock = directive.kind === 'disable';
      }
    }
    return disabledByBlock;
  }

  private read(): Directive[] {
    const directives: Directive[] = [];
    for (const comment of this.sourceCode.getAllComments()) {
      const match = DIRECTIVE.exec(comment.value);
      if (!match) continue;
      const kind = match[1] as Directive['kind'];
      // Block directives are block comments only, as in ESLint; a line comment `// eslint-disable` is no directive.
      if ((kind === 'disable' || kind === 'enable') && comment.type !== AST_TOKEN_TYPES.Block)
        continue;
      const list = (match[2] ?? '').split(/\s--\s|\s--$|^--\s/)[0] ?? '';
      const rules = list
        .split(',')
        .map((rule) => rule.trim())
        .filter((rule) => rule.length > 0);
      // A directive without rule names applies to every rule, Loopguard's included, so ESLint already honours a
      // disabling one; a bare `eslint-enable` still ends a block disabled for the named rules.
      const named = rules.some((rule) => this.ruleNames.includes(rule));
      if (!named && !(kind === 'enable' && rules.length === 0)) continue;
      directives.push({ kind, rules, comment });
    }
    return directives;
  }
}

function isBefore(a: TSESTree.Position, b: TSESTree.Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}
