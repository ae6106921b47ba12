// Suggestions must compile where their input did: every case of the `no-blocking-in-async` table and every
// suggestion output in it is type-checked as its fixture file with the real TypeScript compiler.
import * as assert from 'node:assert/strict';

import { typeCheckFixtureProject, typeCheckFixtureTexts } from '../support/fixture-type-checker';
import { invalid, valid } from './no-blocking-in-async.cases';

interface Checked {
  name: string;
  fileName: string;
  text: string;
}

function failuresOf(entries: readonly Checked[]): Array<{ name: string; errors: string[] }> {
  const errors = typeCheckFixtureTexts(entries);
  return entries
    .map((entry, index) => ({ name: entry.name, errors: errors[index]! }))
    .filter((failure) => failure.errors.length > 0);
}

describe('no-blocking-in-async: the table compiles', function () {
  this.timeout(120_000);

  it('has fixture files that compile as they are on disk', () => {
    assert.deepEqual(typeCheckFixtureProject(), []);
  });

  it('has inputs that compile', () => {
    const inputs = [...valid, ...invalid].map((testCase) => ({
      name: testCase.name ?? testCase.code,
      fileName: testCase.filename ?? 'file.ts',
      text: testCase.code,
    }));
    assert.deepEqual(failuresOf(inputs), []);
  });

  it('has suggestion outputs that compile', () => {
    const outputs = invalid.flatMap((testCase) =>
      (testCase.errors ?? []).flatMap((error) =>
        (error.suggestions ?? []).map((suggestion) => ({
          name: `${testCase.name ?? testCase.code} → ${suggestion.messageId}`,
          fileName: testCase.filename ?? 'file.ts',
          text: suggestion.output,
        })),
      ),
    );
    assert.ok(outputs.length >= 40, `only ${outputs.length} suggestion outputs`);
    assert.deepEqual(failuresOf(outputs), []);
  });
});
