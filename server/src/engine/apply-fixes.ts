// Applying ESLint fixes to a text: in order of position, skipping any fix that touches or overlaps one already
// applied (it is retried on the next pass, against the new text), as ESLint's own fixer does.

export interface TextFix {
  range: readonly [number, number];
  text: string;
}

export function applyFixes<Fix extends TextFix>(
  text: string,
  fixes: readonly Fix[],
): { text: string; applied: number; appliedFixes: Fix[] } {
  const ordered = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  let applied = 0;
  const appliedFixes: Fix[] = [];
  for (const fix of ordered) {
    const { range, text: replacement } = fix;
    const [start, end] = range;
    if (start <= lastEnd || start < 0 || start > end || end > text.length) continue;
    output += text.slice(cursor, start) + replacement;
    cursor = end;
    lastEnd = end;
    applied++;
    appliedFixes.push(fix);
  }
  return { text: output + text.slice(cursor), applied, appliedFixes };
}
