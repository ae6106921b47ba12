// Every Loopguard rule by id. `test/docs.test.ts` checks that this list, the rule files, the docs and the README agree.
import noBlockingInAsync from './no-blocking-in-async';
import noFloatingPromises from './no-floating-promises';

export const rules = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-floating-promises': noFloatingPromises,
};

export type RuleId = keyof typeof rules;
