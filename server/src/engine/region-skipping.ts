// The rules' side of re-linting only part of a file (`region-reuse.ts` plans which parts): a copy of the plugin whose
// rules skip every node inside the regions `skippingRegions` names for one `Linter.verify`. Kept apart from the
// planning, which reads the import graph, so that the lint config can load it without an import cycle.
//
// A lint of the built-in configs also walks the syntax tree the lean way. ESLint's `SourceCode#traverse` lists a
// step for every node and runs code path analysis on the way; no Loopguard rule listens to code path events, and a
// node inside a skipped region reaches no rule. The lean traversal sets every node's `parent` as ESLint does, but lists
// only the nodes some rule can see, and no code path events: on an edit that keeps most of a 2,000-line file, that was
// a third of what the lint allocated. It replaces `traverse` on ESLint's `SourceCode` only inside `skippingRegions`
// with `lean` set, and only after its first result matched ESLint's own (else it stays off). A rule that listens to
// code path events turns it off for every later lint and throws: a rule crash, which the tests would show. Once off,
// `leanTraversalOff` says why, and the language server's log says it once.
import { SourceCode } from 'eslint';

/** A part of a file, by offsets: `[start, end)`. */
export interface RegionSpan {
  start: number;
  end: number;
}

// The regions the rules skip during one `Linter.verify` (the wrapped rules of `regionAwarePlugin` read it).
let skipped: readonly RegionSpan[] | undefined;
// Whether the current `Linter.verify` walks the tree the lean way (only Loopguard's rules run).
let leanNow = false;

/**
 * Runs `verify` with the rules skipping every node inside `regions` (offsets, in order); with `lean`, which only a
 * lint of Loopguard's own rules may ask for, ESLint lists only the nodes the rules can see.
 */
export function skippingRegions<T>(
  regions: readonly RegionSpan[] | undefined,
  verify: () => T,
  lean = false,
): T {
  const before = { skipped, leanNow };
  skipped = regions && regions.length > 0 ? regions : undefined;
  leanNow = lean && leanTraversal !== 'off';
  if (leanNow) installLeanTraversal();
  try {
    return verify();
  } finally {
    ({ skipped, leanNow } = before);
  }
}

/** `unchecked` until its first result is compared with ESLint's, then `on`, or `off` for good. */
let leanTraversal: 'unchecked' | 'on' | 'off' = 'unchecked';
/** Why it went off. */
let offBecause: string | undefined;

/** Whether lean traversal is on, off, or not yet checked against ESLint's own. */
export function leanTraversalState(): 'unchecked' | 'on' | 'off' {
  return leanTraversal;
}

/** Why lean traversal went off, once it has; else `undefined`. */
export function leanTraversalOff(): string | undefined {
  return offBecause;
}

function turnLeanTraversalOff(reason: string): void {
  leanTraversal = 'off';
  offBecause = reason;
}

interface TreeNode {
  type: string;
  range: [number, number];
  parent?: TreeNode | null;
}
interface Step {
  kind: number;
  phase?: number;
  target: unknown;
}
type StepClass = new (init: { target: TreeNode; phase: 1 | 2; args: [TreeNode] }) => Step;
type Traverse = (this: SourceCode) => readonly Step[];

let installed = false;
const leanSteps = new WeakMap<SourceCode, readonly Step[]>();

function installLeanTraversal(): void {
  if (installed) return;
  installed = true;
  const prototype = SourceCode.prototype as unknown as { traverse: Traverse };
  const eslintTraverse = prototype.traverse;
  prototype.traverse = function (this: SourceCode): readonly Step[] {
    if (!leanNow || leanTraversal === 'off' || !(this.ast as { type?: string }).type) {
      return eslintTraverse.call(this);
    }
    const known = leanSteps.get(this);
    if (known) return known;
    const regions = skipped ?? [];
    let steps: readonly Step[];
    if (leanTraversal === 'on') {
      steps = walk(this, regions, stepClass!);
    } else {
      // The first time: ESLint's own steps, whose node steps outside the regions the lean ones must equal.
      const full = eslintTraverse.call(this);
      const visitStep = full.find((step) => step.kind === 1);
      stepClass = visitStep?.constructor as StepClass | undefined;
      const lean = stepClass ? walk(this, regions, stepClass) : undefined;
      const expected = full.filter(
        (step) => step.kind === 1 && !isSkipped(regions, (step.target as TreeNode).range),
      );
      const same =
        lean !== undefined &&
        lean.length === expected.length &&
        lean.every(
          (step, index) =>
            step.target === expected[index]!.target && step.phase === expected[index]!.phase,
        );
      if (same) leanTraversal = 'on';
      else turnLeanTraversalOff("its steps differ from ESLint's own (another ESLint version?)");
      steps = same ? lean : full;
    }
    leanSteps.set(this, steps);
    return steps;
  };
}

let stepClass: StepClass | undefined;

/**
 * ESLint's walk (visitor keys, else every own key but `parent` holding a node), setting `parent` on every node, with
 * an enter and an exit step for each node not inside one of `regions`.
 */
function walk(sourceCode: SourceCode, regions: readonly RegionSpan[], Visit: StepClass): Step[] {
  const steps: Step[] = [];
  const keysOf = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const visit = (node: TreeNode, parent: TreeNode | null, inside: boolean): void => {
    node.parent = parent;
    const hidden = inside || isSkipped(regions, node.range);
    if (!hidden) steps.push(new Visit({ target: node, phase: 1, args: [node] }));
    const record = node as unknown as Record<string, unknown>;
    // Indexed loops: iterators here allocated a tenth of what a lint allocates.
    const keys = keysOf[node.type] ?? fallbackKeys(record);
    for (let k = 0; k < keys.length; k++) {
      const child = record[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) {
          const element: unknown = child[i];
          if (isNode(element)) visit(element, node, hidden);
        }
      } else if (isNode(child)) visit(child, node, hidden);
    }
    if (!hidden) steps.push(new Visit({ target: node, phase: 2, args: [node] }));
  };
  visit(sourceCode.ast, null, false);
  return steps;
}

function isNode(value: unknown): value is TreeNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as TreeNode).type === 'string'
  );
}

/** `eslint-visitor-keys`' fallback for a node type without keys: its own keys but `parent`, comments and `_`-keys. */
function fallbackKeys(node: Record<string, unknown>): string[] {
  return Object.keys(node).filter(
    (key) =>
      key !== 'parent' &&
      key !== 'leadingComments' &&
      key !== 'trailingComments' &&
      !key.startsWith('_'),
  );
}

/** Listener names of code path events, which the lean traversal does not produce. */
const CODE_PATH_LISTENER = /^on(Unreachable)?CodePath/;

/** The index of the span of `spans` (disjoint, in order) that holds `offset`, or -1. */
export function spanAt(spans: readonly RegionSpan[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (offset < span.start) high = middle - 1;
    else if (offset >= span.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

function isSkipped(regions: readonly RegionSpan[], range: readonly [number, number]): boolean {
  const index = spanAt(regions, range[0]);
  return index !== -1 && range[1] <= regions[index]!.end;
}

type Listener = (...args: unknown[]) => unknown;

interface RuleLike {
  create(context: unknown): Record<string, Listener | undefined>;
}

/** A copy of a plugin whose rules skip the nodes of the regions `skippingRegions` names. */
export function regionAwarePlugin<P extends { rules: Record<string, unknown> }>(plugin: P): P {
  const rules: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const original = rule as RuleLike;
    rules[name] = {
      ...original,
      create(context: unknown) {
        const listeners = original.create(context);
        if (leanNow && Object.keys(listeners).some((key) => CODE_PATH_LISTENER.test(key))) {
          turnLeanTraversalOff(`${name} listens to code path events`);
          throw new Error(
            `${name} listens to code path events, which the lean traversal does not produce; it is now off, lint again`,
          );
        }
        const regions = skipped;
        if (!regions) return listeners;
        const wrapped: Record<string, Listener> = {};
        for (const [selector, listener] of Object.entries(listeners)) {
          if (!listener) continue;
          wrapped[selector] = function (this: unknown, ...args: unknown[]) {
            const node = args.find(
              (arg): arg is { range: [number, number] } =>
                typeof arg === 'object' && arg !== null && 'type' in arg && 'range' in arg,
            );
            if (node && isSkipped(regions, node.range)) return undefined;
            return listener.apply(this, args);
          };
        }
        return wrapped;
      },
    };
  }
  return { ...plugin, rules };
}
