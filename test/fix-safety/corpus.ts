// The inputs of the fix-safety test that exist already: every case of every rule's test table and the bundled
// examples. Tables are found through the plugin's rules index (`test/rules/<id>.cases.ts` for each rule id), so a new
// rule and its table are checked without an edit here, and a rule without a table is reported as missing.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { rules } from 'eslint-plugin-loopguard';

import { REPO_ROOT } from '../support/paths';

export interface BaseInput {
  /** Where it comes from, for people: `no-floating-promises invalid[3] "name"`, `examples/orders.ts`. */
  label: string;
  /** The file it stands for, relative to the check project: `file.ts`, `react.tsx`, `examples/orders.ts`. */
  fileName: string;
  code: string;
  /** Options the case gives its rule; every other rule runs with its defaults. */
  ruleOptions?: RuleOptions;
  /** Offsets of the places its rule reports (invalid cases): where variants put their changes. */
  anchors: number[];
}

export interface RuleOptions {
  ruleId: string;
  options: readonly unknown[];
}

interface CasesModule {
  valid: ReadonlyArray<string | ValidTestCase<readonly unknown[]>>;
  invalid: ReadonlyArray<InvalidTestCase<string, readonly unknown[]>>;
}

/** The folder, relative to the check project, that the examples are copied into (their imports stay relative). */
export const EXAMPLES_FOLDER = 'examples';
const EXAMPLES_SOURCE = path.join(REPO_ROOT, 'examples', 'src');

/** Every rule id of the plugin, as in `loopguard/<id>`. */
export function ruleIds(): string[] {
  return Object.keys(rules).sort();
}

/** The cases of every rule's table; `missing` names the rules that have no `test/rules/<id>.cases.ts`. */
export function tableInputs(): { inputs: BaseInput[]; missing: string[] } {
  const inputs: BaseInput[] = [];
  const missing: string[] = [];
  for (const id of ruleIds()) {
    const cases = loadCases(id);
    if (!cases) {
      missing.push(id);
      continue;
    }
    cases.valid.forEach((test, index) => {
      const item = typeof test === 'string' ? { code: test } : test;
      inputs.push({
        label: `${id} valid[${index}]${nameOf(item)}`,
        fileName: item.filename ?? 'file.ts',
        code: item.code,
        ...optionsOf(id, item.options),
        anchors: [],
      });
    });
    cases.invalid.forEach((test, index) => {
      inputs.push({
        label: `${id} invalid[${index}]${nameOf(test)}`,
        fileName: test.filename ?? 'file.ts',
        code: test.code,
        ...optionsOf(id, test.options),
        anchors: test.errors.flatMap((error) =>
          error.line === undefined ? [] : [offsetOf(test.code, error.line, error.column ?? 1)],
        ),
      });
    });
  }
  return { inputs, missing };
}

/** The example project's files, each as it is (they import one another, so they keep their names). */
export function exampleInputs(): BaseInput[] {
  return fs
    .readdirSync(EXAMPLES_SOURCE)
    .filter((name) => /\.[cm]?[jt]sx?$/.test(name))
    .sort()
    .map((name) => ({
      label: `examples/src/${name}`,
      fileName: `${EXAMPLES_FOLDER}/${name}`,
      code: fs.readFileSync(path.join(EXAMPLES_SOURCE, name), 'utf8'),
      anchors: [],
    }));
}

/** The example files to copy into the check project, so that the examples' own imports resolve there. */
export function exampleFiles(): Array<{ fileName: string; code: string }> {
  return exampleInputs().map(({ fileName, code }) => ({ fileName, code }));
}

function loadCases(id: string): CasesModule | undefined {
  const modulePath = path.join(__dirname, '..', 'rules', `${id}.cases.js`);
  if (!fs.existsSync(modulePath)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(modulePath) as CasesModule;
}

function nameOf(test: { name?: string }): string {
  return test.name ? ` "${test.name}"` : '';
}

function optionsOf(
  id: string,
  options: readonly unknown[] | undefined,
): { ruleOptions?: RuleOptions } {
  return options ? { ruleOptions: { ruleId: `loopguard/${id}`, options } } : {};
}

function offsetOf(code: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = code.indexOf('\n', offset);
    if (next === -1) return code.length;
    offset = next + 1;
  }
  return Math.min(offset + column - 1, code.length);
}
