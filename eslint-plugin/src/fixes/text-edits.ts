// Text edits of a fix: a range and the text that replaces it, merged into edits ESLint accepts in one fix, and the
// ranges that remove an element of a list or a statement's line.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export interface TextEdit {
  range: readonly [number, number];
  text: string;
}

/**
 * Sorts edits and joins those that touch (an insertion at the end of a removal), since ESLint rejects a fix whose
 * parts share a position ambiguously. `undefined` when two edits truly overlap.
 */
export function mergeEdits(edits: readonly TextEdit[]): TextEdit[] | undefined {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort(
      (a, b) =>
        a.edit.range[0] - b.edit.range[0] || a.edit.range[1] - b.edit.range[1] || a.index - b.index,
    )
    .map(({ edit }) => edit);
  const merged: TextEdit[] = [];
  for (const edit of ordered) {
    const last = merged.at(-1);
    if (last && edit.range[0] <= last.range[1]) {
      if (edit.range[0] < last.range[1]) return undefined;
      merged[merged.length - 1] = {
        range: [last.range[0], Math.max(last.range[1], edit.range[1])],
        text: last.text + edit.text,
      };
    } else {
      merged.push(edit);
    }
  }
  return merged;
}

/** Removes one element of a comma-separated list with the comma that goes with it. */
export function removeListItem(
  sourceCode: Readonly<TSESLint.SourceCode>,
  item: TSESTree.Node,
): TextEdit {
  const after = sourceCode.getTokenAfter(item);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after);
    return { range: [item.range[0], next ? next.range[0] : after.range[1]], text: '' };
  }
  const before = sourceCode.getTokenBefore(item);
  return {
    range: [before?.value === ',' ? before.range[0] : item.range[0], item.range[1]],
    text: '',
  };
}

/** The end of a statement's line, including the line break when nothing else follows it there. */
export function endOfLine(text: string, end: number): number {
  const rest = /^[ \t]*(\r?\n)?/.exec(text.slice(end))!;
  return rest[1] ? end + rest[0].length : end;
}
