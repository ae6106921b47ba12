// The rules' side of re-linting only part of a file (`region-reuse.ts` plans which parts): a copy of the plugin whose
// rules skip every node inside the regions `skippingRegions` names for one `Linter.verify`. Kept apart from the
// planning, which reads the import graph, so that the lint config can load it without an import cycle.

/** A part of a file, by offsets: `[start, end)`. */
export interface RegionSpan {
  start: number;
  end: number;
}

// The regions the rules skip during one `Linter.verify` (the wrapped rules of `regionAwarePlugin` read it).
let skipped: readonly RegionSpan[] | undefined;

/** Runs `verify` with the rules skipping every node inside `regions` (offsets, in order). */
export function skippingRegions<T>(regions: readonly RegionSpan[] | undefined, verify: () => T): T {
  const before = skipped;
  skipped = regions && regions.length > 0 ? regions : undefined;
  try {
    return verify();
  } finally {
    skipped = before;
  }
}

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
