// Shrinking a failing input to the lines that still make it fail (delta debugging over lines), for the fuzz report.

/**
 * The smallest text found, by removing runs of lines (halving the run length when nothing more can go), that
 * `stillFails` accepts. Stops after `budget` candidates; the text it returns always fails.
 */
export function minimiseLines(
  code: string,
  stillFails: (candidate: string) => boolean,
  budget = 400,
): string {
  let lines = code.split('\n');
  let tries = 0;
  for (let size = Math.max(1, Math.floor(lines.length / 2)); size >= 1 && tries < budget;) {
    let removed = false;
    for (let start = 0; start < lines.length && tries < budget;) {
      const candidate = [...lines.slice(0, start), ...lines.slice(start + size)];
      tries++;
      if (candidate.length > 0 && stillFails(candidate.join('\n'))) {
        lines = candidate;
        removed = true;
      } else {
        start += size;
      }
    }
    if (!removed) size = Math.floor(size / 2);
  }
  return lines.join('\n');
}
