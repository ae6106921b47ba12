// Fix safety in `npm test`: every case of every rule table, the examples, and a fixed-seed run of generated variants
// go through the engine with every rule; every autofix and suggestion is applied alone and all of a file's fixes as
// `--fix`/`--fix-unsafe` do, and each output must parse, type-check where its input did, keep its input's comments
// (autofixes) and stay put when fixed a second time. `npm run fuzz -- --count N --seed S` runs the same check longer.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import type { ESLint } from 'eslint';

import { FIXTURES } from '../support/paths';
import { checkFixSafety, type SafetyFailure } from './check';
import { exampleInputs, tableInputs } from './corpus';
import { generateVariant, generateVariants } from './generate';
import { parseError } from './syntax';
import { FINISHING_TRANSFORM, TRANSFORMS } from './transforms';

/** The run `npm test` checks: fixed, so that a failure reproduces with `npm run fuzz -- --seed 1 --start I --count 1`. */
const SEED = 1;
const VARIANTS = 1_100;
/** The floor for one `npm test` run: fixes and suggestions applied alone plus whole-file fix runs. */
const MINIMUM_APPLICATIONS = 2_000;

function describeFailure(failure: SafetyFailure): string {
  const origin = failure.input.variant
    ? `variant ${failure.input.variant.seed}:${failure.input.variant.index} (npm run fuzz -- --seed ${failure.input.variant.seed} --start ${failure.input.variant.index} --count 1)`
    : failure.input.label;
  return `${failure.kind}: ${failure.what} on ${origin}\n${failure.details}\n--- input (${failure.input.fileName})\n${failure.input.code}\n--- output\n${failure.output ?? '(none)'}`;
}

describe('fix safety', function () {
  this.timeout(600_000);

  it('has a test/rules/<id>.cases.ts table for every rule, read as data', () => {
    const { inputs, missing } = tableInputs();
    assert.deepEqual(missing, []);
    assert.ok(inputs.length > 300, `only ${inputs.length} cases`);
  });

  it(`applies every fix and suggestion of every table, the examples and ${VARIANTS} generated variants safely`, function () {
    const bases = [...tableInputs().inputs, ...exampleInputs()];
    const variants = generateVariants(bases, SEED, 0, VARIANTS);
    assert.ok(
      variants.length > VARIANTS * 0.95,
      `only ${variants.length} of ${VARIANTS} variants were generated`,
    );
    const report = checkFixSafety([...bases, ...variants]);
    assert.deepEqual(report.failures.map(describeFailure), []);
    const applications = report.singleApplications + report.fixRuns;
    assert.ok(
      applications >= MINIMUM_APPLICATIONS,
      `${report.singleApplications} single applications and ${report.fixRuns} fix runs`,
    );
    assert.ok(
      report.typeCheckedInputs > report.inputs * 0.9,
      `only ${report.typeCheckedInputs} of ${report.inputs} inputs type-check`,
    );
    // The figures the README quotes (run with the `spec` reporter to see them).
    this.test!.title += ` [${report.inputs} inputs (${report.typeCheckedInputs} type-check), ${report.singleApplications} fixes and suggestions applied alone, ${report.fixRuns} --fix/--fix-unsafe runs each run twice, ${report.suggestionsDroppingComments.length} suggestions that drop a comment]`;
  });

  it('catches fixes that do not parse, break types, drop comments or never settle (fixture rules that do each)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fixtures = require(path.join(FIXTURES, 'cli-plugin', 'index.cjs')) as ESLint.Plugin;
    const input = (
      code: string,
    ): { label: string; fileName: string; code: string; anchors: number[] } => ({
      label: code,
      fileName: 'file.ts',
      code,
      anchors: [],
    });
    const report = checkFixSafety(
      [
        input('export function g() {\n  debugger;\n}\n'),
        input('export const n: number = 1;\n'),
        input("export const label = 'grow';\n"),
        input('export const nothing = void (/* keep */ 0);\n'),
      ],
      {
        configs: [
          {
            files: ['**/*.ts'],
            plugins: { fixtures },
            rules: {
              'fixtures/unparsable-fix': 'error',
              'fixtures/retyping-suggestion': 'error',
              'fixtures/growing-fix': 'error',
              'fixtures/comment-dropping-fix': 'error',
            },
          },
        ],
      },
    );
    assert.deepEqual(
      report.failures
        .map((failure) => [failure.input.code.split('\n')[0], failure.kind, failure.what])
        .sort(),
      [
        ["export const label = 'grow';", 'second-run', '--fix'],
        ["export const label = 'grow';", 'second-run', '--fix-unsafe'],
        ['export const n: number = 1;', 'type', '--fix-unsafe'],
        ['export const n: number = 1;', 'type', 'fixtures/retyping-suggestion suggestion quote'],
        ['export const nothing = void (/* keep */ 0);', 'comment-lost', '--fix'],
        [
          'export const nothing = void (/* keep */ 0);',
          'comment-lost',
          'fixtures/comment-dropping-fix autofix',
        ],
        ['export function g() {', 'broken-fix', '--fix'],
        ['export function g() {', 'broken-fix', '--fix-unsafe'],
        ['export function g() {', 'parse', 'fixtures/unparsable-fix autofix'],
      ],
    );
    // A suggestion may drop a comment (someone sees the change); it is counted, not failed.
    assert.deepEqual(
      report.suggestionsDroppingComments.map((entry) => entry.what),
      ['--fix-unsafe'],
    );
  });

  it('generates the same variant from the same seed and index, and variants that parse', () => {
    const bases = [...tableInputs().inputs, ...exampleInputs()];
    for (const index of [0, 17, 404]) {
      const variant = generateVariant(bases, SEED, index);
      assert.ok(variant);
      assert.deepEqual(generateVariant(bases, SEED, index), variant);
      assert.equal(parseError(variant.fileName, variant.code), undefined, variant.code);
    }
    assert.notDeepEqual(
      generateVariant(bases, SEED, 1)?.code,
      generateVariant(bases, SEED + 1, 1)?.code,
    );
  });

  it('uses every transform in a run of variants', () => {
    const bases = [...tableInputs().inputs, ...exampleInputs()];
    const used = new Set(
      generateVariants(bases, SEED, 0, 300).flatMap((variant) => variant.variant.transforms),
    );
    assert.deepEqual(
      [...used].sort(),
      [...new Set([...TRANSFORMS, FINISHING_TRANSFORM].map((transform) => transform.name))].sort(),
    );
  });
});
