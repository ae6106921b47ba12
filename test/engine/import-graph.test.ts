// The engine's reverse import graph on a real project: which open files import a changed file, directly, through
// a re-export, through `require`, `import()` and `import type`, around a cycle, and across a tsconfig boundary.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import { Engine } from 'loopguard';

import { createTempProject, removeTempProjects, TSCONFIG } from '../support/temp-project';

describe('Engine.importersOf (the reverse import graph)', function () {
  this.timeout(60_000);
  after(removeTempProjects);

  it('finds direct and transitive importers among the candidates, and nothing else', () => {
    const root = createTempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          ...(JSON.parse(TSCONFIG) as { compilerOptions: object }).compilerOptions,
          allowJs: true,
        },
      }),
      'a.ts': 'export function load(): number {\n  return 1;\n}\n',
      'middle.ts': "export { load } from './a.js';\n",
      'direct.ts': "import { load } from './a.js';\nload();\n",
      'through-middle.ts': "import { load } from './middle.js';\nload();\n",
      'dynamic.ts':
        "export async function later() {\n  return (await import('./a.js')).load();\n}\n",
      'type-only.ts': "export type Load = typeof import('./a.js').load;\n",
      'required.cjs': "const { load } = require('./a.cjs');\nload();\n",
      'a.cts': 'export function load(): number {\n  return 1;\n}\n',
      'cycle-one.ts':
        "import { two } from './cycle-two.js';\nimport { load } from './a.js';\nexport const one = () => two() + load();\n",
      'cycle-two.ts':
        "import { one } from './cycle-one.js';\nexport const two = () => 1;\nexport const again = () => one();\n",
      'unrelated.ts': 'export const x = 1;\n',
    });
    const file = (name: string): string => path.join(root, name).split(path.sep).join('/');
    const engine = new Engine({ root });
    const candidates = [
      'direct.ts',
      'through-middle.ts',
      'dynamic.ts',
      'type-only.ts',
      'cycle-two.ts',
      'unrelated.ts',
      'required.cjs',
    ].map(file);
    assert.deepEqual(
      engine.importersOf([file('a.ts')], candidates).sort(),
      ['cycle-two.ts', 'direct.ts', 'dynamic.ts', 'through-middle.ts', 'type-only.ts'].map(file),
    );
    assert.deepEqual(engine.importersOf([file('a.cts')], candidates), [file('required.cjs')]);
    assert.deepEqual(engine.importersOf([file('unrelated.ts')], candidates), []);
  });

  it('counts every file of the program as dependent on a file that declares globals', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'globals.d.ts': 'declare function load(): number;\n',
      'augment.ts': 'export {};\ndeclare global {\n  function later(): Promise<void>;\n}\n',
      'module.ts': 'export const x = 1;\n',
      'user.ts': 'export function run() {\n  load();\n}\n',
    });
    const file = (name: string): string => path.join(root, name).split(path.sep).join('/');
    const engine = new Engine({ root });
    assert.deepEqual(engine.importersOf([file('globals.d.ts')], [file('user.ts')]), [
      file('user.ts'),
    ]);
    assert.deepEqual(engine.importersOf([file('augment.ts')], [file('user.ts')]), [
      file('user.ts'),
    ]);
    assert.deepEqual(engine.importersOf([file('module.ts')], [file('user.ts')]), []);
  });

  it('reaches the importers of the interfaces and abstract classes a changed class implements, not of every base class', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'logger.ts': 'export interface Logger {\n  log(message: string): void;\n}\n',
      'store.ts': 'export abstract class Store {\n  abstract save(key: string): void;\n}\n',
      'base.ts': 'export class Base {\n  name(): string {\n    return "base";\n  }\n}\n',
      'impl.ts': [
        "import type { Logger } from './logger.js';",
        "import { Base } from './base.js';",
        "import { Store } from './store.js';",
        'export class Console extends Base implements Logger {',
        '  log(message: string): void {',
        '    console.log(message);',
        '  }',
        '}',
        'export class Memory extends Store {',
        '  save(_key: string): void {}',
        '}',
        '',
      ].join('\n'),
      'uses-logger.ts':
        "import type { Logger } from './logger.js';\nexport const use = (logger: Logger) => logger.log('x');\n",
      'uses-store.ts':
        "import type { Store } from './store.js';\nexport const use = (store: Store) => store.save('x');\n",
      'uses-base.ts':
        "import type { Base } from './base.js';\nexport const use = (base: Base) => base.name();\n",
    });
    const file = (name: string): string => path.join(root, name).split(path.sep).join('/');
    const engine = new Engine({ root });
    const candidates = ['uses-logger.ts', 'uses-store.ts', 'uses-base.ts'].map(file);
    // A concrete base class's calls resolve to its own methods, so an edit of a subclass cannot change them.
    assert.deepEqual(
      engine.importersOf([file('impl.ts')], candidates).sort(),
      ['uses-logger.ts', 'uses-store.ts'].map(file),
    );
  });

  it('sees imports added in an unsaved buffer', () => {
    const root = createTempProject({
      'tsconfig.json': TSCONFIG,
      'a.ts': 'export const a = 1;\n',
      'b.ts': 'export const b = 2;\n',
    });
    const a = path.join(root, 'a.ts').split(path.sep).join('/');
    const b = path.join(root, 'b.ts').split(path.sep).join('/');
    const engine = new Engine({ root });
    assert.deepEqual(engine.importersOf([a], [b]), []);
    engine.overlay.set(b, "import { a } from './a.js';\nexport const b = a;\n", 2);
    assert.deepEqual(engine.importersOf([a], [b]), [b]);
  });
});
