// A footprint: what a piece of code reads and changes (access paths such as `this.cache`), whose methods it calls, and
// which resources outside the process it uses; and why two footprints cannot run at the same time.
import type * as ts from 'typescript';

/** What a path starts at: a binding (a variable, a parameter, a class), or the `this` of the code analysed. */
export type Root = ts.Symbol | 'this';

/** `this.cache` is `{ root: 'this', properties: ['cache'] }`; a computed member ends the path (`a[k].b` is `a`). */
export interface AccessPath {
  root: Root;
  properties: readonly string[];
}

export interface Access {
  path: AccessPath;
  /** Assigned, updated, deleted, passed as a mutable object, or the receiver of a method that may change it. */
  change: boolean;
}

/** `unknown`: whatever code the analysis cannot read reaches, judged read or write by the function's name. */
export type Resource = 'file-system' | 'process' | 'network' | 'database' | 'time' | 'unknown';
export type ResourceUse = 'read' | 'write';

export interface Footprint {
  /** Shared state the code reads or changes: bindings and objects declared outside it, and its `this`. */
  accesses: readonly Access[];
  /** The objects whose methods the code itself calls (`db` in `await db.insert(row)`). */
  receivers: readonly AccessPath[];
  resources: ReadonlyMap<Resource, ResourceUse>;
}

/** Why two pieces of code cannot run at the same time without one seeing the other's effects, or none. */
export type Conflict =
  | { kind: 'same-receiver'; path: AccessPath }
  | { kind: 'shared-state'; path: AccessPath }
  | { kind: 'resource'; resource: Resource };

export function conflictBetween(a: Footprint, b: Footprint): Conflict | undefined {
  for (const receiver of a.receivers) {
    const same = b.receivers.find((other) => samePath(receiver, other));
    if (same) return { kind: 'same-receiver', path: receiver };
  }
  const shared = changedAndTouched(a, b) ?? changedAndTouched(b, a);
  if (shared) return { kind: 'shared-state', path: shared };
  for (const [resource, use] of a.resources) {
    if (resource === 'time') continue;
    const other = b.resources.get(resource);
    if (other && (use === 'write' || other === 'write')) return { kind: 'resource', resource };
  }
  return undefined;
}

/**
 * Why one piece of code cannot run concurrently with itself (the turns of a loop): it changes shared state, calls a
 * method of a shared object (each turn the same receiver), or writes to a resource outside the process.
 */
export function selfConflictOf(
  footprint: Footprint,
  ignore: (path: AccessPath) => boolean = () => false,
): Conflict | undefined {
  const receiver = footprint.receivers.find((path) => !ignore(path));
  if (receiver) return { kind: 'same-receiver', path: receiver };
  const change = footprint.accesses.find((access) => access.change && !ignore(access.path));
  if (change) return { kind: 'shared-state', path: change.path };
  for (const [resource, use] of footprint.resources) {
    if (resource !== 'time' && use === 'write') return { kind: 'resource', resource };
  }
  return undefined;
}

/** The resource outside the process the code writes to (a file, the network, a database, a process), if any. */
export function writtenResource(footprint: Footprint): Resource | undefined {
  for (const [resource, use] of footprint.resources)
    if (resource !== 'time' && use === 'write') return resource;
  return undefined;
}

/** True when the code waits on a timer and reaches nothing else outside the process: a delay on purpose. */
export function isDelay(footprint: Footprint): boolean {
  if (!footprint.resources.has('time')) return false;
  for (const [resource, use] of footprint.resources)
    if (resource !== 'time' && !(resource === 'unknown' && use === 'read')) return false;
  return true;
}

function changedAndTouched(changer: Footprint, other: Footprint): AccessPath | undefined {
  for (const access of changer.accesses) {
    if (!access.change) continue;
    if (other.accesses.some((candidate) => overlaps(access.path, candidate.path)))
      return access.path;
  }
  return undefined;
}

/** Same root, and one path is a prefix of the other: changing `a.b` changes what `a` and `a.b.c` see. */
export function overlaps(a: AccessPath, b: AccessPath): boolean {
  if (a.root !== b.root) return false;
  const length = Math.min(a.properties.length, b.properties.length);
  for (let index = 0; index < length; index++)
    if (a.properties[index] !== b.properties[index]) return false;
  return true;
}

export function samePath(a: AccessPath, b: AccessPath): boolean {
  return a.root === b.root && a.properties.length === b.properties.length && overlaps(a, b);
}

/** `this.cache` as text, for messages. */
export function pathText(path: AccessPath): string {
  const root = path.root === 'this' ? 'this' : path.root.getName();
  return [root, ...path.properties].join('.');
}

/** `path` of a function's `this`, as seen from a call whose receiver is `receiver`. */
export function rebase(
  path: AccessPath,
  receiver: AccessPath | 'private' | undefined,
): AccessPath | undefined {
  if (receiver === undefined || receiver === 'private') return undefined;
  return { root: receiver.root, properties: [...receiver.properties, ...path.properties] };
}

/** Records a use of a resource; a write outweighs a read. */
export function addResource(
  resources: Map<Resource, ResourceUse>,
  resource: Resource,
  use: ResourceUse,
): void {
  if (resources.get(resource) !== 'write') resources.set(resource, use);
}
