// Temporary projects on disk for CLI and engine tests, removed after each test file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from './paths';

const created: string[] = [];

/** Writes `files` (relative path → content) into a fresh folder and returns its path. */
export function createTempProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'loopguard-test-'));
  created.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return root;
}

export function removeTempProjects(): void {
  for (const root of created.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** A tsconfig for temp projects: modern, strict, ES modules. */
export const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
});

/** The same, with Node's types from this repository, for projects that import Node's modules (`node:fs`). */
export const TSCONFIG_WITH_NODE = JSON.stringify({
  compilerOptions: {
    ...(JSON.parse(TSCONFIG) as { compilerOptions: object }).compilerOptions,
    types: ['node'],
    typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
  },
});
