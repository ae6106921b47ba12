// The declared, versioned channel through which findings that span places reach a host that runs ESLint's `Linter`
// itself (the Loopguard engine), whichever copy of this plugin a config loads.
//
// ESLint's messages carry one location each. A rule that has more (the blocking call at the end of a chain of
// helpers) publishes them here right after `context.report`, keyed by the reported message (file, rule id, 1-based
// start). The channel is a process-wide registry, one object on `globalThis` under `Symbol.for(KEY)`, so that the
// engine's copy of the plugin and a project's own install (loaded by its `eslint.config.*`) meet at the same place:
// module-level state would exist once per copy.
//
// Protocol, version 1 (the `v1` in the key is the version; a change that is not backward compatible takes a new key,
// and a host may serve several keys at once):
// - The registry is `{ version: 1, collector }`. Only a host creates it (`collectRelatedLocations`); a copy of the
//   plugin never does.
// - A host sets `collector` for the duration of one synchronous `Linter.verify` and restores the previous value after
//   it, so hosts nest and nothing outlives the call.
// - A rule calls `collector(record)` when the registry exists, has `version === 1` and a collector is set; otherwise it
//   does nothing. A plain ESLint run therefore records nothing and costs one property lookup per finding with
//   related locations.

/** The `Symbol.for` key of the registry on `globalThis`; the version is part of it. */
export const RELATED_LOCATIONS_KEY = 'eslint-plugin-loopguard.related-locations.v1';

/** The registry's `version` field for this protocol. */
export const RELATED_LOCATIONS_VERSION = 1;

/** A place related to a finding. Lines and columns are 1-based, as in ESLint's messages. */
export interface RelatedLocation {
  /** The file, as the TypeScript program names it (absolute). */
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** What a rule publishes for one reported message: the message's file, rule id and 1-based start, and its places. */
export interface RelatedLocationsRecord {
  filePath: string;
  ruleId: string;
  line: number;
  column: number;
  locations: readonly RelatedLocation[];
}

export type RelatedLocationsCollector = (record: RelatedLocationsRecord) => void;

/** The object at `globalThis[Symbol.for(RELATED_LOCATIONS_KEY)]`. */
export interface RelatedLocationsRegistry {
  readonly version: typeof RELATED_LOCATIONS_VERSION;
  collector: RelatedLocationsCollector | undefined;
}

const registryKey = Symbol.for(RELATED_LOCATIONS_KEY);

type GlobalWithRegistry = typeof globalThis & {
  [registryKey]?: RelatedLocationsRegistry;
};

/** Rule side: the collector a host has installed for the current `Linter.verify`, or `undefined` when none collects. */
export function activeRelatedLocationsCollector(): RelatedLocationsCollector | undefined {
  const registry = (globalThis as GlobalWithRegistry)[registryKey];
  return registry?.version === RELATED_LOCATIONS_VERSION ? registry.collector : undefined;
}

/**
 * Host side: runs `verify` (one synchronous `Linter.verify`, or a few) with a collector installed and returns its
 * value with everything any copy of the plugin published meanwhile. Creates the registry on first use.
 */
export function collectRelatedLocations<T>(verify: () => T): {
  value: T;
  records: RelatedLocationsRecord[];
} {
  const global = globalThis as GlobalWithRegistry;
  let registry = global[registryKey];
  if (registry?.version !== RELATED_LOCATIONS_VERSION) {
    registry = { version: RELATED_LOCATIONS_VERSION, collector: undefined };
    global[registryKey] = registry;
  }
  const records: RelatedLocationsRecord[] = [];
  const previous = registry.collector;
  registry.collector = (record) => records.push(record);
  try {
    return { value: verify(), records };
  } finally {
    registry.collector = previous;
  }
}
