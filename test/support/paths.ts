// Where things are, for tests that run from the compiled test/dist folder.
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const CLI_BIN = path.join(REPO_ROOT, 'server', 'bin', 'loopguard.js');
