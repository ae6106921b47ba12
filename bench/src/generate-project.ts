// Writes a realistic TypeScript project for the benchmarks: services in modules that import each other, async
// methods over a fetch-based HTTP client, fs calls, `Promise.all` over arrays, and, at a seeded rate, each of the
// async mistakes Loopguard reports, next to their correct forms. The same seed and size give the same project.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The seeded generator the fix-safety test uses too: the same seed gives the same project, run after run.
import { Random } from 'loopguard-test/random';

export interface GeneratedProject {
  root: string;
  files: number;
  lines: number;
  /** The 2,000-line file the language-server measurements edit. */
  largeFile: string;
  /** A service file in the middle of the import graph: the "one file changed" of the warm cache runs. */
  changedFile: string;
}

const AREAS = [
  'billing',
  'catalog',
  'orders',
  'users',
  'search',
  'shipping',
  'reports',
  'auth',
  'media',
  'notify',
];
const KINDS = ['service', 'repository', 'client', 'handler', 'sync'];
/** How often a module gets the mistaken form of each pattern instead of the correct one. */
const MISTAKE_RATE = 0.2;
const LARGE_FILE_LINES = 2000;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ['src'],
};

interface Module {
  index: number;
  area: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  deps: number[];
}

/** Generates `fileCount` files (the core modules and the large file included) into `root`, replacing what was there. */
export function generateProject(root: string, fileCount: number, seed: number): GeneratedProject {
  const random = new Random(seed);
  fs.rmSync(root, { recursive: true, force: true });
  const serviceCount = Math.max(1, fileCount - 5);
  const modules: Module[] = [];
  for (let index = 0; index < serviceCount; index++) {
    const area = AREAS[index % AREAS.length]!;
    const kind = KINDS[Math.floor(index / AREAS.length) % KINDS.length]!;
    modules.push({
      index,
      area,
      file: `src/${area}/${area}-${kind}-${index}.ts`,
      deps: pickDependencies(random, index),
    });
  }

  const written = new Map<string, string>();
  written.set(
    'package.json',
    `${JSON.stringify({ name: 'generated-bench-project', private: true, type: 'module' }, null, 2)}\n`,
  );
  written.set('tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  written.set('src/core/http.ts', HTTP_CLIENT);
  written.set('src/core/audit.ts', AUDIT_LOG);
  written.set('src/core/settings.ts', SETTINGS);
  for (const module of modules) written.set(module.file, serviceModule(random, module, modules));
  written.set('src/core/registry.ts', largeModule(random, modules));
  written.set('src/index.ts', indexModule(modules));

  let lines = 0;
  for (const [relative, text] of written) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    if (relative.endsWith('.ts')) lines += text.split('\n').length - 1;
  }
  makeRepositoryRoot(root);
  const middle = modules[Math.floor(modules.length / 2)]!;
  return {
    root,
    files: [...written.keys()].filter((relative) => relative.endsWith('.ts')).length,
    lines,
    largeFile: path.join(root, 'src/core/registry.ts'),
    changedFile: path.join(root, middle.file),
  };
}

/**
 * The project is its own git repository, as a checked-out project is. Without that, the linters would apply the
 * enclosing repository's `.gitignore`, which excludes the generated projects, and lint nothing.
 */
function makeRepositoryRoot(root: string): void {
  const git = spawnSync('git', ['init', '--quiet', root], { encoding: 'utf8' });
  if (git.status !== 0) fs.mkdirSync(path.join(root, '.git'), { recursive: true });
}

/** One to three earlier modules, mostly near neighbours (a feature's own files), sometimes anything earlier. */
function pickDependencies(random: Random, index: number): number[] {
  if (index === 0) return [];
  const count = random.int(1, Math.min(3, index));
  const deps = new Set<number>();
  while (deps.size < count) {
    const near = random.chance(0.7);
    const candidate = near ? index - random.int(1, Math.min(index, 20)) : random.int(0, index - 1);
    deps.add(candidate);
  }
  return [...deps].sort((a, b) => a - b);
}

function importPath(from: string, to: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function serviceModule(random: Random, module: Module, modules: readonly Module[]): string {
  const i = module.index;
  const mistake = (): boolean => random.chance(MISTAKE_RATE);
  const firstDep = module.deps[0];
  const lines: string[] = [
    `// The ${module.area} records of feature ${i}: loading, caching and saving them through the HTTP API.`,
    "import { EventEmitter } from 'node:events';",
    "import { existsSync, readFileSync } from 'node:fs';",
    "import { readFile } from 'node:fs/promises';",
    '',
    `import { AuditLog } from '${importPath(module.file, 'src/core/audit.ts')}';`,
    `import { HttpClient } from '${importPath(module.file, 'src/core/http.ts')}';`,
  ];
  for (const dep of module.deps) {
    lines.push(
      `import { format${dep}, Service${dep}, type Record${dep} } from '${importPath(module.file, modules[dep]!.file)}';`,
    );
  }
  lines.push(
    '',
    `export type Status${i} = 'draft' | 'active' | 'archived';`,
    '',
    `export interface Record${i} {`,
    '  id: string;',
    '  total: number;',
    '  tags: string[];',
    `  status: Status${i};`,
    '  updatedAt: string;',
    ...module.deps.map((dep) => `  related${dep}?: Record${dep};`),
    '}',
    '',
    `export function format${i}(record: Record${i}): string {`,
    "  const tags = record.tags.length > 0 ? ` [${record.tags.join(', ')}]` : '';",
    '  return `${record.id}: ${record.total.toFixed(2)} (${record.status})${tags}`;',
    '}',
    '',
    `export function describeStatus${i}(status: Status${i}): string {`,
    '  switch (status) {',
    "    case 'draft':",
    "      return 'not published yet';",
    "    case 'active':",
    "      return 'live';",
    "    case 'archived':",
    "      return 'kept for reference';",
    '  }',
    '}',
    '',
    '/** Reads the defaults shipped next to the service; used at start-up, before the event loop matters. */',
    `export function loadDefaults${i}(file: string): Record${i}[] {`,
    '  if (!existsSync(file)) return [];',
    `  return JSON.parse(readFileSync(file, 'utf8')) as Record${i}[];`,
    '}',
    '',
    `export class Service${i} {`,
    `  private readonly cache = new Map<string, Record${i}>();`,
    '',
    '  constructor(',
    '    private readonly http: HttpClient,',
    '    private readonly audit: AuditLog,',
    ...module.deps.map((dep) => `    private readonly dep${dep}: Service${dep},`),
    '  ) {}',
    '',
    `  async get(id: string): Promise<Record${i}> {`,
    '    const cached = this.cache.get(id);',
    '    if (cached) return cached;',
    `    const record = await this.http.getJson<Record${i}>(\`/${module.area}/${i}/\${encodeURIComponent(id)}\`);`,
    '    this.cache.set(id, record);',
    '    return record;',
    '  }',
    '',
    '  async exists(id: string): Promise<boolean> {',
    '    const record = await this.get(id);',
    "    return record.status !== 'archived';",
    '  }',
    '',
    `  summarize(records: readonly Record${i}[]): string {`,
    `    return records.map((record) => format${i}(record)).join('\\n');`,
    '  }',
    '',
  );
  for (const dep of module.deps) {
    lines.push(
      `  async linkTo${dep}(id: string): Promise<string> {`,
      '    const own = await this.get(id);',
      `    const other = await this.dep${dep}.get(own.id);`,
      `    return \`\${format${i}(own)} -> \${format${dep}(other)}\`;`,
      '  }',
      '',
    );
  }
  lines.push(...savePattern(i, mistake()));
  lines.push(...warmPattern(i, mistake()));
  lines.push(...snapshotPattern(i, mistake()));
  lines.push(...bootstrapPattern(i, mistake()));
  lines.push(...getManyPattern(i, mistake()));
  if (firstDep !== undefined) lines.push(...overviewPattern(i, firstDep, mistake()));
  lines.push(...comparePattern(i, mistake()));
  lines.push(...pingPattern(i, module.area, mistake()));
  lines.push(...watchPattern(i, mistake()));
  lines.push(...labelPattern(i, mistake()));
  lines.push('}', '');
  return lines.join('\n');
}

/** A floating promise: the audit record is started and dropped. */
function savePattern(i: number, mistaken: boolean): string[] {
  return [
    `  async save(record: Record${i}): Promise<void> {`,
    `    await this.http.postJson(\`/records/${i}/\${record.id}\`, record);`,
    '    this.cache.set(record.id, record);',
    mistaken
      ? "    this.audit.record('saved', record.id);"
      : "    await this.audit.record('saved', record.id);",
    '  }',
    '',
  ];
}

/** An async callback given to `forEach`, which ignores the promises it returns. */
function warmPattern(i: number, mistaken: boolean): string[] {
  const body = mistaken
    ? ['    ids.forEach(async (id) => {', '      await this.get(id);', '    });']
    : ['    for (const id of ids) {', '      await this.get(id);', '    }'];
  return [`  async warm${i}(ids: readonly string[]): Promise<void> {`, ...body, '  }', ''];
}

/** A blocking read inside a request handler, instead of the promise API. */
function snapshotPattern(i: number, mistaken: boolean): string[] {
  return [
    `  async loadSnapshot(request: { file: string }): Promise<Record${i}[]> {`,
    mistaken
      ? "    const raw = readFileSync(request.file, 'utf8');"
      : "    const raw = await readFile(request.file, 'utf8');",
    `    const records = JSON.parse(raw) as Record${i}[];`,
    '    for (const record of records) this.cache.set(record.id, record);',
    '    return records;',
    '  }',
    '',
  ];
}

/** Blocking through a helper: the sync helper reads the disk, called from a request handler. */
function bootstrapPattern(i: number, mistaken: boolean): string[] {
  const load = mistaken
    ? `    const defaults = loadDefaults${i}(request.file);`
    : `    const defaults = JSON.parse(await readFile(request.file, 'utf8')) as Record${i}[];`;
  return [
    '  async bootstrap(request: { file: string }): Promise<number> {',
    load,
    '    for (const record of defaults) this.cache.set(record.id, record);',
    "    await this.audit.record('bootstrapped', String(defaults.length));",
    '    return defaults.length;',
    '  }',
    '',
  ];
}

/** Unbounded fan-out over an array of any size, or the bounded chunked form. */
function getManyPattern(i: number, mistaken: boolean): string[] {
  const body = mistaken
    ? ['    return Promise.all(ids.map((id) => this.get(id)));']
    : [
        `    const records: Record${i}[] = [];`,
        '    for (let start = 0; start < ids.length; start += 8) {',
        '      const chunk = await Promise.all(ids.slice(start, start + 8).map((id) => this.get(id)));',
        '      records.push(...chunk);',
        '    }',
        '    return records;',
      ];
  return [`  async getMany(ids: readonly string[]): Promise<Record${i}[]> {`, ...body, '  }', ''];
}

/** Two independent awaits one after the other, or run together. */
function overviewPattern(i: number, dep: number, mistaken: boolean): string[] {
  const body = mistaken
    ? [
        '    const own = await this.get(id);',
        `    const other = await this.dep${dep}.get(otherId);`,
      ]
    : [`    const [own, other] = await Promise.all([this.get(id), this.dep${dep}.get(otherId)]);`];
  return [
    '  async overview(id: string, otherId: string): Promise<string> {',
    ...body,
    `    return \`\${format${i}(own)} / \${format${dep}(other)}\`;`,
    '  }',
    '',
  ];
}

/** Tasks started first and awaited one by one: the second one's rejection goes unhandled while the first is awaited. */
function comparePattern(i: number, mistaken: boolean): string[] {
  const body = mistaken
    ? [
        '    const first = this.get(a);',
        '    const second = this.get(b);',
        '    const left = await first;',
        '    const right = await second;',
      ]
    : ['    const [left, right] = await Promise.all([this.get(a), this.get(b)]);'];
  return [
    `  async compare${i}(a: string, b: string): Promise<boolean> {`,
    ...body,
    '    return left.total === right.total;',
    '  }',
    '',
  ];
}

/** A request with no deadline. */
function pingPattern(i: number, area: string, mistaken: boolean): string[] {
  const options = mistaken ? '' : ', { signal: AbortSignal.timeout(2000) }';
  return [
    '  async ping(): Promise<boolean> {',
    `    const response = await fetch('https://api.example.com/${area}/${i}/health'${options});`,
    '    return response.ok;',
    '  }',
    '',
  ];
}

/** An async listener where a void-returning one is expected (a misused promise), or a handled one. */
function watchPattern(i: number, mistaken: boolean): string[] {
  const body = mistaken
    ? [
        "    events.on('refresh', async (id: string) => {",
        '      this.cache.delete(id);',
        '      await this.get(id);',
        '    });',
      ]
    : [
        "    events.on('refresh', (id: string) => {",
        '      this.cache.delete(id);',
        "      this.get(id).catch((error: unknown) => events.emit('error', error));",
        '    });',
      ];
  return [`  watch${i}(events: EventEmitter): void {`, ...body, '  }', ''];
}

/** `await` on a value that is not a promise. */
function labelPattern(i: number, mistaken: boolean): string[] {
  return [
    '  async label(id: string): Promise<string> {',
    '    const record = await this.get(id);',
    mistaken ? `    return await format${i}(record);` : `    return format${i}(record);`,
    '  }',
  ];
}

/** The large file: one registry class with many small async methods over a few services. */
function largeModule(random: Random, modules: readonly Module[]): string {
  const file = 'src/core/registry.ts';
  const used = modules.slice(0, Math.min(10, modules.length));
  const lines = [
    '// The registry every feature reports to: one large class, the kind of file that grows in every codebase.',
    "import { readFileSync } from 'node:fs';",
    '',
    "import { AuditLog } from './audit.js';",
    ...used.map(
      (module) =>
        `import { Service${module.index}, type Record${module.index} } from '${importPath(file, module.file)}';`,
    ),
    '',
    'export class Registry {',
    '  constructor(',
    '    private readonly audit: AuditLog,',
    ...used.map((module) => `    private readonly service${module.index}: Service${module.index},`),
    '  ) {}',
    '',
  ];
  for (let method = 0; lines.length < LARGE_FILE_LINES - 8; method++) {
    const module = used[method % used.length]!;
    const service = `this.service${module.index}`;
    const mistaken = random.chance(MISTAKE_RATE);
    switch (method % 4) {
      case 0:
        lines.push(
          `  async find${method}(id: string): Promise<Record${module.index} | undefined> {`,
          `    if (!(await ${service}.exists(id))) return undefined;`,
          `    return ${service}.get(id);`,
          '  }',
          '',
        );
        break;
      case 1:
        lines.push(
          `  async touch${method}(id: string): Promise<void> {`,
          `    const record = await ${service}.get(id);`,
          mistaken
            ? `    this.audit.record('touched', record.id);`
            : `    await this.audit.record('touched', record.id);`,
          '  }',
          '',
        );
        break;
      case 2:
        lines.push(
          `  async count${method}(ids: readonly string[]): Promise<number> {`,
          mistaken
            ? `    const records = await Promise.all(ids.map((id) => ${service}.get(id)));`
            : `    const records = await ${service}.getMany(ids);`,
          '    return records.filter((record) => record.total > 0).length;',
          '  }',
          '',
        );
        break;
      default:
        lines.push(
          `  async config${method}(request: { file: string }): Promise<string> {`,
          mistaken
            ? "    const text = readFileSync(request.file, 'utf8');"
            : '    const text = await Promise.resolve(request.file);',
          `    await this.audit.record('config', String(text.length + ${method}));`,
          '    return text.trim();',
          '  }',
          '',
        );
    }
  }
  lines.push('}', '');
  return lines.join('\n');
}

function indexModule(modules: readonly Module[]): string {
  const exported = modules.slice(-5);
  return [
    '// The public surface of the generated application.',
    "export { Registry } from './core/registry.js';",
    "export { HttpClient } from './core/http.js';",
    "export { AuditLog } from './core/audit.js';",
    "export { readSettings } from './core/settings.js';",
    ...exported.map(
      (module) =>
        `export { Service${module.index} } from '${importPath('src/index.ts', module.file)}';`,
    ),
    '',
  ].join('\n');
}

const HTTP_CLIENT = `// A small JSON client over fetch, with a deadline on every request.
export interface RequestOptions {
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(\`\${url} answered \${status}\`);
  }
}

export class HttpClient {
  constructor(private readonly baseUrl: string) {}

  async getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(path, this.baseUrl);
    const response = await fetch(url, { headers: options.headers ?? {}, signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
    if (!response.ok) throw new HttpError(response.status, url.href);
    return (await response.json()) as T;
  }

  async postJson(path: string, body: unknown, options: RequestOptions = {}): Promise<void> {
    const url = new URL(path, this.baseUrl);
    const response = await fetch(url, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...options.headers },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    if (!response.ok) throw new HttpError(response.status, url.href);
  }
}
`;

const AUDIT_LOG = `// An append-only audit log on disk.
import { appendFile } from 'node:fs/promises';

export class AuditLog {
  constructor(private readonly file: string) {}

  async record(action: string, id: string): Promise<void> {
    await appendFile(this.file, \`\${new Date().toISOString()} \${action} \${id}\\n\`);
  }
}
`;

const SETTINGS = `// Settings read once at start-up.
import { readFileSync } from 'node:fs';

export interface Settings {
  baseUrl: string;
  auditFile: string;
  concurrency: number;
}

export function readSettings(file: string): Settings {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>;
  return {
    baseUrl: parsed.baseUrl ?? 'http://localhost:8080',
    auditFile: parsed.auditFile ?? 'audit.log',
    concurrency: parsed.concurrency ?? 8,
  };
}
`;
