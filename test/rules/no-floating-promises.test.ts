// The test table of `no-floating-promises` (in no-floating-promises.cases.ts): every case runs with type information
// from test/fixtures/typed, next to typescript-eslint's plugin (whose disable comments the rule honours).
import { rules } from 'eslint-plugin-loopguard';

import { createTypedRuleTester } from '../support/rule-tester';
import { invalid, valid } from './no-floating-promises.cases';

const ruleTester = createTypedRuleTester({ withTypescriptEslint: true });

ruleTester.run('no-floating-promises', rules['no-floating-promises'], { valid, invalid });
