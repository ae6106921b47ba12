// The catalogue of calls that block the event loop, matched by resolved declaration (see `resolve-callee.ts`),
// plus the calls a user adds and the ones a user allows.
import ts from 'typescript';

import { normalizeModule } from '../util/module-specifiers';
import type { ResolvedCallee } from './resolve-callee';

/** `package`: a function of a package, from the built-in list below or the user's `blockingCalls`. */
export type BlockingFamily = 'fs' | 'child_process' | 'zlib' | 'crypto' | 'atomics' | 'package';

export interface BlockingCall {
  family: BlockingFamily;
  /** The declared name (`readFileSync`, `wait` for `Atomics.wait`). */
  name: string;
  /** The name messages use: `readFileSync`, `Atomics.wait`, `realpathSync.native`. */
  displayName: string;
  /** The module it comes from, without `node:` (`fs`); `undefined` for `Atomics.wait`. */
  module: string | undefined;
  /** For a package's call, the async function of the same module to use instead. */
  replacement?: string;
}

/** A blocking call a user adds: `{ module: 'bcrypt', name: 'hashSync', replacement: 'hash' }`. */
export interface ConfiguredBlockingCall {
  module: string;
  name: string;
  replacement?: string;
}

/** A call a user allows: a name (`existsSync`, or a project helper's name), or a name in one module. */
export type AllowedCall = string | { module: string; name: string };

const CHILD_PROCESS_BLOCKING = new Set(['execSync', 'execFileSync', 'spawnSync']);

/** Key derivation, prime generation and key generation cost milliseconds to seconds of CPU each. */
const CRYPTO_BLOCKING = new Set([
  'pbkdf2Sync',
  'scryptSync',
  'randomFillSync',
  'generateKeyPairSync',
  'generatePrimeSync',
  'checkPrimeSync',
]);

/**
 * Blocking functions of packages, matched as `blockingCalls` entries are (a user's entry for the same function
 * wins). bcrypt's cost factor makes each hash or comparison take tens to hundreds of milliseconds of CPU by design;
 * both packages have promise forms taking the same arguments.
 */
const PACKAGE_BLOCKING: readonly ConfiguredBlockingCall[] = [
  { module: 'bcrypt', name: 'hashSync', replacement: 'hash' },
  { module: 'bcrypt', name: 'compareSync', replacement: 'compare' },
  { module: 'bcryptjs', name: 'hashSync', replacement: 'hash' },
  { module: 'bcryptjs', name: 'compareSync', replacement: 'compare' },
];

/** What blocking call `callee` is, or `undefined` when it is none (or is allowed). */
export function matchBlockingCall(
  callee: ResolvedCallee,
  configured: readonly ConfiguredBlockingCall[],
  allowed: readonly AllowedCall[],
): BlockingCall | undefined {
  if (isAllowedCall(callee, allowed)) return undefined;
  const { name, module } = callee;
  if (callee.origin === 'global') {
    const isWait = callee.container === 'Atomics' && name === 'wait';
    return isWait
      ? { family: 'atomics', name, displayName: 'Atomics.wait', module: undefined }
      : undefined;
  }
  if (callee.origin !== 'module' || module === undefined) return undefined;
  const entry = [...configured, ...PACKAGE_BLOCKING].find(
    (candidate) => normalizeModule(candidate.module) === module && candidate.name === name,
  );
  if (entry) {
    return {
      family: 'package',
      name,
      displayName: name,
      module,
      ...(entry.replacement ? { replacement: entry.replacement } : {}),
    };
  }
  // `realpathSync.native` has the promise form of `realpathSync` (`realpath`), so it goes by that name.
  if (module === 'fs' && callee.container === 'realpathSync')
    return { family: 'fs', name: 'realpathSync', displayName: `realpathSync.${name}`, module };
  if (module === 'fs' && name.endsWith('Sync'))
    return { family: 'fs', name, displayName: name, module };
  if (module === 'zlib' && name.endsWith('Sync'))
    return { family: 'zlib', name, displayName: name, module };
  if (module === 'child_process' && CHILD_PROCESS_BLOCKING.has(name))
    return { family: 'child_process', name, displayName: name, module };
  if (module === 'crypto' && CRYPTO_BLOCKING.has(name))
    return { family: 'crypto', name, displayName: name, module };
  return undefined;
}

/** True when the user allowed calls to `callee`, by name or by module and name. */
export function isAllowedCall(callee: ResolvedCallee, allowed: readonly AllowedCall[]): boolean {
  return allowed.some((entry) =>
    typeof entry === 'string'
      ? entry === callee.name
      : entry.name === callee.name &&
        callee.module !== undefined &&
        normalizeModule(entry.module) === callee.module,
  );
}

/**
 * `fs` functions whose `fs/promises` namesake (without `Sync`) takes the same arguments and resolves to the value
 * the sync one returns. The descriptor-based ones (`readSync`, `fstatSync`, …) are absent: their promise forms
 * live on `FileHandle` and take no numeric descriptor.
 */
export const FS_PROMISE_FORMS: ReadonlySet<string> = new Set([
  'access',
  'appendFile',
  'chmod',
  'chown',
  'copyFile',
  'cp',
  'lchown',
  'link',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'opendir',
  'readFile',
  'readdir',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'statfs',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
  'writeFile',
]);

/**
 * `fs` calls that walk a tree when their options say `recursive: true`, with the index of those options: their
 * cost then grows with everything under the path.
 */
const FS_RECURSIVE_OPTIONS: ReadonlyMap<string, number> = new Map([
  ['cpSync', 2],
  ['rmSync', 1],
  ['rmdirSync', 1],
  ['readdirSync', 1],
  ['opendirSync', 1],
]);

/**
 * True for a file-system call that touches one entry: a metadata call (`existsSync`, `statSync`, `mkdirSync`, …),
 * opening, closing, renaming or unlinking one entry, reading or writing one file, listing one folder. Not a call
 * that walks a tree (`rmSync(dir, { recursive: true })`, `cpSync`, a recursive listing, `globSync`): its cost
 * grows with everything under the path, however often it runs.
 */
export function isOneEntryCall(
  call: BlockingCall,
  node: ts.CallExpression | ts.NewExpression,
): boolean {
  if (call.family !== 'fs' || call.name === 'globSync') return false;
  const index = FS_RECURSIVE_OPTIONS.get(call.name);
  const options = index === undefined ? undefined : node.arguments?.[index];
  return !(options && mayBeRecursive(options));
}

/** `{ recursive: true }`, or options the source does not spell out (a variable may say `recursive`). */
function mayBeRecursive(argument: ts.Expression): boolean {
  if (ts.isStringLiteralLike(argument) || ts.isNumericLiteral(argument)) return false;
  if (!ts.isObjectLiteralExpression(argument)) return true;
  return argument.properties.some(
    (property) =>
      (ts.isShorthandPropertyAssignment(property) && property.name.text === 'recursive') ||
      (ts.isPropertyAssignment(property) &&
        ts.isIdentifier(property.name) &&
        property.name.text === 'recursive' &&
        property.initializer.kind !== ts.SyntaxKind.FalseKeyword) ||
      ts.isSpreadAssignment(property),
  );
}

/** `readFileSync` → `readFile`: the async namesake of a sync function. */
export function withoutSync(name: string): string {
  return name.endsWith('Sync') ? name.slice(0, -'Sync'.length) : name;
}
