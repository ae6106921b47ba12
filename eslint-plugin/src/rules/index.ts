// Every Loopguard rule by id. `test/docs.test.ts` checks that this list, the rule files, the docs and the README agree.
import noBlockingInAsync from './no-blocking-in-async';
import noFloatingPromises from './no-floating-promises';
import noUnboundedConcurrency from './no-unbounded-concurrency';
import noUnhandledTaskRejection from './no-unhandled-task-rejection';
import preferConcurrentAwaits from './prefer-concurrent-awaits';
import requireTimeout from './require-timeout';

export const rules = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-floating-promises': noFloatingPromises,
  'no-unbounded-concurrency': noUnboundedConcurrency,
  'no-unhandled-task-rejection': noUnhandledTaskRejection,
  'prefer-concurrent-awaits': preferConcurrentAwaits,
  'require-timeout': requireTimeout,
};

export type RuleId = keyof typeof rules;

/** Each rule's options tuple, by rule id (for typed configs and rule tests). */
export type RuleOptions = { [Id in RuleId]: NonNullable<(typeof rules)[Id]['defaultOptions']> };

/** Each rule's message ids, by rule id. */
export type RuleMessageIds = { [Id in RuleId]: keyof (typeof rules)[Id]['meta']['messages'] };
