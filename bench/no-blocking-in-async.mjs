// Measures what `no-blocking-in-async` costs on a generated project whose async functions call chains of sync
// helpers across files: a full lint with each rule alone and with both, and re-linting one file against the same
// program (the language server between edits: the call graph is reused) and against a new one (after an edit).
// Run after `npm run build`:  node bench/no-blocking-in-async.mjs [files=300] [--project PATH] (see rule-cost.mjs)
import { measureRuleCost, parseArguments, projectFiles, writeProject } from './rule-cost.mjs';

const { fileCount, existing, root } = parseArguments('blocking');

/** File k: sync helpers calling file k-1's helpers (chains through many files), async functions calling them. */
function moduleText(k) {
  const previous =
    k === 0 ? '' : `import { helperA${k - 1}, helperB${k - 1} } from './m${k - 1}.js';\n`;
  const callPrevious = (name) =>
    k === 0 ? (name === 'A' ? "readFileSync('x', 'utf8')" : "'pure'") : `helper${name}${k - 1}()`;
  return `import { readFileSync } from 'node:fs';
${previous}
export function helperA${k}(): string {
  return ${callPrevious('A')}.trim();
}

export function helperB${k}(): string {
  return [1, 2, 3].map((n) => String(n * 2)).join(${callPrevious('B')});
}

export function format${k}(values: number[]): string {
  return values.filter((value) => value > 0).map((value) => value.toFixed(2)).join(', ');
}

export async function handlerA${k}(values: number[]): Promise<string> {
  const label = format${k}(values);
  return label + helperA${k}();
}

export async function handlerB${k}(values: number[]): Promise<string> {
  await Promise.resolve();
  return format${k}(values) + helperB${k}();
}

export async function handlerC${k}(file: string): Promise<string> {
  return readFileSync(file, 'utf8');
}
`;
}

const files = existing ? projectFiles(root) : writeProject(root, fileCount, moduleText);
measureRuleCost({
  ruleId: 'no-blocking-in-async',
  root,
  files,
  label: existing ?? 'generated project',
});
