// ARCHITECTURE.md matches the code: it stays short enough to read in ten minutes, its code map has a heading for
// every room (each package folder and each folder of `eslint-plugin/src` and `server/src`), every heading names a
// real folder, and every file the code map names exists (in the folder it is listed under, else in that folder's
// package, else from the repository's root).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from './support/paths';

const ARCHITECTURE = fs.readFileSync(path.join(REPO_ROOT, 'ARCHITECTURE.md'), 'utf8');
const MAX_LINES = 250;
/** Top-level folders that hold the project's own code; each is a room of the code map. */
const PACKAGE_FOLDERS = [
  'eslint-plugin',
  'server',
  'extension',
  'test',
  'bench',
  'examples',
  'scripts',
];
/** Folders whose subfolders are rooms of their own. */
const ROOM_PARENTS = ['eslint-plugin/src', 'server/src'];
const SKIPPED = new Set(['node_modules', 'dist', 'out', 'fixtures']);

interface Section {
  folder: string;
  text: string;
}

/** The code map's `### \`folder/\`` sections, each with its text up to the next heading. */
function codeMapSections(markdown: string): Section[] {
  const codeMap = markdown.split(/^## Code map$/m)[1]?.split(/^## /m)[0] ?? '';
  const sections: Section[] = [];
  for (const part of codeMap.split(/^### /m).slice(1)) {
    const heading = /^`([^`]+)\/`\s*$/m.exec(part.split('\n')[0] ?? '');
    assert.ok(heading, `code map heading is not a folder in backticks: ${part.split('\n')[0]}`);
    sections.push({ folder: heading[1]!, text: part });
  }
  return sections;
}

function subfolders(folder: string): string[] {
  return fs
    .readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SKIPPED.has(entry.name))
    .map((entry) => `${folder}/${entry.name}`);
}

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => !file.split(path.sep).some((part) => SKIPPED.has(part)))
    .map((file) => file.split(path.sep).join('/'));
}

describe('ARCHITECTURE.md', () => {
  const sections = codeMapSections(ARCHITECTURE);
  const headings = sections.map((section) => section.folder);

  it(`is at most ${MAX_LINES} lines`, () => {
    const lines = ARCHITECTURE.trimEnd().split('\n').length;
    assert.ok(lines <= MAX_LINES, `${lines} lines`);
  });

  it('has a code-map heading for every room, and every heading is a folder', () => {
    const rooms = [...PACKAGE_FOLDERS, ...ROOM_PARENTS.flatMap(subfolders)].sort();
    assert.deepEqual(
      rooms.filter((room) => !headings.includes(room)),
      [],
    );
    assert.deepEqual(
      headings.filter((folder) => !fs.statSync(path.join(REPO_ROOT, folder)).isDirectory()),
      [],
    );
  });

  it('names only files that exist', () => {
    const missing: string[] = [];
    for (const { folder, text } of sections) {
      const places = [filesUnder(folder), filesUnder(folder.split('/')[0]!)];
      for (const [, name] of text.matchAll(/`(\w[\w./-]*\.(?:ts|mts|cts|js|mjs|cjs|md))`/g)) {
        const found =
          places.some((files) =>
            files.some((file) => file === name || file.endsWith(`/${name}`)),
          ) || fs.existsSync(path.join(REPO_ROOT, name!));
        if (!found) missing.push(`${folder}/: ${name}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
