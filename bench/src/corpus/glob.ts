// Path globs for the corpus manifest (which files of a repository are test code). A glob is matched against the
// whole path relative to the repository root, with `/` separators: `**` matches any number of folders (none
// included), `*` and `?` match within one path segment, `{a,b}` matches either alternative.

/** The regular expression that matches exactly the paths `glob` matches. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braceDepth = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const atSegmentStart = index === 0 || glob[index - 1] === '/';
        const next = glob[index + 2];
        if (atSegmentStart && next === '/') {
          // `**/`: zero or more whole folders.
          source += '(?:[^/]*/)*';
          index += 2;
        } else {
          // `**` elsewhere (at the end, say): anything, slashes included.
          source += '.*';
          index += 1;
        }
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      braceDepth++;
      source += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (char === ',' && braceDepth > 0) {
      source += '|';
    } else {
      source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
  }
  if (braceDepth > 0) throw new Error(`unclosed '{' in the glob ${JSON.stringify(glob)}`);
  return new RegExp(`^${source}$`);
}

/** A predicate for "matches any of these globs"; paths use `/` and are relative to the repository root. */
export function globMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const patterns = globs.map(globToRegExp);
  return (relativePath) => patterns.some((pattern) => pattern.test(relativePath));
}
