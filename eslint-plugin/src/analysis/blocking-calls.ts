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
 * `fs` calls that cost one system call whatever the data: reading or setting a path's metadata, answered from the
 * kernel's caches on a local disk, and opening, closing, renaming or unlinking one entry. Reads, writes, copies,
 * recursive removals and listings are absent: their cost grows with the data.
 */
const FS_ONE_SYSTEM_CALL: ReadonlySet<string> = new Set([
  'existsSync',
  'accessSync',
  'statSync',
  'lstatSync',
  'fstatSync',
  'statfsSync',
  'realpathSync',
  'readlinkSync',
  'mkdirSync',
  'mkdtempSync',
  'chmodSync',
  'utimesSync',
  'openSync',
  'closeSync',
  'unlinkSync',
  'renameSync',
]);

/** Writes whose cost is the data's: constant when the data is a string written in the source. */
const FS_WRITES = new Set(['writeFileSync', 'appendFileSync']);

/**
 * True for a file-system call whose cost does not grow with any input: a metadata call (`existsSync`, `statSync`,
 * `mkdirSync`, …), opening, closing, renaming or unlinking one entry, or writing a string literal
 * (`writeFileSync(marker, '')`).
 */
export function isConstantCostCall(
  call: BlockingCall,
  node: ts.CallExpression | ts.NewExpression,
): boolean {
  if (call.family !== 'fs') return false;
  if (FS_ONE_SYSTEM_CALL.has(call.name)) return true;
  const data = node.arguments?.[1];
  return (
    FS_WRITES.has(call.name) &&
    data !== undefined &&
    (ts.isStringLiteral(data) || ts.isNoSubstitutionTemplateLiteral(data))
  );
}

/** `readFileSync` → `readFile`: the async namesake of a sync function. */
export function withoutSync(name: string): string {
  return name.endsWith('Sync') ? name.slice(0, -'Sync'.length) : name;
}
