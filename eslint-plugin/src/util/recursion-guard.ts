// TypeScript's checker can overflow the stack on some recursive generic types (an interface whose method returns the
// same interface, passed through a generic wrapper: typescript-eslint's no-floating-promises tests one). Under ESLint
// a throwing rule aborts the whole run, so a query that may recurse that deep runs through this guard: a stack
// overflow gives the fallback (the rule then knows less about that one node) instead of an exception.

/** `query()`, or `fallback()` when it overflows the stack. Other errors pass through. */
export function guardRecursion<T>(query: () => T, fallback: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) return fallback();
    throw error;
  }
}
