// The catalogue of calls that block the event loop, matched by resolved declaration (see `resolve-callee.ts`),
// plus the calls a user adds and the ones a user allows.
import { normalizeModule } from '../util/module-specifiers';
import type { ResolvedCallee } from './resolve-callee';

export type BlockingFamily = 'fs' | 'child_process' | 'zlib' | 'crypto' | 'atomics' | 'configured';

export interface BlockingCall {
  family: BlockingFamily;
  /** The declared name (`readFileSync`, `wait` for `Atomics.wait`). */
  name: string;
  /** The name messages use: `readFileSync`, `Atomics.wait`, `realpathSync.native`. */
  displayName: string;
  /** The module it comes from, without `node:` (`fs`); `undefined` for `Atomics.wait`. */
  module: string | undefined;
  /** For a configured call, the async function of the same module to use instead. */
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
  const user = configured.find(
    (entry) => normalizeModule(entry.module) === module && entry.name === name,
  );
  if (user) {
    return {
      family: 'configured',
      name,
      displayName: name,
      module,
      ...(user.replacement ? { replacement: user.replacement } : {}),
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
 * `fs` calls that read or set a path's metadata: one system call each, answered from the kernel's caches on a local
 * disk, unlike reads, writes, copies and listings, whose cost grows with the data.
 */
const FS_METADATA_CALLS: ReadonlySet<string> = new Set([
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
]);

/** True for a call that reads or sets file-system metadata (`existsSync`, `statSync`, `mkdirSync`, …). */
export function isMetadataCall(call: BlockingCall): boolean {
  return call.family === 'fs' && FS_METADATA_CALLS.has(call.name);
}

/** `readFileSync` → `readFile`: the async namesake of a sync function. */
export function withoutSync(name: string): string {
  return name.endsWith('Sync') ? name.slice(0, -'Sync'.length) : name;
}
