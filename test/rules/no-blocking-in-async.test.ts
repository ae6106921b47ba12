// The test table of `no-blocking-in-async` (in no-blocking-in-async.cases.ts): every case runs with type information
// from test/fixtures/typed.
import { rules } from 'eslint-plugin-loopguard';

import { createTypedRuleTester } from '../support/rule-tester';
import { invalid, valid } from './no-blocking-in-async.cases';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-blocking-in-async', rules['no-blocking-in-async'], { valid, invalid });
