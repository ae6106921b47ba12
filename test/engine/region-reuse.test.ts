// Re-linting only the regions an edit can reach (`server/src/engine/region-reuse.ts`, the language server's lints):
// every version's findings must be those of a whole lint of it, message for message (places, fixes, suggestions,
// related locations), while the edits the design covers keep the rest of the file. Each edit is a row: where it
// goes, what it types, whether the lint may keep regions, and whether it changes findings outside the function it
// edits (so that the closure by name, not luck, keeps the results right).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import { Engine, type FileOutcome } from 'loopguard';

import { Random } from '../support/random';
import { createTempProject, removeTempProjects, TSCONFIG_WITH_NODE } from '../support/temp-project';

const SOURCE = [
  "import { execSync } from 'node:child_process';",
  "import { readFileSync } from 'node:fs';",
  '',
  'export function loadConfig(path: string): string {',
  '  return path.trim();',
  '}',
  '',
  'async function warmUp(): Promise<void> {',
  "  execSync('git status');",
  '  await deeper();',
  '}',
  '',
  'async function deeper(): Promise<void> {',
  "  execSync('git fetch');",
  '}',
  '',
  'function inner(): void {',
  '  return;',
  '}',
  '',
  'function outer(): void {',
  '  inner();',
  '}',
  '',
  'export async function run(): Promise<void> {',
  '  outer();',
  '}',
  '',
  'export async function main(): Promise<void> {',
  '  await Promise.resolve();',
  '}',
  '',
  'export class Service {',
  '  private flag = false;',
  '',
  '  async start(): Promise<void> {',
  "    const config = loadConfig('service.json');",
  '    this.flag = config.length > 0;',
  '  }',
  '',
  '  async fetchAll(urls: readonly string[]): Promise<number> {',
  '    const responses = await Promise.all(urls.map((url) => fetch(url)));',
  '    return responses.length;',
  '  }',
  '',
  '  async twoReads(): Promise<string> {',
  "    const first = await fetch('https://example.com/a', { signal: AbortSignal.timeout(1000) });",
  "    const second = await fetch('https://example.com/b', { signal: AbortSignal.timeout(1000) });",
  '    return `${first.status} ${second.status}`;',
  '  }',
  '',
  '  async report(names: readonly string[]) {',
  "    return names.map((name) => readFileSync(name, 'utf8'));",
  '  }',
  '',
  '  notify(): void {',
  '    this.send();',
  '  }',
  '',
  '  async send(): Promise<void> {',
  "    await fetch('https://example.com/notify', { signal: AbortSignal.timeout(500) });",
  '  }',
  '',
  '  private task = () => 0;',
  '',
  '  private alias = this.task;',
  '',
  '  poke(): void {',
  '    this.alias();',
  '  }',
  '}',
  '',
].join('\n');

interface EditRow {
  what: string;
  /** The edit goes right after this text (its first occurrence), or replaces it with `replace`. */
  after?: string;
  replace?: string;
  text: string;
  /** Whether the lint keeps regions (`true`), lints the whole file (a reason it gives), or either. */
  keeps: true | RegExp;
  /** Whether findings outside the edited function change with this edit. */
  changesOthers?: boolean;
  /** How many regions the lint keeps, where the row is about which ones it links to the edit. */
  kept?: number;
}

// Applied in order, each to the text the previous ones left.
const EDITS: readonly EditRow[] = [
  {
    what: 'a space typed in a method',
    after: '  async start(): Promise<void> {',
    text: ' ',
    keeps: true,
    changesOthers: false,
  },
  {
    what: 'a statement typed in a method, lines below it move',
    after: '    this.flag = config.length > 0;\n',
    text: '    const stamp = Date.now();\n',
    keeps: true,
  },
  {
    what: 'a statement typed before one that starts the same way and sets a field (only the new one counts as changed)',
    after: "loadConfig('service.json');\n    this.",
    text: 'alias();\n    this.',
    keeps: true,
    kept: 17,
  },
  {
    what: 'a blocking call typed into a helper a method calls (the method is reached through the name)',
    after: 'export function loadConfig(path: string): string {\n',
    text: "  for (const name of ['a', 'b']) readFileSync(name, 'utf8');\n",
    keeps: true,
    changesOthers: true,
  },
  {
    what: 'a blocking call in a helper of a helper (the async caller is reached through two names)',
    after: 'function inner(): void {\n',
    text: "  execSync('git gc');\n",
    keeps: true,
    changesOthers: true,
  },
  {
    what: 'a call of a helper from `main` (the helper and the one it calls become startup code: reached through the names they declare)',
    after: '  await Promise.resolve();\n',
    text: '  await warmUp();\n',
    keeps: true,
    changesOthers: true,
  },
  {
    what: 'the call removed again',
    replace: '  await warmUp();\n',
    text: '',
    keeps: true,
    changesOthers: true,
  },
  {
    what: 'a half-typed declaration, which does not parse',
    after: '  notify(): void {\n',
    text: '    const',
    keeps: /does not parse/,
  },
  {
    what: 'the declaration finished (compared with the last version that parsed)',
    after: '  notify(): void {\n    const',
    text: ' pending = 1;\n',
    keeps: true,
  },
  {
    what: 'a line added above findings whose messages name lines and whose fixes add an import at the top',
    after: '  async fetchAll(urls: readonly string[]): Promise<number> {\n',
    text: '    const count = urls.length;\n',
    keeps: true,
  },
  {
    what: 'a statement in a method without a declared return type (its type may change: its users are linted)',
    after: '  async report(names: readonly string[]) {\n',
    text: '    const total = names.length;\n',
    keeps: true,
  },
  {
    what: 'another one there, with the same return type',
    after: '  async report(names: readonly string[]) {\n',
    text: '    const again = 2;\n',
    keeps: true,
  },
  {
    what: 'a parameter added to a helper (its type changes: its callers are linted)',
    replace: 'export function loadConfig(path: string): string {',
    text: "export function loadConfig(path: string, fallback = ''): string {",
    keeps: true,
    changesOthers: false,
  },
  {
    what: 'a field’s function becomes async (another field copies it: the method calling that one gets a floating promise)',
    replace: '  private task = () => 0;',
    text: '  private task = async () => 0;',
    keeps: true,
    changesOthers: true,
  },
  {
    what: 'a name added to an import (the code using the names it already had is kept)',
    replace: "import { readFileSync } from 'node:fs';",
    text: "import { readFileSync, writeFileSync } from 'node:fs';",
    keeps: true,
    changesOthers: false,
    kept: 18,
  },
  {
    what: 'the name removed again',
    replace: "import { readFileSync, writeFileSync } from 'node:fs';",
    text: "import { readFileSync } from 'node:fs';",
    keeps: true,
    changesOthers: false,
    kept: 18,
  },
  {
    what: 'an import renamed (the blocking call it named is no longer known)',
    replace: "import { execSync } from 'node:child_process';",
    text: "import { execSync as run } from 'node:child_process';",
    keeps: true,
    changesOthers: true,
  },
  {
    what: 'an import of another module (the packages the project uses change)',
    replace: "import { execSync as run } from 'node:child_process';",
    text: "import { execSync as run } from 'child_process';",
    keeps: /which module/,
  },
  {
    what: 'a new import statement (a new part of the file)',
    after: "import { readFileSync } from 'node:fs';\n",
    text: "import { readFile } from 'node:fs/promises';\n",
    keeps: /not inside one part/,
  },
  {
    what: 'a disable comment typed in a method',
    after: '  async send(): Promise<void> {\n',
    text: '    // eslint-disable-next-line loopguard/require-timeout\n',
    keeps: /reaches the whole file/,
  },
  {
    what: 'a method added whose finding quotes code that reads like a line of the file',
    after: '    this.alias();\n  }\n',
    text: [
      '',
      '  async quoted(names: string[]): Promise<number> {',
      "    const all = await Promise.all(names.filter((n) => n !== 'line 999').map((n) => fetch(n)));",
      '    return all.length;',
      '  }',
      '',
    ].join('\n'),
    keeps: /not inside one part/,
  },
  {
    what: 'a line added above it (the message moves the lines it names, not the code it quotes)',
    after: '  notify(): void {\n',
    text: '    const early = 1;\n',
    keeps: true,
  },
];

type Finding = FileOutcome & { kind: 'linted' };

function findingsOf(outcome: FileOutcome): Finding['findings'] {
  assert.equal(outcome.kind, 'linted');
  return outcome.findings;
}

/** The findings (rule and message) that do not start on the lines of `[from, to]` of `text`. */
function outside(findings: Finding['findings'], text: string, from: number, to: number): string[] {
  const first = text.slice(0, from).split('\n').length;
  const last = text.slice(0, to).split('\n').length;
  return findings
    .filter(({ message }) => message.line < first || message.line > last)
    .map(({ message }) => `${message.ruleId} ${message.message}`);
}

describe('re-linting only the regions an edit reaches', () => {
  after(removeTempProjects);

  it('gives a whole lint’s findings after each edit of the table, keeping regions where it says', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG_WITH_NODE, 'a.ts': SOURCE });
    const file = path.join(root, 'a.ts').split(path.sep).join('/');
    const engine = new Engine({ root, config: { kind: 'builtin', name: 'strict' } });
    let text = SOURCE;
    engine.overlay.set(file, text, 1);
    let previous = findingsOf(engine.lintFile(file, 'none', { reuseUnchangedRegions: true }));
    assert.ok(previous.length >= 6, 'every rule has a finding in the file');
    EDITS.forEach((row, index) => {
      const anchor = row.replace ?? row.after!;
      const at = text.indexOf(anchor);
      assert.ok(at >= 0, `${row.what}: the anchor is in the text`);
      const start = row.replace !== undefined ? at : at + anchor.length;
      const end = row.replace !== undefined ? at + anchor.length : start;
      const before = text;
      text = text.slice(0, start) + row.text + text.slice(end);
      engine.overlay.set(file, text, index + 2);
      const reused = engine.lintFile(file, 'none', { reuseUnchangedRegions: true });
      const why = engine.lastReuse ?? '';
      const whole = engine.lintFile(file);
      assert.deepEqual(reused, whole, `${row.what}: the findings of a whole lint`);
      if (row.keeps !== true) assert.match(why, row.keeps, row.what);
      else if (row.kept !== undefined) assert.equal(why, `kept ${row.kept} regions`, row.what);
      else assert.match(why, /^kept \d+ regions$/, row.what);
      if (reused.kind !== 'linted' || reused.findings.some((f) => f.message.fatal)) return;
      const current = findingsOf(reused);
      if (row.changesOthers !== undefined) {
        const changed =
          JSON.stringify(outside(current, text, start, start + row.text.length)) !==
          JSON.stringify(outside(previous, before, start, end));
        assert.equal(changed, row.changesOthers, `${row.what}: findings elsewhere change`);
      }
      previous = current;
    });
  });

  it('gives a whole lint’s findings after random edits inside the bodies', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG_WITH_NODE, 'a.ts': SOURCE });
    const file = path.join(root, 'a.ts').split(path.sep).join('/');
    const engine = new Engine({ root, config: { kind: 'builtin', name: 'strict' } });
    const statements = [
      "readFileSync('x', 'utf8');",
      "for (const n of ['a']) readFileSync(n);",
      'await warmUp();',
      "loadConfig('y');",
      'this.flag = !this.flag;',
      'void this.send();',
      'this.send();',
      "await fetch('https://example.com/c');",
      'const t = Date.now();',
      "execSync('ls');",
      '',
    ];
    const random = new Random(23);
    let text = SOURCE;
    let kept = 0;
    for (let version = 1; version <= 30; version++) {
      if (version > 1) {
        const bodies = [...text.matchAll(/\): Promise<\w+> \{\n|\): void \{\n|\]\) \{\n/g)];
        const body = random.pick(bodies);
        const at = body.index + body[0].length;
        if (random.chance(0.3) && /^ +\S.*\n/.test(text.slice(at)))
          text = text.slice(0, at) + text.slice(text.indexOf('\n', at) + 1);
        else text = `${text.slice(0, at)}    ${random.pick(statements)}\n${text.slice(at)}`;
      }
      engine.overlay.set(file, text, version);
      const reused = engine.lintFile(file, 'none', { reuseUnchangedRegions: true });
      if (/^kept/.test(engine.lastReuse ?? '')) kept++;
      assert.deepEqual(reused, engine.lintFile(file), `version ${version}:\n${text}`);
    }
    assert.ok(kept >= 10, `regions were kept in ${kept} of 29 lints`);
  });

  it('gives a whole lint’s findings after random names added to and removed from the imports', () => {
    const root = createTempProject({ 'tsconfig.json': TSCONFIG_WITH_NODE, 'a.ts': SOURCE });
    const file = path.join(root, 'a.ts').split(path.sep).join('/');
    const engine = new Engine({ root, config: { kind: 'builtin', name: 'strict' } });
    // Names each module has (and one it has not), some of them used by the code, as values or types.
    const names: Record<string, readonly string[]> = {
      'node:child_process': ['execSync', 'spawnSync', 'type ExecSyncOptions', 'exec as execSync'],
      'node:fs': ['readFileSync', 'writeFileSync', 'type Stats', 'existsSync as readFileSync'],
    };
    const random = new Random(31);
    let text = SOURCE;
    let kept = 0;
    for (let version = 1; version <= 30; version++) {
      if (version > 1) {
        const module = random.pick(Object.keys(names));
        const line = new RegExp(`^import \\{ (.*) \\} from '${module}';$`, 'm').exec(text)!;
        const present = line[1]!.split(', ');
        const name = random.pick(names[module]!);
        const next = present.includes(name)
          ? present.filter((other) => other !== name)
          : [...present, name];
        if (next.length === 0) continue;
        text = text.replace(line[0], `import { ${next.join(', ')} } from '${module}';`);
      }
      engine.overlay.set(file, text, version);
      const reused = engine.lintFile(file, 'none', { reuseUnchangedRegions: true });
      if (/^kept/.test(engine.lastReuse ?? '')) kept++;
      assert.deepEqual(reused, engine.lintFile(file), `version ${version}:\n${text}`);
    }
    assert.ok(kept >= 10, `regions were kept in ${kept} of 29 lints`);
  });
});
