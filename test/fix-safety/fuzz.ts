// `npm run fuzz -- --count N --seed S [--start I] [--batch B] [--no-minimise]`: the fix-safety check of
// `npm test` on as many generated variants as asked, in batches (memory stays bounded). Each distinct failure is
// printed with the command that regenerates its variant (seed and index), minimised to the lines that still fail.
import { parseArgs } from 'node:util';

import { checkFixSafety, type SafetyFailure, SingleInputChecker } from './check';
import { exampleInputs, tableInputs } from './corpus';
import { generateVariants } from './generate';
import { minimiseLines } from './minimise';
import { parseError } from './syntax';

const USAGE = 'Usage: npm run fuzz -- --count N --seed S [--start I] [--batch B] [--no-minimise]';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string', default: '2000' },
        seed: { type: 'string', default: String(Date.now() % 1_000_000) },
        start: { type: 'string', default: '0' },
        batch: { type: 'string', default: '1000' },
        'no-minimise': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [count, seed, start, batch] = [values.count, values.seed, values.start, values.batch].map(
    Number,
  ) as [number, number, number, number];
  if (
    ![count, seed, start, batch].every((value) => Number.isInteger(value) && value >= 0) ||
    batch === 0
  ) {
    process.stderr.write(`--count, --seed, --start and --batch take whole numbers.\n${USAGE}\n`);
    return 2;
  }

  const { inputs: tables, missing } = tableInputs();
  if (missing.length > 0)
    process.stdout.write(`No test table (test/rules/<id>.cases.ts) for: ${missing.join(', ')}\n`);
  const bases = [...tables, ...exampleInputs()];
  process.stdout.write(
    `Fuzzing fixes: seed ${seed}, variants ${start} to ${start + count - 1}, from ${bases.length} table cases and examples.\n`,
  );

  const failures: SafetyFailure[] = [];
  const totals = { variants: 0, single: 0, runs: 0, typeChecked: 0, droppedComments: 0 };
  for (let from = start; from < start + count; from += batch) {
    const size = Math.min(batch, start + count - from);
    const began = Date.now();
    const variants = generateVariants(bases, seed, from, size);
    const report = checkFixSafety(variants);
    totals.variants += variants.length;
    totals.single += report.singleApplications;
    totals.runs += report.fixRuns;
    totals.typeChecked += report.typeCheckedInputs;
    totals.droppedComments += report.suggestionsDroppingComments.length;
    failures.push(...report.failures);
    const seconds = ((Date.now() - began) / 1000).toFixed(0);
    process.stdout.write(
      `variants ${from}–${from + size - 1}: ${report.singleApplications} fixes and suggestions applied alone, ${report.fixRuns} --fix/--fix-unsafe runs (each run twice), ${report.failures.length} failures (${seconds} s)\n`,
    );
  }

  process.stdout.write(
    `\n${totals.variants} variants (${totals.typeChecked} type-check), ${totals.single} fixes and suggestions applied alone, ${totals.runs} whole-file fix runs, ${totals.droppedComments} suggestions that drop a comment (allowed), ${failures.length} failures.\n`,
  );
  const distinct = new Map<string, SafetyFailure>();
  for (const failure of failures) {
    const key = `${failure.kind} ${failure.what} ${failure.input.variant?.base ?? failure.input.label}`;
    if (!distinct.has(key)) distinct.set(key, failure);
  }
  let number = 0;
  for (const failure of distinct.values()) {
    number++;
    process.stdout.write(
      `\n=== ${number}. ${failure.kind}: ${failure.what}\n${describeOrigin(failure)}\n${failure.details}\n`,
    );
    const code = values['no-minimise'] ? failure.input.code : minimise(failure);
    const lines = (text: string): number => text.split('\n').length;
    const header =
      code === failure.input.code
        ? 'input'
        : `input, minimised from ${lines(failure.input.code)} to ${lines(code)} lines`;
    process.stdout.write(
      `--- ${header} (${failure.input.fileName})\n${code}\n--- output of the original input\n${failure.output ?? '(none)'}\n`,
    );
  }
  return failures.length > 0 ? 1 : 0;
}

function describeOrigin(failure: SafetyFailure): string {
  const variant = failure.input.variant;
  if (!variant) return failure.input.label;
  return `variant ${variant.index} of seed ${variant.seed}: ${variant.base}, with ${variant.transforms.join(', ')}\nreproduce: npm run fuzz -- --seed ${variant.seed} --start ${variant.index} --count 1`;
}

/** The input with as many lines removed as possible while the same failure (kind and fix) remains. */
function minimise(failure: SafetyFailure): string {
  const checker = new SingleInputChecker(failure.input);
  try {
    const sameFailure = (code: string): boolean =>
      parseError(failure.input.fileName, code) === undefined &&
      checker
        .failures(code)
        .some((other) => other.kind === failure.kind && other.what === failure.what);
    if (!sameFailure(failure.input.code)) return failure.input.code;
    return minimiseLines(failure.input.code, sameFailure);
  } finally {
    checker.dispose();
  }
}

process.exitCode = main();
