// Which rule's fix caused a new type error. The fixed copy's `git diff -U0` says which lines of each file changed;
// an error on a changed line belongs to the rules whose applied fixes rewrote those lines, an error elsewhere in a
// fixed file to the rules that fixed that file, and an error in a file no fix touched to every rule that fixed
// something (a changed signature elsewhere, say).
import type { Finding } from './findings';
import type { TscDiagnostic } from './typecheck';

/** One hunk of a unified diff with no context lines: `@@ -oldStart,oldLines +newStart,newLines @@`. */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

/** The hunks of each file of `git diff -U0` output, keyed by the file's new path. */
export function parseUnifiedDiff(text: string): Map<string, Hunk[]> {
  const files = new Map<string, Hunk[]>();
  let current: Hunk[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4).trim();
      current = [];
      files.set(name === '/dev/null' ? name : name.replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current)
      current.push({
        oldStart: Number(hunk[1]),
        oldLines: hunk[2] === undefined ? 1 : Number(hunk[2]),
        newStart: Number(hunk[3]),
        newLines: hunk[4] === undefined ? 1 : Number(hunk[4]),
      });
  }
  return files;
}

/**
 * The lines of the unfixed file that the fixed file's `line` comes from: the old side of the hunk that holds it, or
 * the one unchanged line it was before lines moved.
 */
export function originalLines(hunks: readonly Hunk[], line: number): [number, number] {
  let shift = 0;
  for (const hunk of hunks) {
    const newEnd = hunk.newStart + Math.max(hunk.newLines, 1) - 1;
    if (line >= hunk.newStart && line <= newEnd) {
      // A pure deletion (`+n,0`) leaves no new line; the old lines it removed are the neighbours of `line`.
      return hunk.oldLines === 0
        ? [hunk.oldStart, hunk.oldStart + 1]
        : [hunk.oldStart, hunk.oldStart + hunk.oldLines - 1];
    }
    if (hunk.newStart > line) break;
    shift += hunk.oldLines - hunk.newLines;
  }
  return [line + shift, line + shift];
}

export type Attribution = 'at-fix' | 'same-file' | 'other-file';

export interface AttributedError extends TscDiagnostic {
  tsconfig: string;
  /** The rules whose fixes are blamed, sorted; empty when no fix was applied at all. */
  rules: string[];
  attribution: Attribution;
}

/**
 * Blames each new error on the rules whose fixes are nearest to it. `findings` are the unfixed run's findings whose
 * fix `--fix-unsafe` applies, with the lines it rewrites; `hunks` are the fixed copy's changes per file.
 */
export function attributeErrors(
  errors: readonly TscDiagnostic[],
  tsconfig: string,
  findings: readonly Finding[],
  hunks: ReadonlyMap<string, readonly Hunk[]>,
): AttributedError[] {
  const fixed = findings.filter((finding) => finding.fix !== 'none');
  const rulesOf = (candidates: readonly Finding[]): string[] =>
    [...new Set(candidates.map((finding) => finding.rule))].sort();
  const changedFiles = new Set(hunks.keys());
  const rulesOfChangedFiles = rulesOf(fixed.filter((finding) => changedFiles.has(finding.file)));
  return errors.map((error) => {
    const fileHunks = error.file === undefined ? undefined : hunks.get(error.file);
    if (!fileHunks || error.file === undefined)
      return { ...error, tsconfig, rules: rulesOfChangedFiles, attribution: 'other-file' };
    const inFile = fixed.filter((finding) => finding.file === error.file);
    const [from, to] = originalLines(fileHunks, error.line);
    const atFix = inFile.filter((finding) => {
      const [start, end] = finding.fixLines ?? [finding.line, finding.endLine];
      return start <= to && from <= end;
    });
    return atFix.length > 0
      ? { ...error, tsconfig, rules: rulesOf(atFix), attribution: 'at-fix' }
      : { ...error, tsconfig, rules: rulesOf(inFile), attribution: 'same-file' };
  });
}
