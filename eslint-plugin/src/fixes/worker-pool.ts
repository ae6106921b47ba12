// The dependency-free bounded map the rewrites add to a file: `mapWithConcurrency(items, task)`, a pool of N workers
// that each take the next item until none is left, resolving to the results in the items' order.

/** The helper's name, and the prefix by which a helper added before is found again. */
export const HELPER_NAME = 'mapWithConcurrency';

/** The worker pool the dependency-free rewrite calls: N workers take the next item until none is left. */
export function helperSource(
  name: string,
  concurrency: number,
  typescript: boolean,
  semicolon: string,
): string {
  const s = semicolon;
  const signature = typescript
    ? `async function ${name}<T, R>(items: readonly T[], task: (item: T, index: number) => R): Promise<Awaited<R>[]> {`
    : `async function ${name}(items, task) {`;
  const results = typescript ? `const results: Awaited<R>[] = []${s}` : `const results = []${s}`;
  const item = typescript ? 'items[index] as T' : 'items[index]';
  const worker = typescript
    ? 'async function worker(): Promise<void> {'
    : 'async function worker() {';
  const jsdoc = typescript
    ? []
    : [
        ' * @template T, R',
        ' * @param {readonly T[]} items',
        ' * @param {(item: T, index: number) => R} task',
        ' * @returns {Promise<Awaited<R>[]>}',
      ];
  return [
    '/**',
    ` * Runs \`task\` for each item, at most ${concurrency} at a time, and resolves to the results in the items' order, like`,
    ' * `Promise.all(items.map(task))` without starting every task at once. After a task fails, no new one starts.',
    ...jsdoc,
    ' */',
    signature,
    `  ${results}`,
    `  let next = 0${s}`,
    `  ${worker}`,
    '    while (next < items.length) {',
    `      const index = next++${s}`,
    '      try {',
    `        results[index] = await task(${item}, index)${s}`,
    '      } catch (error) {',
    `        next = items.length${s}`,
    `        throw error${s}`,
    '      }',
    '    }',
    '  }',
    `  await Promise.all(Array.from({ length: Math.min(${concurrency}, items.length) }, worker))${s}`,
    `  return results${s}`,
    '}',
  ].join('\n');
}

/**
 * The text of a shared module holding the helper (the `helperModule` option of `no-unbounded-concurrency`), exported
 * for the files whose rewrites import it: TypeScript or JavaScript with JSDoc types by the module's extension.
 */
export function helperModuleSource(fileName: string, concurrency: number): string {
  const typescript = !/\.[cm]?jsx?$/.test(fileName);
  return [
    '// The bounded map that `loopguard lint --fix-unsafe` rewrites unbounded fan-out to (no-unbounded-concurrency).',
    '',
    helperSource(HELPER_NAME, concurrency, typescript, ';').replace(
      /^async function/m,
      'export async function',
    ),
    '',
  ].join('\n');
}
