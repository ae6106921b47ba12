// The lint worker's first import: it chooses the TypeScript this thread lints with before anything loads TypeScript.
// A trusted workspace gets its first folder's TypeScript when that is in the supported range; an untrusted one, or a
// project outside the range, gets Loopguard's own copy (nothing from the workspace is loaded).
import { workerData } from 'node:worker_threads';

import { chooseTypeScript, useTypeScript } from '../../engine/typescript-choice';
import type { WorkerSetup } from '../worker-protocol';

const setup = workerData as WorkerSetup | undefined;

export const typescriptChoice = chooseTypeScript(setup?.folders[0], {
  trusted: setup !== undefined && !setup.untrusted,
});
useTypeScript(typescriptChoice);
