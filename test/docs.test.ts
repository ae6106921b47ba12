// The rules, their docs and the README agree: the same ids everywhere, a generated README table that is current,
// rule metadata in the house style, and every "incorrect" doc example reported and every "correct" one not.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin, { rules } from 'eslint-plugin-loopguard';
import { ruleDocsUrl, withRulesTable } from 'eslint-plugin-loopguard/rules-table';

import { REPO_ROOT } from './support/paths';
import { LINTED_TEXT_PARSER_OPTIONS, TYPED_FIXTURES } from './support/rule-tester';

const RULES_SOURCE = path.join(REPO_ROOT, 'eslint-plugin', 'src', 'rules');
const RULES_DOCS = path.join(REPO_ROOT, 'eslint-plugin', 'docs', 'rules');
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const ruleIds = Object.keys(rules).sort();

interface DocExample {
  kind: 'correct' | 'incorrect';
  code: string;
  options: unknown;
  line: number;
}

/** Fenced blocks whose info string is `ts correct` or `ts incorrect`, optionally followed by the rule's options as JSON. */
function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const fence = /^```(ts|tsx|js) (correct|incorrect)( .*)?\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const options = match[3] ? (JSON.parse(match[3].trim()) as unknown) : undefined;
    const line = markdown.slice(0, match.index).split('\n').length;
    examples.push({ kind: match[2] as DocExample['kind'], code: match[4]!, options, line });
  }
  return examples;
}

function lintExample(ruleId: string, example: DocExample): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: TYPED_FIXTURES });
  const ruleEntry: Linter.RuleEntry =
    example.options === undefined ? 'error' : ['error', example.options];
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: LINTED_TEXT_PARSER_OPTIONS },
        plugins: { loopguard: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
        rules: { [`loopguard/${ruleId}`]: ruleEntry },
      },
    ],
    path.join(TYPED_FIXTURES, 'file.ts'),
  );
}

describe('rules, docs and README', () => {
  it('lists the same rule ids in the rule files, the rules index, the docs and the README', () => {
    const sourceIds = fs
      .readdirSync(RULES_SOURCE)
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.slice(0, -3))
      .sort();
    const docIds = fs
      .readdirSync(RULES_DOCS)
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -3))
      .sort();
    const readmeIds = [...README.matchAll(/^\| \[`([a-z-]+)`\]\(eslint-plugin\/docs\/rules\//gm)]
      .map((match) => match[1]!)
      .sort();
    assert.deepEqual(sourceIds, ruleIds);
    assert.deepEqual(docIds, ruleIds);
    assert.deepEqual(readmeIds, ruleIds);
  });

  it("has a current rules table in the README (run 'npm run generate' to refresh it)", () => {
    assert.equal(withRulesTable(README), README);
  });

  for (const id of ruleIds) {
    describe(id, () => {
      const rule = rules[id as keyof typeof rules];
      const doc = fs.readFileSync(path.join(RULES_DOCS, `${id}.md`), 'utf8');

      it('has metadata in the house style', () => {
        const { docs, schema, messages } = rule.meta;
        assert.match(docs?.description ?? '', /^(Disallow|Require|Enforce) /);
        assert.equal(docs?.url, ruleDocsUrl(id));
        assert.equal(docs?.requiresTypeChecking, true);
        assert.ok(Object.keys(messages).length > 0);
        for (const option of Array.isArray(schema) ? schema : [schema]) {
          assert.equal((option as { additionalProperties?: unknown }).additionalProperties, false);
          for (const [name, property] of Object.entries(
            (option as { properties?: Record<string, { description?: string }> }).properties ?? {},
          )) {
            assert.ok(property.description, `option ${name} has a description`);
          }
        }
      });

      it('has messages that open with a short sentence saying what is wrong', () => {
        // A placeholder stands for about 12 characters (a name, a callee, a line number); what follows the first
        // sentence (the why, the advice) may be longer, the opening must fit one line of a 100-column terminal.
        for (const [messageId, message] of Object.entries(rule.meta.messages)) {
          const opening =
            message.replace(/\{\{\s*\w+\s*\}\}/g, 'x'.repeat(12)).split(/\.(?:\s|$)/)[0] ?? '';
          assert.ok(
            opening.length <= 100,
            `${messageId} opens with ${opening.length} characters: ${opening}`,
          );
          assert.match(message, /^[A-Z'`{]/, `${messageId} starts a sentence`);
        }
      });

      it('has a doc that opens with its id and description', () => {
        assert.ok(doc.startsWith(`# \`loopguard/${id}\`\n\n${rule.meta.docs?.description}.`));
      });

      const examples = docExamples(doc);
      it('has both incorrect and correct examples', () => {
        assert.ok(examples.some((example) => example.kind === 'incorrect'));
        assert.ok(examples.some((example) => example.kind === 'correct'));
      });

      for (const example of examples) {
        it(`reports ${example.kind === 'incorrect' ? 'the incorrect' : 'nothing in the correct'} example at line ${example.line} of its doc`, () => {
          const messages = lintExample(id, example);
          const fatal = messages.filter((message) => message.fatal);
          assert.deepEqual(fatal, [], 'the example parses');
          const reported = messages.filter((message) => message.ruleId === `loopguard/${id}`);
          if (example.kind === 'incorrect')
            assert.ok(reported.length > 0, 'the example is reported');
          else assert.deepEqual(reported, [], 'the example is not reported');
        });
      }
    });
  }
});
