// Measures what `prefer-concurrent-awaits` costs: a full lint with `no-floating-promises` alone (the baseline every
// typed rule pays: parsing and the program), the rule alone, and both, in interleaved rounds (wall and CPU time);
// then re-linting one file against the same program (function summaries reused) and after an edit (a new program).
// By default on a generated project whose awaits reach `fetch` through helpers in other files, with classes whose
// methods touch fields of `this`, loops with and without carried state, and dependent and independent awaits in a
// row; with `--project PATH`, on an existing project (such as one `npm run bench` generated into bench/projects/).
// Run after `npm run build`:  node bench/prefer-concurrent-awaits.mjs [files=300] [--project PATH]
import { measureRuleCost, parseArguments, projectFiles, writeProject } from './rule-cost.mjs';

const { fileCount, existing, root } = parseArguments('concurrent-awaits');

/** File k: a request helper calling file k-1's (a chain down to `fetch`), a store class, and the await patterns. */
function moduleText(k) {
  const previous = k === 0 ? '' : `import { getJson${k - 1} } from './m${k - 1}.js';\n`;
  const call =
    k === 0
      ? 'fetch(url, { signal: AbortSignal.timeout(5000) }).then((response) => response.json())'
      : `getJson${k - 1}(url)`;
  return `${previous}
export async function getJson${k}(url: string): Promise<unknown> {
  return ${call};
}

export async function postJson${k}(url: string, body: unknown): Promise<void> {
  await fetch(url, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
}

let requests${k} = 0;

export class Store${k} {
  private readonly cache = new Map<string, unknown>();

  async get(id: string): Promise<unknown> {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    requests${k}++;
    const value = await getJson${k}(\`/items/\${id}\`);
    this.cache.set(id, value);
    return value;
  }
}

export class Page${k} {
  constructor(private readonly users: Store${k}, private readonly orders: Store${k}) {}

  async overview(id: string): Promise<unknown[]> {
    const user = await this.users.get(id);
    const orders = await this.orders.get(id);
    return [user, orders];
  }

  async same(id: string): Promise<unknown[]> {
    const first = await this.users.get(id);
    const second = await this.users.get(\`\${id}-2\`);
    return [first, second];
  }
}

export async function page${k}(id: string): Promise<unknown[]> {
  const user = await getJson${k}(\`/users/\${id}\`);
  const orders = await getJson${k}(\`/users/\${id}/orders\`);
  const recommendations = await getJson${k}(\`/users/\${id}/recommendations\`);
  return [user, orders, recommendations];
}

export async function dependent${k}(id: string): Promise<unknown> {
  const user = (await getJson${k}(\`/users/\${id}\`)) as { teamId: string };
  const team = await getJson${k}(\`/teams/\${user.teamId}\`);
  return team;
}

export async function save${k}(id: string, body: unknown): Promise<void> {
  await postJson${k}(\`/items/\${id}\`, body);
  await getJson${k}(\`/items/\${id}\`);
}

export async function all${k}(ids: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const id of ids) {
    results.push(await getJson${k}(\`/items/\${id}\`));
  }
  return results;
}

export async function count${k}(ids: string[]): Promise<number> {
  let total = 0;
  for (const id of ids) {
    total += ((await getJson${k}(\`/items/\${id}\`)) as unknown[]).length;
  }
  return total + requests${k};
}
`;
}

const files = existing ? projectFiles(root) : writeProject(root, fileCount, moduleText);
measureRuleCost({
  ruleId: 'prefer-concurrent-awaits',
  root,
  files,
  label: existing ?? 'generated project',
});
