// Lints every suggestion output of a rule's test table again: with the same rule, to check that applying a
// suggestion resolves the finding it was offered for (the same message is not reported again at the same place),
// and with every Loopguard rule of the `strict` config, to check that no other rule reports what it wrote.
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { RunTests } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-loopguard';

import { FIXTURES } from './paths';
import { LINTED_TEXT_PARSER_OPTIONS } from './rule-tester';

const TYPED_FIXTURES = path.join(FIXTURES, 'typed');

/** Descriptions of the suggestions whose output is still reported the same way; empty when all resolve. */
export function unresolvedSuggestions<
  MessageIds extends string,
  Options extends readonly unknown[],
>(ruleId: string, tests: RunTests<MessageIds, Options>): string[] {
  const linter = new Linter({ configType: 'flat', cwd: TYPED_FIXTURES });
  const problems: string[] = [];
  tests.invalid.forEach((test, index) => {
    const fileName = path.join(TYPED_FIXTURES, test.filename ?? 'file.ts');
    const ruleEntry: Linter.RuleEntry = test.options
      ? ['error', ...(test.options as readonly unknown[])]
      : 'error';
    const config: Linter.Config[] = [
      {
        files: ['**/*.*'],
        languageOptions: { parser: tsParser, parserOptions: LINTED_TEXT_PARSER_OPTIONS },
        plugins: { loopguard: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
        rules: { [`loopguard/${ruleId}`]: ruleEntry },
      },
    ];
    test.errors.forEach((error) => {
      for (const suggestion of error.suggestions ?? []) {
        if (suggestion.output === undefined) continue;
        const again = linter
          .verify(suggestion.output, config, fileName)
          .filter(
            (message) =>
              message.fatal ||
              (message.messageId === error.messageId &&
                message.line === error.line &&
                message.column === error.column),
          );
        if (again.length > 0) {
          problems.push(
            `invalid[${index}] ${test.name ?? ''} suggestion ${suggestion.messageId}: ${again.map((message) => message.message).join('; ')}`,
          );
        }
      }
    });
  });
  return problems;
}

/**
 * Descriptions of the suggestion outputs in which another Loopguard rule (all of `strict`, with its options) reports
 * more of some message than in the case's own code; empty when no suggestion gives another rule work.
 */
export function findingsOfOtherRules<MessageIds extends string, Options extends readonly unknown[]>(
  ruleId: string,
  tests: RunTests<MessageIds, Options>,
): string[] {
  const linter = new Linter({ configType: 'flat', cwd: TYPED_FIXTURES });
  const others = Object.fromEntries(
    Object.entries(plugin.configs.strict[0]?.rules ?? {}).filter(
      ([id]) => id !== `loopguard/${ruleId}`,
    ),
  );
  const config: Linter.Config[] = [
    {
      files: ['**/*.*'],
      languageOptions: { parser: tsParser, parserOptions: LINTED_TEXT_PARSER_OPTIONS },
      plugins: { loopguard: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: others,
    },
  ];
  const counts = (code: string, fileName: string): Map<string, number> => {
    const found = new Map<string, number>();
    for (const message of linter.verify(code, config, fileName)) {
      const key = message.fatal
        ? `parse error: ${message.message}`
        : `${message.ruleId ?? ''} ${message.messageId ?? ''}`;
      found.set(key, (found.get(key) ?? 0) + 1);
    }
    return found;
  };
  const problems: string[] = [];
  tests.invalid.forEach((test, index) => {
    const fileName = path.join(TYPED_FIXTURES, test.filename ?? 'file.ts');
    const before = counts(test.code, fileName);
    test.errors.forEach((error) => {
      for (const suggestion of error.suggestions ?? []) {
        if (suggestion.output === undefined) continue;
        for (const [key, count] of counts(suggestion.output, fileName)) {
          if (count > (before.get(key) ?? 0))
            problems.push(
              `invalid[${index}] ${test.name ?? ''} suggestion ${suggestion.messageId}: ${key}`,
            );
        }
      }
    });
  });
  return problems;
}
