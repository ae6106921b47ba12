// The shared helper modules that applied suggestions import (`no-unbounded-concurrency` with its `helperModule`
// option): a suggestion names its module in `data.helperModule` and its limit in `data.concurrency`; the engine
// gathers them for each fixed file, and the CLI writes a missing one (never over an existing file).
import type { Linter } from 'eslint';
import loopguard from 'eslint-plugin-loopguard';

/** A module to write for the fixed text to compile: its absolute path and the text `--fix-unsafe` gives it. */
export interface HelperModule {
  path: string;
  text: string;
}

/** What a suggestion asks for: the module it imports and the limit its helper is written with. */
export interface HelperModuleRequest {
  path: string;
  concurrency: number;
}

/** The helper module a suggestion imports, if it imports one. */
export function helperModuleRequestOf(
  suggestion: Linter.LintSuggestion,
): HelperModuleRequest | undefined {
  const data = (suggestion as { data?: Record<string, unknown> }).data;
  const modulePath = data?.helperModule;
  const concurrency = Number(data?.concurrency);
  if (typeof modulePath !== 'string' || !Number.isInteger(concurrency) || concurrency < 1)
    return undefined;
  return { path: modulePath, concurrency };
}

/** The modules to write, one per path (the first request's limit wins). */
export function helperModulesFor(requests: Iterable<HelperModuleRequest>): HelperModule[] {
  const byPath = new Map<string, HelperModule>();
  for (const request of requests) {
    if (byPath.has(request.path)) continue;
    byPath.set(request.path, {
      path: request.path,
      text: loopguard.helperModuleSource(request.path, request.concurrency),
    });
  }
  return [...byPath.values()];
}
