// Measures what `no-unbounded-concurrency` costs on a generated project whose fan-outs reach `fetch` through chains
// of helpers across files (and some that stay in memory, or are bounded): a full lint with `no-floating-promises`
// alone (the baseline every typed rule pays: parsing and the program), the rule alone, and both; then re-linting
// one file against the same program (the call graph and its answers reused) and against a new one (after an edit).
// Run after `npm run build`:  node bench/no-unbounded-concurrency.mjs [files=300] [--project PATH] (see rule-cost.mjs)
import { measureRuleCost, parseArguments, projectFiles, writeProject } from './rule-cost.mjs';

const { fileCount, existing, root } = parseArguments('fan-out');

/** File k: a helper calling file k-1's (a chain through every file down to `fetch`), and four kinds of fan-out. */
function moduleText(k) {
  const previous = k === 0 ? '' : `import { getJson${k - 1} } from './m${k - 1}.js';\n`;
  const call = k === 0 ? 'fetch(url).then((response) => response.json())' : `getJson${k - 1}(url)`;
  return `${previous}
export async function getJson${k}(url: string): Promise<unknown> {
  return ${call};
}

export function double${k}(value: number): Promise<number> {
  return Promise.resolve(value * 2);
}

export async function loadAll${k}(urls: string[]): Promise<unknown[]> {
  return Promise.all(urls.map(getJson${k}));
}

export async function doubleAll${k}(values: number[]): Promise<number[]> {
  return Promise.all(values.map(double${k}));
}

export async function loadBatches${k}(urls: string[]): Promise<void> {
  for (let i = 0; i < urls.length; i += 8) {
    await Promise.all(urls.slice(i, i + 8).map((url) => getJson${k}(url)));
  }
}

export async function loadPushed${k}(urls: string[]): Promise<unknown[]> {
  const tasks: Promise<unknown>[] = [];
  for (const url of urls) tasks.push(getJson${k}(url));
  return Promise.all(tasks);
}
`;
}

const files = existing ? projectFiles(root) : writeProject(root, fileCount, moduleText);
measureRuleCost({
  ruleId: 'no-unbounded-concurrency',
  root,
  files,
  label: existing ?? 'generated project',
});
