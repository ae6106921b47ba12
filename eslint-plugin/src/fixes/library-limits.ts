// A limit for a library's fan-out that has a limited form: p-map's `concurrency` option (added, or replacing
// `Infinity`), and async's `…Limit` function in place of the one called (`async.map` → `async.mapLimit`).
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';

import type { FanOut } from '../analysis/fan-out';
import { ImportPlan } from './imports';

/** `pMap(items, task, { concurrency: N })`. */
export function concurrencyOptionFix(
  fanOut: Extract<FanOut, { kind: 'p-map' }>,
  concurrency: number,
): TSESLint.ReportFixFunction {
  return (fixer) => {
    const option = `concurrency: ${concurrency}`;
    if (!fanOut.options) {
      const last = fanOut.call.arguments.at(-1)!;
      return fixer.insertTextAfter(last, `, { ${option} }`);
    }
    const infinite = fanOut.options.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === 'concurrency',
    );
    if (infinite) return fixer.replaceText(infinite.value, String(concurrency));
    const [first] = fanOut.options.properties;
    return first
      ? fixer.insertTextBefore(first, `${option}, `)
      : fixer.replaceText(fanOut.options, `{ ${option} }`);
  };
}

/** `async.mapLimit(items, N, task)` for `async.map(items, task)`, importing the limited export when needed. */
export function limitedVariantFix(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  services: ParserServicesWithTypeInformation,
  fanOut: Extract<FanOut, { kind: 'async' }>,
  concurrency: number,
): TSESLint.ReportFixFunction | undefined {
  const callee = fanOut.call.callee;
  const [, task] = fanOut.call.arguments;
  if (!task) return undefined;
  return (fixer) => {
    const insertLimit = fixer.insertTextBefore(task, `${concurrency}, `);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
      return [fixer.replaceText(callee.property, fanOut.limited), insertLimit];
    }
    if (callee.type !== AST_NODE_TYPES.Identifier) return [];
    const imports = new ImportPlan(context, services, fanOut.call);
    // Dropped first, so that the new name can take the old one's place in the import.
    imports.dropBindingIfOnlyUsedIn(callee, callee);
    const limited = imports.named('async', fanOut.limited);
    return imports.fixes(fixer, [
      { range: callee.range, text: limited },
      { range: [task.range[0], task.range[0]], text: `${concurrency}, ` },
    ]);
  };
}
